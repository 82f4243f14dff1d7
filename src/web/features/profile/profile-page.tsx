import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { changePasswordBody, type User, updateProfileBody } from '../../../shared/schemas/auth.ts';
import { CheckboxField, FormAlert, SelectField, TextAreaField, TextField } from '../../components/fields.tsx';
import { Page, Section } from '../../components/page.tsx';
import { useToast } from '../../components/toasts.tsx';
import { api } from '../../lib/api-client.ts';
import { emptyAsUndefined } from '../../lib/form-values.ts';
import { applyServerErrors } from '../../lib/server-errors.ts';
import { roleWords } from '../../lib/status-words.ts';
import { replaceUser } from '../auth/session.ts';
import { useUser } from '../auth/use-session.ts';

const nullIfEmpty = (value: unknown) => emptyAsUndefined(value) ?? null;
const profileFields = [
  'name',
  'phone',
  'dateOfBirth',
  'sex',
  'address',
  'notifyByEmail',
  'notifyBySms',
  'remindersOptOut',
] as const;

function ProfileForm({ user }: { user: User }) {
  const toast = useToast();
  const [failure, setFailure] = useState<string>();
  const patient = user.patient;
  const form = useForm<z.input<typeof updateProfileBody>, unknown, z.output<typeof updateProfileBody>>({
    resolver: zodResolver(updateProfileBody),
    defaultValues: {
      name: user.name,
      phone: user.phone,
      ...(patient
        ? {
            dateOfBirth: patient.dateOfBirth,
            sex: patient.sex,
            address: patient.address,
            notifyByEmail: patient.notifyByEmail,
            notifyBySms: patient.notifyBySms,
            remindersOptOut: patient.remindersOptOut,
          }
        : {}),
    },
  });
  const { errors } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setFailure(undefined);
    try {
      replaceUser(await api<User>('PATCH', '/me', { body: values }));
      toast('Your profile was saved.');
    } catch (error) {
      setFailure(applyServerErrors(error, form.setError, profileFields));
    }
  });
  return (
    <form onSubmit={submit} noValidate className="card max-w-2xl space-y-4">
      <FormAlert message={failure} />
      <TextField
        label="Full name"
        autoComplete="name"
        error={errors.name?.message}
        {...form.register('name')}
      />
      <TextField
        label="E-mail address"
        value={user.email}
        readOnly
        hint="Ask the clinic to change your e-mail address."
      />
      <TextField
        label="Mobile phone"
        type="tel"
        autoComplete="tel"
        hint="International format, e.g. +14155550123."
        error={errors.phone?.message}
        {...form.register('phone', { setValueAs: nullIfEmpty })}
      />
      {patient && (
        <>
          <TextField
            label="Date of birth"
            type="date"
            error={errors.dateOfBirth?.message}
            {...form.register('dateOfBirth', { setValueAs: nullIfEmpty })}
          />
          <SelectField
            label="Sex"
            error={errors.sex?.message}
            {...form.register('sex', { setValueAs: nullIfEmpty })}
          >
            <option value="">Prefer not to say</option>
            <option value="FEMALE">Female</option>
            <option value="MALE">Male</option>
            <option value="OTHER">Other</option>
          </SelectField>
          <TextAreaField
            label="Address"
            rows={3}
            error={errors.address?.message}
            {...form.register('address', { setValueAs: nullIfEmpty })}
          />
          <fieldset className="space-y-3">
            <legend className="mb-2 text-lg font-semibold">Contact preferences</legend>
            <CheckboxField label="Send me messages by e-mail" {...form.register('notifyByEmail')} />
            <CheckboxField
              label="Send me text messages"
              hint="Needs a mobile phone number."
              {...form.register('notifyBySms')}
            />
            <CheckboxField
              label="No visit reminders or recall letters"
              hint="You will still hear when the doctor answers a request."
              {...form.register('remindersOptOut')}
            />
          </fieldset>
        </>
      )}
      <button type="submit" className="btn btn-primary" disabled={form.formState.isSubmitting}>
        {form.formState.isSubmitting ? 'Saving…' : 'Save profile'}
      </button>
    </form>
  );
}

function PasswordForm() {
  const toast = useToast();
  const [failure, setFailure] = useState<string>();
  const form = useForm<z.input<typeof changePasswordBody>, unknown, z.output<typeof changePasswordBody>>({
    resolver: zodResolver(changePasswordBody),
    defaultValues: { currentPassword: '', newPassword: '' },
  });
  const { errors } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setFailure(undefined);
    try {
      await api<void>('POST', '/auth/password', { body: values });
      form.reset();
      toast('Your password was changed. Other devices were signed out.');
    } catch (error) {
      setFailure(applyServerErrors(error, form.setError, ['currentPassword', 'newPassword']));
    }
  });
  return (
    <form onSubmit={submit} noValidate className="card max-w-2xl space-y-4">
      <FormAlert message={failure} />
      <TextField
        label="Current password"
        type="password"
        autoComplete="current-password"
        error={errors.currentPassword?.message}
        {...form.register('currentPassword')}
      />
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        hint="At least 8 characters; common passwords are refused."
        error={errors.newPassword?.message}
        {...form.register('newPassword')}
      />
      <button type="submit" className="btn btn-primary" disabled={form.formState.isSubmitting}>
        Change password
      </button>
    </form>
  );
}

export function ProfilePage() {
  const user = useUser();
  return (
    <Page title="My profile">
      <p className="mb-6 text-muted">
        Signed in as {roleWords[user.role].toLowerCase()} · {user.email}
      </p>
      <Section title="Details">
        <ProfileForm user={user} />
      </Section>
      <Section title="Password">
        <PasswordForm />
      </Section>
    </Page>
  );
}
