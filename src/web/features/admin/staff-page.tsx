import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import type { User } from '../../../shared/schemas/auth.ts';
import { createStaffBody, resetPasswordBody } from '../../../shared/schemas/users.ts';
import { Dialog } from '../../components/dialog.tsx';
import { FormAlert, SelectField, TextField } from '../../components/fields.tsx';
import { Page } from '../../components/page.tsx';
import { QueryView } from '../../components/states.tsx';
import { Badge } from '../../components/status-badge.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { useToast } from '../../components/toasts.tsx';
import { api, apiGet } from '../../lib/api-client.ts';
import { describeError } from '../../lib/api-error.ts';
import { emptyAsUndefined } from '../../lib/form-values.ts';
import { applyServerErrors } from '../../lib/server-errors.ts';
import { roleWords } from '../../lib/status-words.ts';
import { useUser } from '../auth/use-session.ts';

export const useStaff = () =>
  useQuery({
    queryKey: ['users', 'staff'],
    queryFn: async ({ signal }) => {
      const page = await apiGet<{ items: User[] }>('/users', { limit: 100 }, signal);
      return page.items.filter((user) => user.role !== 'PATIENT');
    },
  });

const staffFields = ['name', 'email', 'password', 'role', 'phone', 'specialty'] as const;

function CreateStaff({ onDone }: { onDone: () => void }) {
  const client = useQueryClient();
  const toast = useToast();
  const [failure, setFailure] = useState<string>();
  const form = useForm<z.input<typeof createStaffBody>, unknown, z.output<typeof createStaffBody>>({
    resolver: zodResolver(createStaffBody),
    defaultValues: { name: '', email: '', password: '', role: 'DOCTOR' },
  });
  const { errors } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setFailure(undefined);
    try {
      const created = await api<User>('POST', '/users', { body: values });
      await client.invalidateQueries({ queryKey: ['users'] });
      toast(`${created.name} can now sign in as ${roleWords[created.role].toLowerCase()}.`);
      onDone();
    } catch (error) {
      setFailure(applyServerErrors(error, form.setError, staffFields));
    }
  });
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <FormAlert message={failure} />
      <TextField label="Full name" error={errors.name?.message} {...form.register('name')} />
      <TextField
        label="E-mail address"
        type="email"
        error={errors.email?.message}
        {...form.register('email')}
      />
      <SelectField label="Role" error={errors.role?.message} {...form.register('role')}>
        <option value="DOCTOR">{roleWords.DOCTOR}</option>
        <option value="RECEPTIONIST">{roleWords.RECEPTIONIST}</option>
        <option value="ADMIN">{roleWords.ADMIN}</option>
      </SelectField>
      <TextField
        label="Specialty (doctors)"
        error={errors.specialty?.message}
        {...form.register('specialty', { setValueAs: emptyAsUndefined })}
      />
      <TextField
        label="Phone (optional)"
        type="tel"
        error={errors.phone?.message}
        {...form.register('phone', { setValueAs: emptyAsUndefined })}
      />
      <TextField
        label="First password"
        type="password"
        autoComplete="new-password"
        hint="Give it to them in person; they can change it in their profile."
        error={errors.password?.message}
        {...form.register('password')}
      />
      <button type="submit" className="btn btn-primary" disabled={form.formState.isSubmitting}>
        Create the account
      </button>
    </form>
  );
}

function ResetPassword({ user, onDone }: { user: User; onDone: () => void }) {
  const toast = useToast();
  const [failure, setFailure] = useState<string>();
  const form = useForm<z.input<typeof resetPasswordBody>, unknown, z.output<typeof resetPasswordBody>>({
    resolver: zodResolver(resetPasswordBody),
    defaultValues: { password: '' },
  });
  const submit = form.handleSubmit(async (values) => {
    setFailure(undefined);
    try {
      await api<void>('POST', `/users/${user.id}/password`, { body: values });
      toast(`The password of ${user.name} was reset; their sessions were ended.`);
      onDone();
    } catch (error) {
      setFailure(applyServerErrors(error, form.setError, ['password']));
    }
  });
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <FormAlert message={failure} />
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        error={form.formState.errors.password?.message}
        {...form.register('password')}
      />
      <button type="submit" className="btn btn-primary" disabled={form.formState.isSubmitting}>
        Reset the password
      </button>
    </form>
  );
}

