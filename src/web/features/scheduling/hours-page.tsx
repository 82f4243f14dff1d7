import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { DoctorSchedule, TimeOff } from '../../../shared/schemas/scheduling.ts';
import { FormAlert, TextField } from '../../components/fields.tsx';
import { Page, Section } from '../../components/page.tsx';
import { QueryView } from '../../components/states.tsx';
import { useToast } from '../../components/toasts.tsx';
import { api } from '../../lib/api-client.ts';
import { describeError } from '../../lib/api-error.ts';
import { useUser } from '../auth/use-session.ts';
import { useClinic } from '../clinic/clinic-context.tsx';
import { useSchedule, useTimeOff } from './scheduling-queries.ts';

const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const rangePattern = /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/;

const asText = (ranges: [string, string][] | undefined) =>
  (ranges ?? []).map(([a, b]) => `${a}-${b}`).join(', ');

function parseRanges(text: string): [string, string][] | undefined {
  const parts = text
    .split(',')
    .map((part) => part.replace(/\s/g, ''))
    .filter(Boolean);
  if (!parts.every((part) => rangePattern.test(part))) return undefined;
  return parts.map((part) => part.split('-') as [string, string]);
}

function WeekForm({ doctorId, schedule }: { doctorId: string; schedule: DoctorSchedule }) {
  const client = useQueryClient();
  const toast = useToast();
  const [slotMinutes, setSlotMinutes] = useState(String(schedule.slotMinutes));
  const [days, setDays] = useState(
    weekdays.map((_, index) => asText(schedule.weeklyHours[String(index + 1) as '1'])),
  );
  const [failure, setFailure] = useState<string>();
  const [invalid, setInvalid] = useState<number[]>([]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = days.map(parseRanges);
    const wrong = parsed.flatMap((ranges, index) => (ranges ? [] : [index]));
    setInvalid(wrong);
    if (wrong.length > 0) return setFailure('Write each day as ranges like 09:00-12:00, 13:00-17:00');
    const weeklyHours = Object.fromEntries(
      parsed.flatMap((ranges, index) => (ranges && ranges.length > 0 ? [[String(index + 1), ranges]] : [])),
    );
    try {
      await api('PUT', `/doctors/${doctorId}/schedule`, {
        body: { slotMinutes: Number(slotMinutes), weeklyHours },
      });
      setFailure(undefined);
      await client.invalidateQueries({ queryKey: ['schedule', doctorId] });
      toast('Working hours saved.');
    } catch (error) {
      setFailure(describeError(error));
    }
  };

  return (
    <form onSubmit={save} noValidate className="card max-w-2xl space-y-4">
      <FormAlert message={failure} />
      <TextField
        label="Slot length (minutes)"
        type="number"
        min={5}
        max={240}
        value={slotMinutes}
        onChange={(event) => setSlotMinutes(event.target.value)}
        hint="Existing appointments keep their length."
      />
      {weekdays.map((day, index) => (
        <TextField
          key={day}
          label={`${day} hours`}
          value={days[index]}
          placeholder="Not working"
          hint={index === 0 ? 'For example 09:00-12:00, 13:00-17:00. Leave empty for a day off.' : undefined}
          error={invalid.includes(index) ? 'Use HH:MM-HH:MM, separated by commas' : undefined}
          onChange={(event) =>
            setDays((current) => current.map((text, at) => (at === index ? event.target.value : text)))
          }
        />
      ))}
      <button type="submit" className="btn btn-primary">
        Save working hours
      </button>
    </form>
  );
}

