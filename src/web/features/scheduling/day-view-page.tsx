import { useState } from 'react';
import type { DayView } from '../../../shared/schemas/scheduling.ts';
import { TextField } from '../../components/fields.tsx';
import { Page } from '../../components/page.tsx';
import { QueryView } from '../../components/states.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { clinicDay } from '../../lib/format.ts';
import { useClinic } from '../clinic/clinic-context.tsx';
import { BookSlotDialog, type SlotChoice } from './book-slot-dialog.tsx';
import { MoveAppointmentDialog, type MoveTarget } from './move-appointment-dialog.tsx';
import { useDayView } from './scheduling-queries.ts';

type Column = DayView['doctors'][number];

function DoctorColumn({
  column,
  date,
  canBook,
  onBook,
  onMove,
}: {
  column: Column;
  date: string;
  canBook: boolean;
  onBook: (choice: SlotChoice) => void;
  onMove: (target: MoveTarget) => void;
}) {
  const clinic = useClinic();
  const hours = column.workingHours.map(
    (range) => `${clinic.time(range.startAt)}–${clinic.time(range.endAt)}`,
  );
  return (
    <section className="card min-w-64 flex-1" aria-label={column.doctor.name}>
      <h2 className="text-lg font-semibold">{column.doctor.name}</h2>
      <p className="mb-3 text-sm text-muted">{hours.length > 0 ? hours.join(', ') : 'Not working'}</p>
      {column.timeOff.map((away) => (
        <p key={away.id} className="mb-2 rounded-lg bg-danger-soft p-2 text-sm">
          Away {clinic.time(away.startAt)}–{clinic.time(away.endAt)}
          {away.reason ? ` · ${away.reason}` : ''}
        </p>
      ))}
      <h3 className="mt-3 font-semibold">Appointments</h3>
      {column.appointments.length === 0 ? (
        <p className="text-muted">None.</p>
      ) : (
        <ul className="divide-y divide-line" aria-label={`Appointments of ${column.doctor.name}`}>
          {column.appointments.map((visit) => (
            <li key={visit.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span>
                <span className="font-semibold">{clinic.time(visit.startAt)}</span> {visit.patient.name}{' '}
                <StatusBadge status={visit.status} />
              </span>
              {canBook && (visit.status === 'REQUESTED' || visit.status === 'APPROVED') && (
                <button
                  type="button"
                  className="btn btn-secondary min-h-10 px-3 text-sm"
                  onClick={() =>
                    onMove({
                      id: visit.id,
                      doctorId: column.doctor.id,
                      patientName: visit.patient.name,
                      startAt: visit.startAt,
                      date,
                    })
                  }
                >
                  Move<span className="sr-only"> {visit.patient.name}'s visit</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <h3 className="mt-3 font-semibold">Free times</h3>
      {column.freeSlots.length === 0 ? (
        <p className="text-muted">No free times left.</p>
      ) : (
        <ul className="flex flex-wrap gap-2" aria-label={`Free times of ${column.doctor.name}`}>
          {column.freeSlots.map((slot) => (
            <li key={slot.startAt}>
              {canBook ? (
                <button
                  type="button"
                  className="btn btn-secondary min-h-10 px-3 text-sm"
                  onClick={() => onBook({ doctor: column.doctor, slot })}
                >
                  {clinic.time(slot.startAt)}
                  <span className="sr-only"> with {column.doctor.name}: book</span>
                </button>
              ) : (
                <span className="rounded-lg border border-line px-3 py-2 text-sm">
                  {clinic.time(slot.startAt)}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The clinic's day: one column per doctor; the front desk books and moves visits from here. */
export function DayViewPage({ canBook = true }: { canBook?: boolean }) {
  const clinic = useClinic();
  const [date, setDate] = useState(() => clinicDay(new Date(), clinic.timezone));
  const [booking, setBooking] = useState<SlotChoice>();
  const [moving, setMoving] = useState<MoveTarget>();
  const view = useDayView(date);
  return (
    <Page title="Day view">
      <TextField
        className="mb-6 max-w-xs"
        label="Day"
        type="date"
        value={date}
        hint={`Times in ${clinic.timezone}.`}
        onChange={(event) => event.target.value && setDate(event.target.value)}
      />
      <QueryView
        query={view}
        label="the day"
        isEmpty={(data) => data.doctors.length === 0}
        empty="No doctors yet."
      >
        {(data) => (
          <div className="flex flex-wrap gap-4">
            {data.doctors.map((column) => (
              <DoctorColumn
                key={column.doctor.id}
                column={column}
                date={date}
                canBook={canBook}
                onBook={setBooking}
                onMove={setMoving}
              />
            ))}
          </div>
        )}
      </QueryView>
      <BookSlotDialog choice={booking} onClose={() => setBooking(undefined)} />
      <MoveAppointmentDialog target={moving} onClose={() => setMoving(undefined)} />
    </Page>
  );
}

/** A doctor's own column, to read: booking and moving stay with the front desk. */
export function MyDayPage() {
  return <DayViewPage canBook={false} />;
}
