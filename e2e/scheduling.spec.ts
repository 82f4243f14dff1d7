import AxeBuilder from '@axe-core/playwright';
import {
  demo,
  expect,
  newPatientPage,
  type Page,
  signedInPage,
  test,
  weekdayAhead,
} from './support/fixtures.ts';

const wcag22aa = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function expectNoViolations(page: Page, what: string) {
  await expect(page.getByRole('status').filter({ hasText: /Loading|Opening|Restoring/ })).toHaveCount(0);
  const results = await new AxeBuilder({ page }).withTags(wcag22aa).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    `axe on ${what}`,
  ).toEqual([]);
}

async function chooseDoctor(page: Page) {
  const option = page.locator('select[name="doctorId"] option', { hasText: demo.doctor.name });
  await page.getByLabel('Doctor').selectOption((await option.getAttribute('value')) ?? '');
}

function doctorColumn(page: Page) {
  return page.getByRole('region', { name: demo.doctor.name });
}

test('a patient books a free time from the slot picker, it is no longer offered, and they move it', async ({
  browser,
}) => {
  const { page, context, person: patient } = await newPatientPage(browser);
  await page.goto('/book');
  await chooseDoctor(page);
  const date = weekdayAhead(22);
  await page.getByLabel('Day').fill(date);
  const first = page.locator('input[name="startAt"]').first();
  const startAt = await first.inputValue();
  await first.check({ force: true });
  await page.getByRole('button', { name: 'Request the appointment' }).click();
  await expect(page.getByRole('heading', { name: 'Appointment', level: 1 })).toBeVisible();
  const appointmentUrl = page.url();

  await page.goto('/book');
  await chooseDoctor(page);
  await page.getByLabel('Day').fill(date);
  await expect(page.locator('input[name="startAt"]').first()).toBeVisible();
  await expect(page.locator(`input[name="startAt"][value="${startAt}"]`)).toHaveCount(0);

  await page.goto(appointmentUrl);
  await page.getByRole('button', { name: 'Move this visit' }).click();
  const move = page.getByRole('dialog');
  await move.getByLabel('New day').fill(weekdayAhead(31));
  const target = move.locator('input[type="radio"]').nth(2);
  const movedTo = await target.inputValue();
  await target.check({ force: true });
  await move.getByLabel('Reason (optional)').fill('Clashes with work');
  await move.getByRole('button', { name: 'Move the visit' }).click();
  await expect(page.getByText(`Moved ${patient.name}`)).toBeVisible();
  await page.getByRole('link', { name: 'Inbox' }).click();
  await expect(page.getByRole('heading', { name: /Appointment moved/ })).toBeVisible();
  expect(movedTo).not.toBe(startAt);
  await context.close();
});

test('the front desk books a patient on their behalf from a free slot and then moves the visit', async ({
  browser,
}) => {
  const patient = await newPatientPage(browser);
  await patient.context.close();
  const { page, context } = await signedInPage(browser, demo.receptionist);
  await page.getByRole('link', { name: 'Day view' }).click();
  await expect(page.getByRole('heading', { name: 'Day view', level: 1 })).toBeVisible();
  await page.getByLabel('Day').fill(weekdayAhead(25));
  const column = doctorColumn(page);
  await expect(column.getByRole('list', { name: `Free times of ${demo.doctor.name}` })).toBeVisible();
  await expectNoViolations(page, 'the day view');

  await column
    .getByRole('list', { name: `Free times of ${demo.doctor.name}` })
    .getByRole('button')
    .first()
    .click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Find the patient').fill(patient.person.name);
  await dialog.getByRole('button', { name: `Choose ${patient.person.name}` }).click();
  await dialog.getByLabel('Reason (optional)').fill('Phoned in');
  await dialog.getByRole('button', { name: 'Book this time' }).click();
  await expect(page.getByText(`Booked ${patient.person.name}`)).toBeVisible();
  const visit = column.getByRole('listitem').filter({ hasText: patient.person.name });
  await expect(visit).toBeVisible();

  await column.getByRole('button', { name: `Move ${patient.person.name}'s visit` }).click();
  const move = page.getByRole('dialog');
  await expect(move.getByRole('heading', { name: `Move ${patient.person.name}'s visit` })).toBeVisible();
  await move.getByLabel('New day').fill(weekdayAhead(28));
  const target = move.locator('input[type="radio"]').first();
  await expect(target).toBeAttached();
  await target.check({ force: true });
  await move.getByRole('button', { name: 'Move the visit' }).click();
  await expect(page.getByText(`Moved ${patient.person.name}`)).toBeVisible();
  await expect(visit).toHaveCount(0);
  await context.close();
});

test('the doctor’s hours, the recall list and the scheduling settings pass axe', async ({ browser }) => {
  const doctor = await signedInPage(browser, demo.doctor);
  await doctor.page.getByRole('link', { name: 'My hours' }).click();
  await expect(doctor.page.getByLabel('Monday hours')).toHaveValue('09:00-17:00');
  await expectNoViolations(doctor.page, 'my hours');
  await doctor.context.close();

  const desk = await signedInPage(browser, demo.receptionist);
  await desk.page.getByRole('link', { name: 'Recalls' }).click();
  await expect(desk.page.getByRole('heading', { name: 'Recalls', level: 1 })).toBeVisible();
  await expectNoViolations(desk.page, 'recalls');
  await desk.context.close();

  const admin = await signedInPage(browser, demo.admin);
  await admin.page.getByRole('link', { name: 'Scheduling' }).click();
  await expect(admin.page.getByLabel('Minimum notice for patients (minutes)')).toHaveValue('120');
  await expectNoViolations(admin.page, 'scheduling settings');
  await admin.context.close();
});
