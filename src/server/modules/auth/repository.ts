import { and, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { sessions, users } from '../../db/schema/index.ts';

export async function insertSession(db: Executor, session: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(session);
}

/** The live session behind a token, with its user, in one query: run on every request. */
export async function findActiveSession(db: Executor, sessionId: string, now: Date) {
  const [row] = await db
    .select({ userId: users.id, role: users.role, name: users.name, disabledAt: users.disabledAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)));
  return row;
}

/** Swaps the refresh secret only if the presented one is the current one; no row means reuse or expiry. */
export async function rotateRefreshToken(
  db: Executor,
  sessionId: string,
  presentedHash: string,
  nextHash: string,
  now: Date,
) {
  const [row] = await db
    .update(sessions)
    .set({ refreshTokenHash: nextHash, lastUsedAt: now })
    .where(
      and(
        eq(sessions.id, sessionId),
        eq(sessions.refreshTokenHash, presentedHash),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, now),
      ),
    )
    .returning({ userId: sessions.userId });
  return row;
}

export async function revokeSession(
  db: Executor,
  sessionId: string,
  reason: string,
  now: Date,
): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: now, revokedReason: reason })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

export async function revokeUserSessions(
  db: Executor,
  userId: string,
  reason: string,
  now: Date,
  exceptSessionId?: string,
): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: now, revokedReason: reason })
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        exceptSessionId ? ne(sessions.id, exceptSessionId) : sql`true`,
      ),
    );
}

export async function findSessionById(db: Executor, sessionId: string) {
  const [row] = await db.select().from(sessions).where(eq(sessions.id, sessionId));
  return row;
}
