import { DateTime } from 'luxon';
import type { AppointmentStatus } from '../../shared/domain/appointment-states.ts';
import type { Role } from '../../shared/domain/roles.ts';
import type { AppContext } from '../context.ts';
import type { Executor } from '../db/client.ts';
import { newId } from '../db/ids.ts';
import {
  insertAppointment,
  replacePrescription,
  upsertConsultation,
  upsertPendingBill,
} from '../modules/appointments/repository.ts';
import { createAccount } from '../modules/auth/service.ts';
import { insertPayment, markBillPaid } from '../modules/billing/repository.ts';
import { notifyPatient } from '../modules/notifications/service.ts';
import { findUserByEmail } from '../modules/users/repository.ts';

export type DemoLogin = { role: Role; name: string; email: string; password: string };

const people: (DemoLogin & { phone?: string; specialty?: string })[] = [
  { role: 'ADMIN', name: 'Alex Morgan', email: 'admin@demo.ecms', password: 'demo-admin-2026' },
  {
    role: 'DOCTOR',
    name: 'Dr. Priya Raman',
    email: 'priya.raman@demo.ecms',
    password: 'demo-doctor-2026',
    specialty: 'Glaucoma',
  },
  {
    role: 'DOCTOR',
    name: 'Dr. Tomás Ortega',
    email: 'tomas.ortega@demo.ecms',
    password: 'demo-doctor-2026',
    specialty: 'Cornea & refractive',
  },
  { role: 'RECEPTIONIST', name: 'Sam Okafor', email: 'frontdesk@demo.ecms', password: 'demo-desk-2026' },
  {
    role: 'PATIENT',
    name: 'Maria Gonzalez',
    email: 'maria@demo.ecms',
    password: 'demo-patient-2026',
    phone: '+15555550101',
  },
  {
    role: 'PATIENT',
    name: 'John Smith',
    email: 'john@demo.ecms',
    password: 'demo-patient-2026',
    phone: '+15555550102',
  },
  { role: 'PATIENT', name: 'Aiko Tanaka', email: 'aiko@demo.ecms', password: 'demo-patient-2026' },
];

/** The next weekday (clinic zone) at least `days` away, at hh:mm. */
function weekdayAt(ctx: AppContext, days: number, hour: number, minute: number): Date {
  let day = DateTime.fromJSDate(ctx.clock.now(), { zone: ctx.config.timezone }).plus({ days }).startOf('day');
  const step = days < 0 ? -1 : 1;
  while (day.weekday > 5) day = day.plus({ days: step });
  return day.set({ hour, minute }).toJSDate();
}

