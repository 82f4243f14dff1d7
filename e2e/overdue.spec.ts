import { demo, expect, signedInPage, test } from './support/fixtures.ts';

test("overdue visits stand apart at the top of the doctor's queue", async ({ browser }) => {
  const doctor = await signedInPage(browser, demo.doctor);
  const overdue = doctor.page.getByTestId('queue-overdue');
  await expect(overdue).toBeVisible();
  // The demo clinic has a request from two weekdays ago that nobody answered.
  await expect(overdue.getByTestId('queue-item').filter({ hasText: 'Aiko Tanaka' })).toContainText('Overdue');
  await expect(overdue).toHaveCSS('border-top-width', '4px');
  const headings = await doctor.page.getByRole('heading', { level: 2 }).allTextContents();
  expect(headings[0]).toMatch(/^Overdue/);
  await expect(doctor.page.getByTestId('queue-new-requests').getByText('Aiko Tanaka')).toHaveCount(0);
  await doctor.context.close();
});