function TimeOffSection({ doctorId }: { doctorId: string }) {
  const clinic = useClinic();
  const client = useQueryClient();
  const toast = useToast();
  const [today] = useState(() => new Date().toISOString());
  const list = useTimeOff(doctorId, today);
  const [startAt, setStartAt] = useState('');
  const [endAt, setEndAt] = useState('');
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<string>();
  const refresh = () => client.invalidateQueries({ queryKey: ['time-off', doctorId] });

  const add = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await api('POST', `/doctors/${doctorId}/time-off`, {
        body: {
          startAt: new Date(startAt).toISOString(),
          endAt: new Date(endAt).toISOString(),
          ...(reason ? { reason } : {}),
        },
      });
      setFailure(undefined);
      setStartAt('');
      setEndAt('');
      setReason('');
      await refresh();
      toast('Time off added.');
    } catch (error) {
      setFailure(startAt && endAt ? describeError(error) : 'Give the start and the end of the time off');
    }
  };
  const remove = async (entry: TimeOff) => {
    await api('DELETE', `/doctors/${doctorId}/time-off/${entry.id}`);
    await refresh();
    toast('Time off removed.');
  };

  return (
    <>
      <QueryView
        query={list}
        label="time off"
        isEmpty={(data) => data.items.length === 0}
        empty="No time off planned."
      >
        {(data) => (
          <ul className="card mb-4 divide-y divide-line" aria-label="Planned time off">
            {data.items.map((entry) => (
              <li key={entry.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>
                  {clinic.dateTime(entry.startAt)} – {clinic.dateTime(entry.endAt)}
                  {entry.reason ? <span className="text-muted"> · {entry.reason}</span> : null}
                </span>
                <button
                  type="button"
                  className="btn btn-secondary min-h-10 px-3 text-sm"
                  onClick={() => void remove(entry)}
                >
                  Remove<span className="sr-only"> time off from {clinic.dateTime(entry.startAt)}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </QueryView>
      <form onSubmit={add} noValidate className="card grid max-w-2xl gap-4 sm:grid-cols-2">
        <div className="sm:col-span-2">
          <FormAlert message={failure} />
        </div>
        <TextField
          label="Away from"
          type="datetime-local"
          value={startAt}
          onChange={(event) => setStartAt(event.target.value)}
        />
        <TextField
          label="Back at"
          type="datetime-local"
          value={endAt}
          onChange={(event) => setEndAt(event.target.value)}
        />
        <TextField
          className="sm:col-span-2"
          label="Reason (optional)"
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
        <div className="sm:col-span-2">
          <button type="submit" className="btn btn-primary">
            Add time off
          </button>
        </div>
      </form>
    </>
  );
}

function CalendarFeed({ doctorId }: { doctorId: string }) {
  const [url, setUrl] = useState<string>();
  const [failure, setFailure] = useState<string>();
  const issue = async () => {
    try {
      setUrl((await api<{ url: string }>('POST', `/doctors/${doctorId}/calendar-token`)).url);
    } catch (error) {
      setFailure(describeError(error));
    }
  };
  const revoke = async () => {
    await api('DELETE', `/doctors/${doctorId}/calendar-token`);
    setUrl(undefined);
  };
  return (
    <div className="card max-w-2xl space-y-3">
      <FormAlert message={failure} />
      <p>A private address your calendar app can subscribe to. Patients appear by initials only.</p>
      {url && (
        <TextField
          label="Your calendar address"
          readOnly
          value={url}
          onFocus={(event) => event.target.select()}
        />
      )}
      <div className="flex flex-wrap gap-2">
        <button type="button" className="btn btn-primary" onClick={() => void issue()}>
          {url ? 'Make a new address' : 'Show my calendar address'}
        </button>
        <button type="button" className="btn btn-secondary" onClick={() => void revoke()}>
          Stop the calendar feed
        </button>
      </div>
    </div>
  );
}

/** A doctor's own week, time off and calendar feed. */
export function HoursPage() {
  const doctorId = useUser().id;
  const schedule = useSchedule(doctorId);
  return (
    <Page title="My hours">
      <Section title="Weekly hours">
        <QueryView query={schedule} label="your hours">
          {(data) => <WeekForm doctorId={doctorId} schedule={data} />}
        </QueryView>
      </Section>
      <Section title="Time off">
        <TimeOffSection doctorId={doctorId} />
      </Section>
      <Section title="Calendar feed">
        <CalendarFeed doctorId={doctorId} />
      </Section>
    </Page>
  );
}
