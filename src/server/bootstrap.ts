import type { AppContext } from './context.ts';
import { createAccount } from './modules/auth/service.ts';
import { countUsersWithRole } from './modules/users/repository.ts';

/** ECMS_BOOTSTRAP_ADMIN_*: the first manager account of a new clinic, created once. */
export async function ensureBootstrapAdmin(ctx: AppContext): Promise<boolean> {
  const admin = ctx.config.bootstrapAdmin;
  if (!admin || (await countUsersWithRole(ctx.db, 'ADMIN')) > 0) return false;
  await createAccount(ctx, {
    name: 'Clinic administrator',
    email: admin.email,
    password: admin.password,
    role: 'ADMIN',
  });
  return true;
}
