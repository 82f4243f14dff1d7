import { AppError, invalidField } from '../../../shared/domain/errors.ts';
import type { Role } from '../../../shared/domain/roles.ts';
import type { Actor, AppContext, RequestContext } from '../../context.ts';
import { sqlState, UNIQUE_VIOLATION } from '../../db/errors.ts';
import { newId } from '../../db/ids.ts';
import { audit } from '../audit/service.ts';
import {
  clearFailedLogins,
  findUserByEmail,
  findUserById,
  insertUser,
  recordFailedLogin,
  updateUser,
} from '../users/repository.ts';
import { shapeUser } from '../users/shape.ts';
import { assertStrongPassword, burnPasswordCheck, hashPassword, verifyPassword } from './passwords.ts';
import {
  findActiveSession,
  findSessionById,
  insertSession,
  revokeSession,
  revokeUserSessions,
  rotateRefreshToken,
} from './repository.ts';
import {
  accessTokenSeconds,
  newRefreshToken,
  parseRefreshToken,
  refreshTokenDays,
  signAccessToken,
  verifyAccessToken,
} from './tokens.ts';

const maxFailedLogins = 5;
const lockoutMinutes = 15;

export type NewAccount = {
  name: string;
  email: string;
  password: string;
  role: Role;
  phone?: string | undefined;
  specialty?: string | undefined;
  dateOfBirth?: string | undefined;
  sex?: 'FEMALE' | 'MALE' | 'OTHER' | 'UNDISCLOSED' | undefined;
};

/** Creates any account; the password is checked for strength unless `trustedPassword` (demo seed). */
export async function createAccount(
  ctx: AppContext,
  account: NewAccount,
  options: { trustedPassword?: boolean } = {},
) {
  if (!options.trustedPassword) assertStrongPassword(account.password, [account.name, account.email]);
  const id = newId();
  const passwordHash = await hashPassword(account.password);
  try {
    await ctx.db.transaction(async (tx) => {
      await insertUser(
        tx,
        {
          id,
          role: account.role,
          name: account.name,
          email: account.email.toLowerCase(),
          phone: account.phone ?? null,
          specialty: account.specialty ?? null,
          passwordHash,
        },
        { dateOfBirth: account.dateOfBirth ?? null, sex: account.sex ?? null },
      );
    });
  } catch (error) {
    if (sqlState(error) === UNIQUE_VIOLATION) {
      throw new AppError('EMAIL_TAKEN', 'An account with this e-mail address already exists', {
        errors: [{ path: 'email', message: 'already registered' }],
      });
    }
    throw error;
  }
  const created = await findUserById(ctx.db, id);
  if (!created) throw new Error('account vanished after insert');
  return created;
}

export type Tokens = { accessToken: string; refreshToken: string; expiresIn: number };

async function openSession(ctx: AppContext, userId: string, role: Role): Promise<Tokens> {
  const sessionId = newId();
  const now = ctx.clock.now();
  const refresh = newRefreshToken(sessionId);
  await insertSession(ctx.db, {
    id: sessionId,
    userId,
    refreshTokenHash: refresh.hash,
    expiresAt: new Date(now.getTime() + refreshTokenDays * 86_400_000),
    createdAt: now,
    lastUsedAt: now,
  });
  const accessToken = await signAccessToken(ctx.jwtSecret, { userId, role, sessionId }, now);
  return { accessToken, refreshToken: refresh.token, expiresIn: accessTokenSeconds };
}

export async function registerPatient(ctx: AppContext, body: Omit<NewAccount, 'role'>) {
  const user = await createAccount(ctx, { ...body, role: 'PATIENT' });
  const tokens = await openSession(ctx, user.id, user.role);
  return { user: shapeUser(user), ...tokens };
}

const invalidCredentials = () => new AppError('UNAUTHENTICATED', 'E-mail or password is incorrect');

export async function login(ctx: AppContext, email: string, password: string) {
  const now = ctx.clock.now();
  const user = await findUserByEmail(ctx.db, email);
  if (!user) {
    await burnPasswordCheck(password);
    throw invalidCredentials();
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    throw lockedOut(user.lockedUntil, now);
  }
  const valid = await verifyPassword(user.passwordHash, password);
  if (!valid) {
    const lockUntil = new Date(now.getTime() + lockoutMinutes * 60_000);
    const failure = await recordFailedLogin(ctx.db, user.id, maxFailedLogins, lockUntil, now);
    if (failure?.lockedUntil && failure.lockedUntil > now) throw lockedOut(failure.lockedUntil, now);
    throw invalidCredentials();
  }
  if (user.disabledAt) throw invalidCredentials();
  if (user.failedLogins > 0 || user.lockedUntil) await clearFailedLogins(ctx.db, user.id);
  const tokens = await openSession(ctx, user.id, user.role);
  const full = await findUserById(ctx.db, user.id);
  if (!full) throw invalidCredentials();
  return { ...tokens, tokenType: 'Bearer' as const, user: shapeUser(full) };
}

