import { isOverdue } from '../../../shared/domain/appointment-states.ts';
import type { Appointment, Prescription } from '../../../shared/schemas/appointments.ts';
import type { AppointmentRow, BillRow, ConsultationRow, PrescriptionRow } from './repository.ts';

export type VisitRecords = {
  consultation?: ConsultationRow | undefined;
  prescription?: PrescriptionRow | undefined;
  bill?: BillRow | undefined;
};

export function shapePrescription(row: PrescriptionRow): Prescription {
  return {
    id: row.id,
    appointmentId: row.appointmentId,
    medications: row.items.map((item) => ({
      name: item.name,
      dosage: item.dosage,
      frequency: item.frequency,
      duration: item.duration,
      eye: item.eye,
      instructions: item.instructions,
    })),
    notes: row.notes,
    glasses: (row.glasses ?? null) as Prescription['glasses'],
    contactLenses: (row.contactLenses ?? null) as Prescription['contactLenses'],
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function shapeConsultation(row: ConsultationRow): NonNullable<Appointment['consultation']> {
  return {
    id: row.id,
    appointmentId: row.appointmentId,
    notes: row.notes,
    exam: (row.exam ?? null) as NonNullable<Appointment['consultation']>['exam'],
    diagnoses: (row.diagnoses ?? null) as NonNullable<Appointment['consultation']>['diagnoses'],
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function shapeAppointmentBill(row: BillRow): NonNullable<Appointment['bill']> {
  return {
    id: row.id,
    appointmentId: row.appointmentId,
    amountCents: row.amountCents,
    currency: row.currency,
    status: row.status,
    method: row.method,
    reference: row.reference,
    createdAt: row.createdAt.toISOString(),
    paidAt: row.paidAt?.toISOString() ?? null,
  };
}

export type OverdueClock = { now: Date; startOfToday: Date };

export function shapeAppointment(
  row: AppointmentRow,
  clock: OverdueClock,
  records?: VisitRecords,
): Appointment {
  return {
    id: row.id,
    patientId: row.patientId,
    doctorId: row.doctorId,
    patient: { id: row.patientId, name: row.patientName },
    doctor: { id: row.doctorId, name: row.doctorName },
    startAt: row.startAt.toISOString(),
    endAt: row.endAt.toISOString(),
    status: row.status,
    reason: row.reason,
    doctorNote: row.doctorNote,
    cancelReason: row.cancelReason,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    treatedAt: row.treatedAt?.toISOString() ?? null,
    followUpAt: row.followUpAt?.toISOString() ?? null,
    overdue: isOverdue(row, clock.now, clock.startOfToday),
    ...(records
      ? {
          consultation: records.consultation ? shapeConsultation(records.consultation) : null,
          prescription: records.prescription ? shapePrescription(records.prescription) : null,
          bill: records.bill ? shapeAppointmentBill(records.bill) : null,
        }
      : {}),
  };
}
