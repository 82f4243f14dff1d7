import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import type { z } from 'zod';
import { registerBody } from '../../../shared/schemas/auth.ts';
import { FormAlert, SelectField, TextField } from '../../components/fields.tsx';
import { emptyAsUndefined } from '../../lib/form-values.ts';
import { applyServerErrors } from '../../lib/server-errors.ts';
import { AuthLayout } from './auth-layout.tsx';
import { register } from './session.ts';

const fields = ['name', 'email', 'password', 'phone', 'dateOfBirth', 'sex'] as const;

export function RegisterPage() {
  const [failure, setFailure] = useState<string>();
  const form = useForm<z.input<typeof registerBody>, unknown, z.output<typeof registerBody>>({
    resolver: zodResolver(registerBody),
    defaultValues: { name: '', email: '', password: '' },
  });
  const { errors } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setFailure(undefined);
    try {
      await register(values);
    } catch (error) {
      setFailure(applyServerErrors(error, form.setError, fields));
    }
  });
  return (
    <AuthLayout title="Create your patient account">
      <form onSubmit={submit} noValidate className="card space-y-4">
        <FormAlert message={failure} />
        <TextField
          label="Full name"
          autoComplete="name"
          error={errors.name?.message}
          {...form.register('name')}
        />
        <TextField
          label="E-mail address"
          type="email"
          autoComplete="email"
          error={errors.email?.message}
          {...form.register('email')}
        />
        <TextField
          label="Password"
          type="password"
          autoComplete="new-password"
          hint="At least 8 characters; common passwords are refused."
          error={errors.password?.message}
          {...form.register('password')}
        />
        <TextField
          label="Mobile phone (optional)"
          type="tel"
          autoComplete="tel"
          hint="International format, e.g. +14155550123, for text reminders."
          error={errors.phone?.message}
          {...form.register('phone', { setValueAs: emptyAsUndefined })}
        />
        <TextField
          label="Date of birth (optional)"
          type="date"
          error={errors.dateOfBirth?.message}
          {...form.register('dateOfBirth', { setValueAs: emptyAsUndefined })}
        />
        <SelectField
          label="Sex (optional)"
          error={errors.sex?.message}
          {...form.register('sex', { setValueAs: emptyAsUndefined })}
        >
          <option value="">Prefer not to say</option>
          <option value="FEMALE">Female</option>
          <option value="MALE">Male</option>
          <option value="OTHER">Other</option>
        </SelectField>
        <button type="submit" className="btn btn-primary w-full" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? 'Creating your account…' : 'Create account'}
        </button>
      </form>
      <p className="mt-6">
        Already registered? <Link to="/">Sign in</Link>
      </p>
    </AuthLayout>
  );
}