function lockedOut(until: Date, now: Date): AppError {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  return new AppError(
    'RATE_LIMITED',
    `Too many failed sign-in attempts. Try again in ${Math.ceil(seconds / 60)} minutes.`,
    { retryAfterSeconds: seconds },
  );
}

/** Checks an access token and that its session is still live: logout and disabling take effect at once. */
export async function authenticate(ctx: AppContext, token: string): Promise<Actor> {
  const now = ctx.clock.now();
  const claims = await verifyAccessToken(ctx.jwtSecret, token, now);
  if (!claims) throw new AppError('UNAUTHENTICATED', 'The access token is missing, invalid or expired');
  return actorForSession(ctx, claims.sessionId, now);
}

/** Whether a session still lets its user in: long-lived streams ask again as they go. */
export async function isSessionLive(ctx: AppContext, sessionId: string): Promise<boolean> {
  const session = await findActiveSession(ctx.db, sessionId, ctx.clock.now());
  return session !== undefined && session.disabledAt === null;
}

async function actorForSession(ctx: AppContext, sessionId: string, now: Date): Promise<Actor> {
  const session = await findActiveSession(ctx.db, sessionId, now);
  if (!session || session.disabledAt)
    throw new AppError('UNAUTHENTICATED', 'The session has ended; sign in again');
  return { id: session.userId, role: session.role, name: session.name, sessionId };
}

/** The refresh cookie identifies a session too: the live event stream signs in with it. */
export async function authenticateRefreshCookie(ctx: AppContext, refreshToken: string): Promise<Actor> {
  const parsed = parseRefreshToken(refreshToken);
  if (!parsed) throw new AppError('UNAUTHENTICATED', 'Sign in again');
  const session = await findSessionById(ctx.db, parsed.sessionId);
  if (!session || session.refreshTokenHash !== parsed.hash)
    throw new AppError('UNAUTHENTICATED', 'Sign in again');
  return actorForSession(ctx, parsed.sessionId, ctx.clock.now());
}

export async function refresh(ctx: AppContext, refreshToken: string | undefined) {
  const parsed = refreshToken ? parseRefreshToken(refreshToken) : undefined;
  if (!parsed) throw new AppError('UNAUTHENTICATED', 'No valid refresh token; sign in again');
  const now = ctx.clock.now();
  const next = newRefreshToken(parsed.sessionId);
  const rotated = await rotateRefreshToken(ctx.db, parsed.sessionId, parsed.hash, next.hash, now);
  if (!rotated) {
    // A refresh token used twice means a copy exists somewhere: end the whole session.
    await revokeSession(ctx.db, parsed.sessionId, 'REFRESH_REUSE', now);
    throw new AppError('UNAUTHENTICATED', 'The session has ended; sign in again');
  }
  const user = await findUserById(ctx.db, rotated.userId);
  if (!user || user.disabledAt) throw new AppError('UNAUTHENTICATED', 'The session has ended; sign in again');
  const accessToken = await signAccessToken(
    ctx.jwtSecret,
    { userId: user.id, role: user.role, sessionId: parsed.sessionId },
    now,
  );
  return {
    accessToken,
    tokenType: 'Bearer' as const,
    expiresIn: accessTokenSeconds,
    refreshToken: next.token,
    user: shapeUser(user),
  };
}

export async function logout(ctx: RequestContext): Promise<void> {
  await revokeSession(ctx.db, ctx.actor.sessionId, 'LOGOUT', ctx.clock.now());
}

/** A new password ends every other session of the user at once. */
export async function changePassword(ctx: RequestContext, currentPassword: string, newPassword: string) {
  const user = await findUserById(ctx.db, ctx.actor.id);
  if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) {
    throw invalidField('currentPassword', 'The current password is not correct');
  }
  assertStrongPassword(newPassword, [user.name, user.email], 'newPassword');
  await updateUser(ctx.db, user.id, { passwordHash: await hashPassword(newPassword) });
  await revokeUserSessions(ctx.db, user.id, 'PASSWORD_CHANGED', ctx.clock.now(), ctx.actor.sessionId);
  await audit(ctx, { action: 'user.password-change', resourceType: 'user', resourceId: user.id });
}

/** An admin's reset or a disabling ends all of the user's sessions. */
export async function endAllSessions(ctx: AppContext, userId: string, reason: string): Promise<void> {
  await revokeUserSessions(ctx.db, userId, reason, ctx.clock.now());
}

export { hashPassword };
