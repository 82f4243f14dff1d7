import { demo, expect, newPatientPage, signedInPage, test, weekdayAhead } from './support/fixtures.ts';

test('a visit from request to history, with three people working at once', async ({ browser }) => {
  const patient = await newPatientPage(browser);
  const doctor = await signedInPage(browser, demo.doctor);
  const desk = await signedInPage(browser, demo.receptionist);
  const name = patient.person.name;

  // The patient books; the doctor's queue shows the request without a reload.
  await patient.page.getByRole('link', { name: 'Book a visit' }).first().click();
  await patient.page.getByLabel('Doctor').selectOption({ label: `${demo.doctor.name} — Glaucoma` });
  await patient.page.getByLabel('Day').fill(weekdayAhead(9));
  await patient.page.locator('input[name="startAt"]').first().check({ force: true });
  await patient.page.getByLabel('Reason for the visit (optional)').fill('Halos around lights at night');
  await patient.page.getByRole('button', { name: 'Request the appointment' }).click();
  await expect(patient.page.getByRole('heading', { name: 'Appointment', level: 1 })).toBeVisible();
  await expect(patient.page.getByText('Waiting for the doctor to confirm')).toBeVisible();

  const request = doctor.page
    .getByTestId('queue-new-requests')
    .getByTestId('queue-item')
    .filter({ hasText: name });
  await expect(request).toBeVisible();
  await request.getByRole('button', { name: /^Approve/ }).click();

  // The patient's inbox badge appears live, and the message is there.
  await expect(patient.page.getByTestId('unread-badge')).toHaveText(/1/);
  await expect(patient.page.getByText('Confirmed')).toBeVisible();
  await patient.page.getByRole('link', { name: /Inbox/ }).click();
  await expect(patient.page.getByRole('heading', { name: 'Your appointment is confirmed' })).toBeVisible();

  // The doctor records the visit.
  const visit = doctor.page
    .getByTestId('queue-today-and-upcoming')
    .getByTestId('queue-item')
    .filter({ hasText: name });
  await visit.getByRole('link', { name: /^Open visit/ }).click();
  await expect(doctor.page.getByRole('heading', { name: `Visit: ${name}` })).toBeVisible();
  await doctor.page
    .getByLabel('Consultation notes')
    .fill('Early cataract in the right eye; no glaucoma signs.');
  const right = doctor.page.getByRole('group', { name: 'Right eye (OD)' });
  await right.getByLabel('VA unaided').fill('6/12');
  await right.getByLabel('Sphere (D)').fill('-1.25');
  await right.getByLabel('IOP (mmHg)').fill('17');
  await doctor.page.getByLabel('VA unaided').nth(1).fill('6/6');
  await doctor.page.getByRole('button', { name: 'Save consultation' }).click();
  await expect(doctor.page.getByText('Consultation saved.')).toBeVisible();

  const first = doctor.page.getByTestId('medication-line').nth(0);
  await first.getByLabel('Medication').fill('Carboxymethylcellulose 0.5%');
  await first.getByLabel('Dosage').fill('1 drop');
  await first.getByLabel('Frequency').fill('Four times daily');
  await first.getByLabel('Eye').selectOption('OU');
  await doctor.page.getByRole('button', { name: 'Add a medication' }).click();
  const second = doctor.page.getByTestId('medication-line').nth(1);
  await second.getByLabel('Medication').fill('Lubricating gel');
  await second.getByLabel('Dosage').fill('Thin strip');
  await second.getByLabel('Frequency').fill('At night');
  await second.getByLabel('Duration').fill('4 weeks');
  await doctor.page.getByLabel('Include glasses in this prescription').check();
  const glasses = doctor.page.getByRole('group', { name: 'Glasses', exact: true });
  const glassesRight = glasses.getByRole('group', { name: 'Right eye (OD)' });
  await glassesRight.getByLabel('Sphere (D)').fill('-1.30');
  await glassesRight.getByLabel('Cylinder (D)').fill('-0.50');
  await glassesRight.getByLabel('Axis (°)').fill('90');
  await glasses.getByRole('group', { name: 'Left eye (OS)' }).getByLabel('Sphere (D)').fill('-1.00');
  await glasses.getByLabel('Pupillary distance (mm)').fill('62');
  await doctor.page.getByRole('button', { name: 'Save prescription' }).click();
  await expect(glassesRight.getByText('in steps of 0.25 D')).toBeVisible();
  await expect(glassesRight.getByLabel('Sphere (D)')).toBeFocused();
  await glassesRight.getByLabel('Sphere (D)').fill('-1.25');
  await doctor.page.getByRole('button', { name: 'Save prescription' }).click();
  await expect(doctor.page.getByText('Prescription saved.')).toBeVisible();

  await doctor.page.getByLabel('Amount (USD)').fill('85.50');
  await doctor.page.getByRole('button', { name: 'Set the bill' }).click();
  await expect(doctor.page.getByText('Bill set to $85.50.')).toBeVisible();
  const treat = doctor.page.getByRole('button', { name: 'Mark as treated' });
  await expect(treat).toBeDisabled();
  await expect(doctor.page.getByText(/Waiting for payment/)).toBeVisible();

  // The front desk sees the new bill without a reload and confirms payment.
  const bill = desk.page.getByTestId('bill-row').filter({ hasText: name });
  await expect(bill).toBeVisible();
  await expect(bill).toContainText('$85.50');
  await bill.getByRole('link', { name }).click();
  await expect(desk.page.getByText('Carboxymethylcellulose 0.5%')).toBeVisible();
  await expect(desk.page.getByRole('table', { name: 'Glasses' })).toContainText('\u22121.25');
  await desk.page.getByLabel('Payment method').selectOption('CARD');
  await desk.page.getByLabel('Reference (optional)').fill('POS-7781');
  await desk.page.getByRole('button', { name: /Confirm payment/ }).click();
  await expect(desk.page.getByText(`Payment of $85.50 confirmed for ${name}.`)).toBeVisible();

  // The patient hears of the payment live; the doctor's button wakes up live.
  await expect(patient.page.getByRole('heading', { name: 'Payment received' })).toBeVisible();
  await expect(treat).toBeEnabled();
  await expect(doctor.page.getByText('The bill is paid: you can close the visit.')).toBeVisible();
  await treat.click();
  await expect(doctor.page.getByText(`${name} is marked treated.`)).toBeVisible();

  await patient.page.getByRole('link', { name: 'History' }).click();
  const record = patient.page.getByTestId('history-visit').first();
  await expect(record).toContainText(demo.doctor.name);
  await expect(record).toContainText('Early cataract in the right eye');
  await expect(record).toContainText('Lubricating gel');
  const slip = record.getByRole('table', { name: 'Glasses' });
  await expect(slip.getByRole('columnheader', { name: 'Sphere' })).toBeVisible();
  await expect(slip.getByRole('row', { name: /Right eye \(OD\)/ }).getByRole('cell')).toHaveText([
    '\u22121.25',
    '\u22120.50',
    '90°',
    '—',
  ]);
  await expect(
    slip
      .getByRole('row', { name: /Left eye \(OS\)/ })
      .getByRole('cell')
      .first(),
  ).toHaveText('\u22121.00');
  await expect(record).toContainText('Pupillary distance: 62 mm');
  await expect(record).toContainText('$85.50');
  await expect(record).toContainText('Paid');

  await Promise.all([patient.context.close(), doctor.context.close(), desk.context.close()]);
});
