import { demo, expect, newPatientPage, signedInPage, test, weekdayAhead } from './support/fixtures.ts';

test("a declined request carries the doctor's note to the patient", async ({ browser }) => {
  const patient = await newPatientPage(browser);
  const doctor = await signedInPage(browser, demo.doctor);
  const doctors = (await (
    await patient.context.request.get('/api/v1/doctors', {
      headers: { authorization: `Bearer ${patient.accessToken}` },
    })
  ).json()) as { items: { id: string; name: string }[] };
  const doctorId = doctors.items.find((item) => item.name === demo.doctor.name)?.id;
  const slots = (await (
    await patient.context.request.get(`/api/v1/doctors/${doctorId}/slots?date=${weekdayAhead(12)}`, {
      headers: { authorization: `Bearer ${patient.accessToken}` },
    })
  ).json()) as { items: { startAt: string }[] };
  const booked = await patient.context.request.post('/api/v1/appointments', {
    headers: { authorization: `Bearer ${patient.accessToken}` },
    data: { doctorId, startAt: slots.items.at(-1)?.startAt, reason: 'Second opinion on surgery' },
  });
  expect(booked.status()).toBe(201);

  const request = doctor.page.getByTestId('queue-item').filter({ hasText: patient.person.name });
  await request.getByRole('button', { name: /^Decline/ }).click();
  const dialog = doctor.page.getByRole('dialog', { name: 'Decline this request' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Decline and notify the patient' }).click();
  await expect(dialog.getByText('a note for the patient is required')).toBeVisible();
  await dialog
    .getByLabel('Note for the patient (required)')
    .fill('Please see Dr. Ortega, who runs the cornea clinic.');
  await dialog.getByRole('button', { name: 'Decline and notify the patient' }).click();
  await expect(dialog).toBeHidden();
  await expect(request).toHaveCount(0);

  await expect(patient.page.getByTestId('unread-badge')).toHaveText(/1/);
  await patient.page.getByRole('link', { name: /Inbox/ }).click();
  const message = patient.page.getByTestId('notification').first();
  await expect(message).toContainText('Your appointment request was declined');
  await expect(message).toContainText('Please see Dr. Ortega, who runs the cornea clinic.');
  await patient.page.getByRole('link', { name: 'My appointments' }).click();
  await expect(patient.page.getByText('Declined by the doctor')).toBeVisible();
  await expect(patient.page.getByText('Please see Dr. Ortega, who runs the cornea clinic.')).toBeVisible();
  await Promise.all([patient.context.close(), doctor.context.close()]);
});
