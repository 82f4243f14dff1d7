import { expect, newPatientPage, type Page, test, weekdayAhead } from './support/fixtures.ts';

/** Presses Tab until the element has focus, as a keyboard user would. */
async function tabTo(page: Page, selector: string, limit = 40) {
  for (let step = 0; step < limit; step++) {
    await page.keyboard.press('Tab');
    if (
      await page
        .locator(selector)
        .first()
        .evaluate((element) => element === document.activeElement)
    )
      return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

test('a patient books a visit with the keyboard alone', async ({ browser }) => {
  const { page, context } = await newPatientPage(browser);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();

  await tabTo(page, 'nav a[href="/book"]');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Book a visit', level: 1 })).toBeVisible();

  await tabTo(page, 'select[name="doctorId"]');
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('select[name="doctorId"]')).not.toHaveValue('');

  await page.keyboard.press('Tab');
  const [year, month, day] = weekdayAhead(15).split('-');
  await page.keyboard.type(`${month}${day}${year}`);
  await expect(page.getByLabel('Day')).toHaveValue(`${year}-${month}-${day}`);

  await tabTo(page, 'input[name="startAt"]');
  await page.keyboard.press('Space');
  await expect(page.locator('input[name="startAt"]:checked')).toHaveCount(1);

  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Reason for the visit (optional)')).toBeFocused();
  await page.keyboard.type('Booked without a mouse');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Request the appointment' })).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { name: 'Appointment', level: 1 })).toBeVisible();
  await expect(page.getByText('Booked without a mouse')).toBeVisible();
  await context.close();
});
