import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import type { z } from 'zod';
import { loginBody } from '../../../shared/schemas/auth.ts';
import { FormAlert, TextField } from '../../components/fields.tsx';
import { ApiError, describeError } from '../../lib/api-error.ts';
import { AuthLayout } from './auth-layout.tsx';
import { signIn } from './session.ts';
import { useSession } from './use-session.ts';

/** Wrong password and unknown e-mail read the same (the server does not say which); a lockout says how long. */
export function signInFailure(error: unknown): string {
  if (error instanceof ApiError && error.status === 401)
    return 'The e-mail address or password is incorrect.';
  if (error instanceof ApiError && error.status === 429) return error.detail;
  return describeError(error);
}

export function SignInPage() {
  const session = useSession();
  const notice = session.status === 'signed-out' ? session.notice : undefined;
  const [failure, setFailure] = useState<string>();
  const form = useForm<z.input<typeof loginBody>, unknown, z.output<typeof loginBody>>({
    resolver: zodResolver(loginBody),
    defaultValues: { email: '', password: '' },
  });
  const submit = form.handleSubmit(async (values) => {
    setFailure(undefined);
    try {
      await signIn(values.email, values.password);
    } catch (error) {
      setFailure(signInFailure(error));
    }
  });
  return (
    <AuthLayout title="Sign in">
      {notice && !failure && (
        <p
          role="status"
          className="mb-4 rounded-lg border-2 border-warn bg-warn-soft p-3 font-medium text-warn"
        >
          {notice}
        </p>
      )}
      <form onSubmit={submit} noValidate className="card space-y-4">
        <FormAlert message={failure} />
        <TextField
          label="E-mail address"
          type="email"
          autoComplete="username"
          error={form.formState.errors.email?.message}
          {...form.register('email')}
        />
        <TextField
          label="Password"
          type="password"
          autoComplete="current-password"
          error={form.formState.errors.password?.message}
          {...form.register('password')}
        />
        <button type="submit" className="btn btn-primary w-full" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p className="mt-6">
        New patient? <Link to="/register">Create an account</Link>
      </p>
    </AuthLayout>
  );
}