/** A small clinic with every state of the visit workflow, for trying ECMS out. Does nothing if it exists already. */
export async function seedDemoClinic(ctx: AppContext): Promise<DemoLogin[] | undefined> {
  if (await findUserByEmail(ctx.db, people[0]?.email ?? '')) return undefined;
  const ids: Record<string, string> = {};
  for (const person of people) {
    const user = await createAccount(ctx, person, { trustedPassword: true });
    ids[person.email] = user.id;
  }
  const doctor = ids['priya.raman@demo.ecms'] as string;
  const otherDoctor = ids['tomas.ortega@demo.ecms'] as string;
  const maria = ids['maria@demo.ecms'] as string;
  const john = ids['john@demo.ecms'] as string;
  const aiko = ids['aiko@demo.ecms'] as string;

  const visits: [string, string, Date, AppointmentStatus, string][] = [
    [maria, doctor, weekdayAt(ctx, 1, 9, 0), 'REQUESTED', 'Blurred vision when reading'],
    [john, doctor, weekdayAt(ctx, 2, 10, 20), 'REQUESTED', 'Itchy, red eyes'],
    [aiko, doctor, weekdayAt(ctx, -2, 11, 0), 'REQUESTED', 'Floaters in the left eye'],
    [john, doctor, weekdayAt(ctx, -3, 14, 0), 'APPROVED', 'Annual glaucoma check'],
    [maria, otherDoctor, weekdayAt(ctx, 3, 9, 40), 'APPROVED', 'Contact lens fitting'],
    [aiko, otherDoctor, weekdayAt(ctx, -5, 15, 0), 'REJECTED', 'Second opinion'],
    [john, otherDoctor, weekdayAt(ctx, 4, 16, 0), 'CANCELLED', 'Dry eyes'],
    [maria, doctor, weekdayAt(ctx, -10, 10, 0), 'TREATED', 'Pressure check'],
    [aiko, doctor, weekdayAt(ctx, -7, 9, 20), 'NO_SHOW', 'New glasses'],
  ];
  const now = ctx.clock.now();
  for (const [patientId, doctorId, startAt, status, reason] of visits) {
    const id = newId();
    await ctx.db.transaction(async (tx) => {
      await insertAppointment(tx, {
        id,
        patientId,
        doctorId,
        startAt,
        endAt: new Date(startAt.getTime() + 20 * 60_000),
        status,
        reason,
        doctorNote:
          status === 'REJECTED' ? 'Dr. Ortega is away that week; please book with Dr. Raman.' : null,
        treatedAt: status === 'TREATED' ? startAt : null,
        createdAt: now,
        updatedAt: now,
      });
      if (status === 'TREATED')
        await recordDemoVisit(ctx, tx, id, startAt, ids['frontdesk@demo.ecms'] as string);
      if (status === 'APPROVED' && startAt < now) await recordDemoBill(ctx, tx, id, startAt);
      const type =
        status === 'APPROVED'
          ? 'APPROVAL'
          : status === 'REJECTED'
            ? 'REJECTION'
            : status === 'TREATED'
              ? 'COMPLETION'
              : undefined;
      if (type) {
        await notifyPatient(ctx, tx, {
          patientId,
          appointmentId: id,
          type,
          facts: {
            doctorName: doctorId === doctor ? 'Dr. Priya Raman' : 'Dr. Tomás Ortega',
            startAt,
            note: 'Dr. Ortega is away that week; please book with Dr. Raman.',
          },
        });
      }
    });
  }
  return people.map(({ role, name, email, password }) => ({ role, name, email, password }));
}

async function recordDemoBill(ctx: AppContext, tx: Executor, appointmentId: string, at: Date) {
  await upsertPendingBill(tx, {
    id: newId(),
    appointmentId,
    amountCents: 8500,
    currency: ctx.config.currency,
    status: 'PENDING',
    createdAt: at,
    updatedAt: at,
  });
}

async function recordDemoVisit(
  ctx: AppContext,
  tx: Executor,
  appointmentId: string,
  at: Date,
  receptionistId: string,
) {
  await upsertConsultation(tx, {
    id: newId(),
    appointmentId,
    notes: 'IOP slightly raised in the right eye. Optic discs healthy. Start drops and review in 6 weeks.',
    exam: {
      right: {
        visualAcuityCorrected: '6/6',
        intraocularPressure: 23,
        refraction: { sphere: -1.25, cylinder: -0.5, axis: 90 },
      },
      left: {
        visualAcuityCorrected: '6/6',
        intraocularPressure: 19,
        refraction: { sphere: -1, cylinder: -0.25, axis: 85 },
      },
    },
    diagnoses: [{ code: 'H40.01', label: 'Open angle with borderline findings', eye: 'OD' }],
    createdAt: at,
    updatedAt: at,
  });
  await replacePrescription(
    tx,
    { id: newId(), appointmentId, notes: 'Review in 6 weeks', createdAt: at, updatedAt: at },
    [
      {
        id: newId(),
        position: 0,
        name: 'Latanoprost 0.005%',
        dosage: '1 drop',
        frequency: 'Once daily at night',
        duration: '6 weeks',
        eye: 'OD',
        instructions: 'Close the eye for 1 minute after the drop',
      },
    ],
  );
  const bill = await upsertPendingBill(tx, {
    id: newId(),
    appointmentId,
    amountCents: 12000,
    currency: ctx.config.currency,
    status: 'PENDING',
    createdAt: at,
    updatedAt: at,
  });
  if (!bill) return;
  await insertPayment(tx, {
    id: newId(),
    billId: bill.id,
    amountCents: bill.amountCents,
    method: 'CARD',
    reference: 'DEMO-0001',
    receivedBy: receptionistId,
    createdAt: at,
  });
  await markBillPaid(tx, bill.id, { method: 'CARD', reference: 'DEMO-0001', paidAt: at });
}
