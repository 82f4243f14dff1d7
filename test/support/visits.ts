import { count, eq, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { LightMyRequestResponse } from 'fastify';
import { auditEvents, deliveries, notifications } from '../../src/server/db/schema/index.ts';
import { nextWeekdayAt, type Session, type TestClinic } from './clinic.ts';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked field by field in the tests
export type Json = Record<string, any>;

/** Fails loudly with the body when a set-up step does not answer as expected. */
export function expectStatus(response: LightMyRequestResponse, status: number): Json {
  if (response.statusCode !== status) {
    throw new Error(`expected ${status}, got ${response.statusCode}: ${response.body}`);
  }
  return response.body ? response.json() : {};
}

/** A patient's request for a grid slot a few days ahead (each test books with its own doctor). */
export async function requestVisit(
  clinic: TestClinic,
  patient: Session,
  doctor: Session,
  startAt = nextWeekdayAt(clinic, 3, 10, 0),
): Promise<Json> {
  return expectStatus(
    await clinic.request('POST', '/appointments', {
      session: patient,
      body: { doctorId: doctor.id, startAt, reason: 'Blurred vision' },
    }),
    201,
  );
}

export async function approve(clinic: TestClinic, doctor: Session, appointmentId: string): Promise<Json> {
  return expectStatus(
    await clinic.request('POST', `/appointments/${appointmentId}/approve`, { session: doctor }),
    200,
  );
}

export async function setBill(
  clinic: TestClinic,
  doctor: Session,
  appointmentId: string,
  amountCents = 9000,
): Promise<Json> {
  return expectStatus(
    await clinic.request('PUT', `/appointments/${appointmentId}/bill`, {
      session: doctor,
      body: { amountCents },
    }),
    200,
  );
}

export async function pay(clinic: TestClinic, desk: Session, billId: string): Promise<Json> {
  return expectStatus(
    await clinic.request('POST', `/bills/${billId}/pay`, { session: desk, body: { method: 'CASH' } }),
    200,
  );
}

/** Number of rows of a table, optionally narrowed. */
export async function countRows(clinic: TestClinic, table: PgTable, where?: SQL): Promise<number> {
  const query = clinic.ctx.db.select({ n: count() }).from(table);
  const [row] = where ? await query.where(where) : await query;
  return row?.n ?? 0;
}

/** What a change leaves behind for a patient and an appointment: notifications, deliveries, audit rows. */
export async function footprint(clinic: TestClinic, patientId: string, appointmentId: string) {
  const db = clinic.ctx.db;
  const notes = await db.select().from(notifications).where(eq(notifications.userId, patientId));
  const sent = await db
    .select({ id: deliveries.id })
    .from(deliveries)
    .innerJoin(notifications, eq(notifications.id, deliveries.notificationId))
    .where(eq(notifications.userId, patientId));
  const audits = await db.select().from(auditEvents).where(eq(auditEvents.resourceId, appointmentId));
  return {
    notifications: notes.length,
    deliveries: sent.length,
    writes: audits
      .filter((row) => !row.action.endsWith('.read'))
      .map((row) => `${row.action}:${row.outcome}`),
  };
}

/** Moves the clinic's clock to an instant (forward only). */
export function advanceTo(clinic: TestClinic, iso: string, plusMs = 0): void {
  const delta = new Date(iso).getTime() + plusMs - clinic.clock.now().getTime();
  if (delta > 0) clinic.clock.advance(delta);
}

/** The problem document without its request id: what must be identical between two refusals. */
export function withoutRequestId(body: Json): Json {
  const { requestId: _requestId, ...rest } = body;
  return rest;
}

/**
 * Distinct grid slots (Monday–Friday 09:00–16:40 UTC, every 20 minutes) from two days ahead,
 * so that one doctor can hold many appointments in one test file without two landing together.
 */
export function slotMaker(clinic: TestClinic): () => string {
  const taken = new Set<string>();
  let daysAhead = 2;
  let index = 0;
  return () => {
    for (;;) {
      if (index >= 24) {
        index = 0;
        daysAhead += 1;
      }
      const slot = nextWeekdayAt(clinic, daysAhead, 9 + Math.floor(index / 3), (index % 3) * 20);
      index += 1;
      if (!taken.has(slot)) {
        taken.add(slot);
        return slot;
      }
    }
  };
}
