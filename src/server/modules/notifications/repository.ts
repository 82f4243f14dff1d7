import { and, count, desc, eq, inArray, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Cursor } from '../../db/pagination.ts';
import { deliveries, notifications, patients, users } from '../../db/schema/index.ts';

export type NotificationRow = typeof notifications.$inferSelect;

export async function insertNotification(
  db: Executor,
  row: typeof notifications.$inferInsert,
): Promise<void> {
  await db.insert(notifications).values(row);
}

export async function insertDeliveries(
  db: Executor,
  rows: (typeof deliveries.$inferInsert)[],
): Promise<void> {
  if (rows.length > 0) await db.insert(deliveries).values(rows);
}

export async function findContact(db: Executor, userId: string) {
  const [row] = await db
    .select({
      email: users.email,
      phone: users.phone,
      notifyByEmail: patients.notifyByEmail,
      notifyBySms: patients.notifyBySms,
      remindersOptOut: patients.remindersOptOut,
    })
    .from(users)
    .leftJoin(patients, eq(patients.userId, users.id))
    .where(eq(users.id, userId));
  return row;
}

export async function findNotifications(
  db: Executor,
  userId: string,
  unreadOnly: boolean,
  cursor: Cursor | undefined,
  limit: number,
): Promise<NotificationRow[]> {
  const conditions: (SQL | undefined)[] = [
    eq(notifications.userId, userId),
    unreadOnly ? isNull(notifications.readAt) : undefined,
    cursor
      ? or(
          lt(notifications.createdAt, new Date(cursor.at)),
          and(eq(notifications.createdAt, new Date(cursor.at)), lt(notifications.id, cursor.id)),
        )
      : undefined,
  ];
  return db
    .select()
    .from(notifications)
    .where(and(...conditions))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit + 1);
}

export async function countUnread(db: Executor, userId: string): Promise<number> {
  const [row] = await db
    .select({ count: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.count ?? 0;
}

export async function markRead(db: Executor, userId: string, id: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${at.toISOString()}::timestamptz)` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning({ id: notifications.id });
  return rows.length > 0;
}

export async function findNotificationsByIds(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select().from(notifications).where(inArray(notifications.id, ids));
}
