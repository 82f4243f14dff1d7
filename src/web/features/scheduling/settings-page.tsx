import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { schedulingSettings } from '../../../shared/schemas/scheduling.ts';
import { FormAlert, TextField } from '../../components/fields.tsx';
import { Page } from '../../components/page.tsx';
import { QueryView } from '../../components/states.tsx';
import { useToast } from '../../components/toasts.tsx';
import { api, apiGet } from '../../lib/api-client.ts';
import { describeError } from '../../lib/api-error.ts';

type Settings = z.infer<typeof schedulingSettings>;

const formSchema = schedulingSettings.extend({
  reminderOffsetsHours: z
    .string()
    .regex(/^\s*\d+(\s*,\s*\d+)*\s*$/, 'whole hours separated by commas, e.g. 48, 2')
    .transform((text) => text.split(',').map((part) => Number(part.trim())))
    .pipe(schedulingSettings.shape.reminderOffsetsHours),
  minimumNoticeMinutes: z.coerce.number().pipe(schedulingSettings.shape.minimumNoticeMinutes),
  bookingHorizonDays: z.coerce.number().pipe(schedulingSettings.shape.bookingHorizonDays),
  patientChangeCutoffHours: z.coerce.number().pipe(schedulingSettings.shape.patientChangeCutoffHours),
});

function SettingsForm({ settings }: { settings: Settings }) {
  const client = useQueryClient();
  const toast = useToast();
  const [failure, setFailure] = useState<string>();
  const form = useForm<z.input<typeof formSchema>, unknown, z.output<typeof formSchema>>({
    resolver: zodResolver(formSchema),
    defaultValues: { ...settings, reminderOffsetsHours: settings.reminderOffsetsHours.join(', ') },
  });
  const { errors } = form.formState;
  const save = form.handleSubmit(async (values) => {
    try {
      await api('PUT', '/settings/scheduling', { body: values });
      setFailure(undefined);
      await client.invalidateQueries({ queryKey: ['scheduling-settings'] });
      toast('Scheduling settings saved.');
    } catch (error) {
      setFailure(describeError(error));
    }
  });
  return (
    <form onSubmit={save} noValidate className="card max-w-2xl space-y-4">
      <FormAlert message={failure} />
      <TextField
        label="Minimum notice for patients (minutes)"
        type="number"
        error={errors.minimumNoticeMinutes?.message}
        {...form.register('minimumNoticeMinutes')}
      />
      <TextField
        label="How far ahead patients may book (days)"
        type="number"
        error={errors.bookingHorizonDays?.message}
        {...form.register('bookingHorizonDays')}
      />
      <TextField
        label="Patients may change a confirmed visit until (hours before)"
        type="number"
        error={errors.patientChangeCutoffHours?.message}
        {...form.register('patientChangeCutoffHours')}
      />
      <TextField
        label="Reminders before each visit (hours)"
        hint="Up to five, separated by commas, e.g. 48, 2."
        error={errors.reminderOffsetsHours?.message}
        {...form.register('reminderOffsetsHours')}
      />
      <button type="submit" className="btn btn-primary" disabled={form.formState.isSubmitting}>
        Save settings
      </button>
    </form>
  );
}

/** The clinic manager's booking rules: notice, horizon, change cut-off and reminders. */
export function SchedulingSettingsPage() {
  const settings = useQuery({
    queryKey: ['scheduling-settings'],
    queryFn: ({ signal }) => apiGet<Settings>('/settings/scheduling', {}, signal),
  });
  return (
    <Page title="Scheduling settings">
      <QueryView query={settings} label="the settings">
        {(data) => <SettingsForm settings={data} />}
      </QueryView>
    </Page>
  );
}
