import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextWeekdayAt, openTestClinic, type TestClinic, testDatabases } from '../support/clinic.ts';
import { book } from './support.ts';

describe.runIf(testDatabases().includes('postgres'))(
  'no double booking under concurrent requests [postgres]',
  () => {
    let opened: Awaited<ReturnType<typeof openTestClinic>>;
    let clinic: TestClinic;
    beforeAll(async () => {
      opened = await openTestClinic('postgres');
      clinic = opened.clinic;
    });
    afterAll(async () => opened?.close());

    const patients = (count: number) =>
      Promise.all(Array.from({ length: count }, () => clinic.newUser('PATIENT')));

    it('gives one slot to exactly one of 20 patients asking at once', async () => {
      const doctor = await clinic.newUser('DOCTOR');
      const crowd = await patients(20);
      const startAt = nextWeekdayAt(clinic, 3, 11, 0);
      const responses = await Promise.all(
        crowd.map((patient) => book(clinic, patient, { doctorId: doctor.id, startAt })),
      );
      const codes = responses.map((response) => response.statusCode).sort();
      expect(codes).toEqual([201, ...Array(19).fill(409)]);
      expect(
        responses
          .filter((response) => response.statusCode === 409)
          .every((r) => r.json().code === 'SLOT_TAKEN'),
      ).toBe(true);
    });

    it('books 20 different slots for 20 patients at once', async () => {
      const doctor = await clinic.newUser('DOCTOR');
      const crowd = await patients(20);
      const responses = await Promise.all(
        crowd.map((patient, index) =>
          book(clinic, patient, {
            doctorId: doctor.id,
            startAt: nextWeekdayAt(clinic, 3, 9 + Math.floor(index / 3), (index % 3) * 20),
          }),
        ),
      );
      expect(responses.map((response) => response.statusCode)).toEqual(Array(20).fill(201));
    });

    it('lets only one of 20 simultaneous moves into one free slot succeed', async () => {
      const doctor = await clinic.newUser('DOCTOR');
      const desk = await clinic.newUser('RECEPTIONIST');
      const crowd = await patients(20);
      const booked = await Promise.all(
        crowd.map((patient, index) =>
          book(clinic, patient, {
            doctorId: doctor.id,
            startAt: nextWeekdayAt(clinic, 4, 9 + Math.floor(index / 3), (index % 3) * 20),
          }),
        ),
      );
      const target = nextWeekdayAt(clinic, 4, 16, 20);
      const moves = await Promise.all(
        booked.map((response) =>
          clinic.request('POST', `/appointments/${response.json().id}/reschedule`, {
            session: desk,
            body: { startAt: target },
          }),
        ),
      );
      expect(moves.map((response) => response.statusCode).sort()).toEqual([200, ...Array(19).fill(409)]);
    });
  },
);
