import { and, asc, eq, gt, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { Role } from '../../../shared/domain/roles.ts';
import type { Executor } from '../../db/client.ts';
import { containsPattern } from '../../db/like.ts';
import { appointments, patients, users } from '../../db/schema/index.ts';

export type UserRow = typeof users.$inferSelect;
export type PatientRow = typeof patients.$inferSelect;
export type UserWithProfile = UserRow & { patient: PatientRow | null };

export async function findUserByEmail(db: Executor, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  return row;
}

export async function findUserById(db: Executor, id: string): Promise<UserWithProfile | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .leftJoin(patients, eq(patients.userId, users.id))
    .where(eq(users.id, id));
  return row ? { ...row.users, patient: row.patients } : undefined;
}

export async function insertUser(
  db: Executor,
  user: typeof users.$inferInsert,
  profile?: Omit<typeof patients.$inferInsert, 'userId'>,
): Promise<void> {
  await db.insert(users).values(user);
  if (user.role === 'PATIENT') await db.insert(patients).values({ userId: user.id, ...profile });
}

export async function updateUser(db: Executor, id: string, changes: Partial<typeof users.$inferInsert>) {
  const [row] = await db
    .update(users)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(users.id, id))
    .returning();
  return row;
}

export async function updatePatientProfile(
  db: Executor,
  userId: string,
  changes: Partial<typeof patients.$inferInsert>,
) {
  if (Object.keys(changes).length > 0)
    await db.update(patients).set(changes).where(eq(patients.userId, userId));
}

/**
 * Counts a failed sign-in and locks the account at `maxFailures`. A lock that has run out
 * starts the count again, so one typo after a lockout does not lock the account at once.
 */
export async function recordFailedLogin(
  db: Executor,
  id: string,
  maxFailures: number,
  lockUntil: Date,
  now: Date,
) {
  const lockExpired = sql`(${users.lockedUntil} is not null and ${users.lockedUntil} <= ${now.toISOString()}::timestamptz)`;
  const failures = sql`case when ${lockExpired} then 1 else ${users.failedLogins} + 1 end`;
  const [row] = await db
    .update(users)
    .set({
      failedLogins: failures,
      lockedUntil: sql`case when ${failures} >= ${maxFailures} then ${lockUntil.toISOString()}::timestamptz when ${lockExpired} then null else ${users.lockedUntil} end`,
    })
    .where(eq(users.id, id))
    .returning({ failedLogins: users.failedLogins, lockedUntil: users.lockedUntil });
  return row;
}

export async function clearFailedLogins(db: Executor, id: string): Promise<void> {
  await db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, id));
}

export async function countUsers(db: Executor): Promise<number> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(users);
  return row?.count ?? 0;
}

export async function countUsersWithRole(db: Executor, role: Role): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(users)
    .where(eq(users.role, role));
  return row?.count ?? 0;
}

export type UserFilter = {
  role?: Role | undefined;
  q?: string | undefined;
  activeOnly?: boolean;
  /** Only patients who have had or will have an appointment with this doctor. */
  patientsOfDoctorId?: string | undefined;
};

/** Users by name, then id, for keyset paging. */
export async function findUsers(
  db: Executor,
  filter: UserFilter,
  after: { name: string; id: string } | undefined,
  limit: number,
): Promise<UserWithProfile[]> {
  const pattern = filter.q ? containsPattern(filter.q) : undefined;
  const conditions: (SQL | undefined)[] = [
    filter.role ? eq(users.role, filter.role) : undefined,
    filter.activeOnly ? sql`${users.disabledAt} is null` : undefined,
    filter.patientsOfDoctorId
      ? sql`exists (select 1 from ${appointments} where ${appointments.patientId} = ${users.id} and ${appointments.doctorId} = ${filter.patientsOfDoctorId})`
      : undefined,
    pattern
      ? or(ilike(users.name, pattern), ilike(users.email, pattern), ilike(users.phone, pattern))
      : undefined,
    after
      ? or(gt(users.name, after.name), and(eq(users.name, after.name), gt(users.id, after.id)))
      : undefined,
  ];
  const rows = await db
    .select()
    .from(users)
    .leftJoin(patients, eq(patients.userId, users.id))
    .where(and(...conditions))
    .orderBy(asc(users.name), asc(users.id))
    .limit(limit + 1);
  return rows.map((row) => ({ ...row.users, patient: row.patients }));
}