function StaffRow({ user, isMe, onReset }: { user: User; isMe: boolean; onReset: (user: User) => void }) {
  const client = useQueryClient();
  const toast = useToast();
  const toggle = useMutation({
    mutationFn: () => api<User>('PATCH', `/users/${user.id}`, { body: { disabled: !user.disabled } }),
    onSuccess: (updated) =>
      toast(
        updated.disabled ? `${updated.name} can no longer sign in.` : `${updated.name} can sign in again.`,
      ),
    onError: (error) => toast(describeError(error)),
    onSettled: () => client.invalidateQueries({ queryKey: ['users'] }),
  });
  return (
    <tr className="border-b border-line/60" data-testid="staff-row">
      <td className="p-3 font-medium">{user.name}</td>
      <td className="p-3">{user.email}</td>
      <td className="p-3">
        {roleWords[user.role]}
        {user.specialty && <span className="block text-sm text-muted">{user.specialty}</span>}
      </td>
      <td className="p-3">
        {user.disabled ? <Badge tone="danger">Disabled</Badge> : <Badge tone="ok">Active</Badge>}
      </td>
      <td className="p-3">
        <div className="flex flex-wrap gap-2">
          <button
            type="button"
            className="btn btn-secondary min-h-10 px-3 text-sm"
            onClick={() => onReset(user)}
          >
            Reset password<span className="sr-only"> of {user.name}</span>
          </button>
          {!isMe && (
            <button
              type="button"
              className={`btn min-h-10 px-3 text-sm ${user.disabled ? 'btn-secondary' : 'btn-danger'}`}
              disabled={toggle.isPending}
              onClick={() => toggle.mutate()}
            >
              {user.disabled ? 'Enable' : 'Disable'}
              <span className="sr-only"> {user.name}</span>
            </button>
          )}
        </div>
      </td>
    </tr>
  );
}

export function StaffPage() {
  const me = useUser();
  const query = useStaff();
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<User>();
  return (
    <Page
      title="Staff accounts"
      actions={
        <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
          Add a staff member
        </button>
      }
    >
      <QueryView
        query={query}
        label="staff accounts"
        isEmpty={(staff) => staff.length === 0}
        empty="No staff accounts."
      >
        {(staff) => (
          <TableScroll label="Staff accounts">
            <table className="w-full text-left">
              <caption className="sr-only">Staff accounts</caption>
              <thead>
                <tr className="border-b border-line">
                  <th scope="col" className="p-3">
                    Name
                  </th>
                  <th scope="col" className="p-3">
                    E-mail
                  </th>
                  <th scope="col" className="p-3">
                    Role
                  </th>
                  <th scope="col" className="p-3">
                    Status
                  </th>
                  <th scope="col" className="p-3">
                    Actions
                  </th>
                </tr>
              </thead>
              <tbody>
                {staff.map((user) => (
                  <StaffRow key={user.id} user={user} isMe={user.id === me.id} onReset={setResetting} />
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </QueryView>
      <Dialog open={creating} title="Add a staff member" onClose={() => setCreating(false)}>
        <CreateStaff onDone={() => setCreating(false)} />
      </Dialog>
      <Dialog
        open={resetting !== undefined}
        title={`Reset the password of ${resetting?.name ?? ''}`}
        onClose={() => setResetting(undefined)}
      >
        {resetting && <ResetPassword user={resetting} onDone={() => setResetting(undefined)} />}
      </Dialog>
    </Page>
  );
}
