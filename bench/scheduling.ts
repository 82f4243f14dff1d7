import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { buildApp } from '../src/server/app.ts';
import { createAccount } from '../src/server/modules/auth/service.ts';
import type { BenchResult } from './run.ts';
import { openBenchContext } from './support/database.ts';

const doctors = 10;
const patients = 500;
const appointmentsPerDoctor = 10_000;
const warmup = 50;
const samples = 1_000;

/**
 * Free-slot search for one doctor over 31 days through the HTTP API, with 100,000 appointments
 * (past and future, every status) spread over ten doctors in the database.
 */
export async function run(): Promise<BenchResult[]> {
  const bench = await openBenchContext();
  const { ctx } = bench;
  try {
    const password = 'bench-patient-pass-42';
    await createAccount(
      ctx,
      { name: 'Bench Patient', email: 'bench-slots@clinic.test', password, role: 'PATIENT' },
      { trustedPassword: true },
    );
    await seedAppointments(ctx.db, ctx.clock.now());
    const found = (await ctx.db.execute(
      sql`select id from users where email = 'bench-doctor-0@clinic.test'`,
    )) as unknown as { rows: { id: string }[] };
    const [doctor] = found.rows;
    if (!doctor) throw new Error('bench doctor missing');

    const app = await buildApp(ctx, { logger: false });
    await app.ready();
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'bench-slots@clinic.test', password },
    });
    const token = login.json().accessToken as string;
    const today = DateTime.fromJSDate(ctx.clock.now(), { zone: ctx.config.timezone });
    const url = `/api/v1/doctors/${doctor.id}/slots?from=${today.plus({ days: 1 }).toISODate()}&to=${today
      .plus({ days: 31 })
      .toISODate()}`;
    const ask = () => app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

    let offered = 0;
    for (let index = 0; index < warmup; index++) offered = (await ask()).json().items.length;
    const timings: number[] = [];
    for (let index = 0; index < samples; index++) {
      const started = performance.now();
      const response = await ask();
      timings.push(performance.now() - started);
      if (response.statusCode !== 200)
        throw new Error(`slots answered ${response.statusCode}: ${response.body}`);
    }
    await app.close();
    timings.sort((a, b) => a - b);
    const at = (quantile: number) =>
      timings[Math.min(timings.length - 1, Math.floor(quantile * timings.length))] ?? 0;
    const note = `${bench.kind}, ${doctors * appointmentsPerDoctor} appointments, ${offered} free slots in 31 days`;
    return [
      { metric: 'slots 31 days p50', value: at(0.5), unit: 'ms', note },
      { metric: 'slots 31 days p99', value: at(0.99), unit: 'ms', note: 'target < 20 ms on PostgreSQL' },
    ];
  } finally {
    await bench.close();
  }
}

/**
 * Ten doctors, each with 10,000 back-to-back 20-minute appointments from 09:00 to 17:00 every day,
 * starting 200 days ago: past ones treated, future ones requested, approved or (every third) cancelled,
 * so that the searched month has both live appointments and free slots.
 */
async function seedAppointments(db: Awaited<ReturnType<typeof openBenchContext>>['ctx']['db'], now: Date) {
  await db.execute(sql`
    insert into users (id, role, name, email, password_hash)
    select gen_random_uuid(), 'DOCTOR', 'Dr. Bench ' || d, 'bench-doctor-' || d || '@clinic.test', 'x'
    from generate_series(0, ${doctors - 1}) as d`);
  await db.execute(sql`
    insert into users (id, role, name, email, password_hash)
    select gen_random_uuid(), 'PATIENT', 'Patient ' || p, 'bench-patient-' || p || '@clinic.test', 'x'
    from generate_series(0, ${patients - 1}) as p`);
  const firstDay = DateTime.fromJSDate(now, { zone: 'UTC' }).startOf('day').minus({ days: 200 }).toISO();
  await db.execute(sql`
    with doctor as (
      select id, row_number() over (order by email) - 1 as d from users where email like 'bench-doctor-%'
    ), patient as (
      select id, row_number() over (order by email) - 1 as p from users where email like 'bench-patient-%'
    ), slot as (
      select doctor.id as doctor_id, doctor.d, n,
        ${firstDay}::timestamptz + (n / 24) * interval '1 day' + interval '9 hours'
          + (n % 24) * interval '20 minutes' as start_at
      from doctor cross join generate_series(0, ${appointmentsPerDoctor - 1}) as n
    )
    insert into appointments (id, patient_id, doctor_id, start_at, end_at, status, created_at, updated_at)
    select gen_random_uuid(), patient.id, slot.doctor_id, slot.start_at, slot.start_at + interval '20 minutes',
      case
        when slot.start_at < ${now.toISOString()}::timestamptz then 'TREATED'
        when slot.n % 3 = 0 then 'CANCELLED'
        when slot.n % 2 = 0 then 'APPROVED'
        else 'REQUESTED'
      end,
      now(), now()
    from slot join patient on patient.p = (slot.n * ${doctors} + slot.d) % ${patients}`);
  await db.execute(sql`analyze`);
}
