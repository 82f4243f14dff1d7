import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { notFound } from '../../../shared/domain/errors.ts';
import type { updateProfileBody } from '../../../shared/schemas/auth.ts';
import type {
  createStaffBody,
  registerPatientBody,
  updateUserBody,
  usersQuery,
} from '../../../shared/schemas/users.ts';
import type { RequestContext } from '../../context.ts';
import { decodeCursor, encodeCursor, toPage } from '../../db/pagination.ts';
import { audit, auditList } from '../audit/service.ts';
import { assertStrongPassword } from '../auth/passwords.ts';
import { createAccount, endAllSessions, hashPassword } from '../auth/service.ts';
import { findUserById, findUsers, updatePatientProfile, updateUser } from './repository.ts';
import { shapeUser } from './shape.ts';

export async function getMe(ctx: RequestContext) {
  const user = await findUserById(ctx.db, ctx.actor.id);
  if (!user) throw notFound('User');
  if (user.role === 'PATIENT')
    await audit(ctx, {
      action: 'patient.read',
      resourceType: 'patient',
      patientId: user.id,
      resourceId: user.id,
    });
  return shapeUser(user);
}

export async function updateMyProfile(ctx: RequestContext, changes: z.infer<typeof updateProfileBody>) {
  const { name, phone, dateOfBirth, sex, address, notifyByEmail, notifyBySms, remindersOptOut } = changes;
  await ctx.db.transaction(async (tx) => {
    if (name !== undefined || phone !== undefined) await updateUser(tx, ctx.actor.id, { name, phone });
    if (ctx.actor.role === 'PATIENT') {
      const profile = { dateOfBirth, sex, address, notifyByEmail, notifyBySms, remindersOptOut };
      const defined = Object.fromEntries(Object.entries(profile).filter(([, value]) => value !== undefined));
      await updatePatientProfile(tx, ctx.actor.id, defined);
      await audit(
        ctx,
        {
          action: 'patient.update',
          resourceType: 'patient',
          patientId: ctx.actor.id,
          resourceId: ctx.actor.id,
        },
        tx,
      );
    }
  });
  return getMe(ctx);
}

export async function createStaff(ctx: RequestContext, body: z.infer<typeof createStaffBody>) {
  const user = await createAccount(ctx, body);
  await audit(ctx, { action: 'staff.create', resourceType: 'user', resourceId: user.id });
  return shapeUser(user);
}

/** The front desk registers a patient who phones in; they set their own password through a reset later. */
export async function registerPatientByStaff(ctx: RequestContext, body: z.infer<typeof registerPatientBody>) {
  const user = await createAccount(
    ctx,
    { ...body, role: 'PATIENT', password: randomBytes(24).toString('base64url') },
    { trustedPassword: true },
  );
  await audit(ctx, {
    action: 'patient.create',
    resourceType: 'patient',
    resourceId: user.id,
    patientId: user.id,
  });
  return shapeUser(user);
}

/** Users are paged by name, which may be any text. */
const isNameKey = (name: string) => name.length > 0;

export async function listUsers(ctx: RequestContext, query: z.infer<typeof usersQuery>) {
  const cursor = decodeCursor(query.cursor, isNameKey);
  // A doctor looks up only their own patients; the front desk and managers find anyone.
  const scope = ctx.actor.role === 'DOCTOR' ? { patientsOfDoctorId: ctx.actor.id } : {};
  const rows = await findUsers(
    ctx.db,
    { ...query, ...scope },
    cursor ? { name: cursor.at, id: cursor.id } : undefined,
    query.limit,
  );
  const result = toPage(rows, query.limit, shapeUser, (row) => encodeCursor(row.name, row.id));
  await auditList(
    ctx,
    'patient.list',
    'patient',
    result.items.filter((item) => item.role === 'PATIENT').map((item) => item.id),
  );
  return result;
}

export async function listDoctors(
  ctx: RequestContext,
  query: { limit: number; cursor?: string | undefined },
) {
  const cursor = decodeCursor(query.cursor, isNameKey);
  const rows = await findUsers(
    ctx.db,
    { role: 'DOCTOR', activeOnly: true },
    cursor ? { name: cursor.at, id: cursor.id } : undefined,
    query.limit,
  );
  return toPage(
    rows,
    query.limit,
    (row) => ({ id: row.id, name: row.name, specialty: row.specialty }),
    (row) => encodeCursor(row.name, row.id),
  );
}

export async function getUser(ctx: RequestContext, id: string) {
  const user = await findUserById(ctx.db, id);
  if (!user) throw notFound('User');
  if (user.role === 'PATIENT') {
    await audit(ctx, { action: 'patient.read', resourceType: 'patient', resourceId: id, patientId: id });
  }
  return shapeUser(user);
}

/** A patient's account is patient data: changes to it are found under the patient in the audit trail. */
const patientOf = (user: { id: string; role: string }) => (user.role === 'PATIENT' ? user.id : null);

export async function updateStaffOrPatient(
  ctx: RequestContext,
  id: string,
  body: z.infer<typeof updateUserBody>,
) {
  const existing = await findUserById(ctx.db, id);
  if (!existing) throw notFound('User');
  const { disabled, ...rest } = body;
  const disabledAt =
    disabled === undefined ? undefined : disabled ? (existing.disabledAt ?? ctx.clock.now()) : null;
  await updateUser(ctx.db, id, { ...rest, ...(disabledAt !== undefined ? { disabledAt } : {}) });
  if (disabled) await endAllSessions(ctx, id, 'DISABLED');
  await audit(ctx, {
    action: 'user.update',
    resourceType: 'user',
    resourceId: id,
    patientId: patientOf(existing),
  });
  const updated = await findUserById(ctx.db, id);
  if (!updated) throw notFound('User');
  return shapeUser(updated);
}

export async function resetPassword(ctx: RequestContext, id: string, password: string) {
  const existing = await findUserById(ctx.db, id);
  if (!existing) throw notFound('User');
  assertStrongPassword(password, [existing.name, existing.email]);
  await updateUser(ctx.db, id, {
    passwordHash: await hashPassword(password),
    failedLogins: 0,
    lockedUntil: null,
  });
  await endAllSessions(ctx, id, 'PASSWORD_RESET');
  await audit(ctx, {
    action: 'user.password-reset',
    resourceType: 'user',
    resourceId: id,
    patientId: patientOf(existing),
  });
}
