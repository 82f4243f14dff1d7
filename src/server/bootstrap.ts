import type { AppContext } from './context.ts';
import { isStrongPassword } from './modules/auth/passwords.ts';
import { createAccount } from './modules/auth/service.ts';
import { countUsersWithRole } from './modules/users/repository.ts';

/** ECMS_BOOTSTRAP_ADMIN_*: the first manager account of a new clinic, created once. */
export async function ensureBootstrapAdmin(ctx: AppContext): Promise<boolean> {
  const admin = ctx.config.bootstrapAdmin;
  if (!admin || (await countUsersWithRole(ctx.db, 'ADMIN')) > 0) return false;
  // The operator chose this password; a weak one is reported rather than refused, so the clinic still starts.
  await createAccount(
    ctx,
    { name: 'Clinic administrator', email: admin.email, password: admin.password, role: 'ADMIN' },
    { trustedPassword: true },
  );
  if (!isStrongPassword(admin.password, [admin.email])) {
    ctx.log.warn('ECMS_BOOTSTRAP_ADMIN_PASSWORD is weak; change it after signing in');
  }
  return true;
}
