import { join } from 'node:path';
import { demo, expect, signedInPage, test } from './support/fixtures.ts';

const sizes = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;
const people = {
  patient: demo.patient,
  doctor: demo.doctor,
  receptionist: demo.receptionist,
  admin: demo.admin,
} as const;

// Screenshots of every dashboard, kept under test-results/screenshots/ (the output dir) for people to look at.
for (const [role, person] of Object.entries(people)) {
  test(`${role} dashboard at desk and phone sizes, both themes`, async ({ browser }, testInfo) => {
    for (const [size, viewport] of Object.entries(sizes)) {
      for (const theme of ['standard', 'contrast']) {
        const { context, page } = await signedInPage(browser, person, { viewport });
        await context.addInitScript((value) => localStorage.setItem('ecms-theme', value), theme);
        await page.reload();
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await expect(page.getByRole('status').filter({ hasText: /Loading/ })).toHaveCount(0);
        // Nothing may scroll sideways: the layout must fit the phone.
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(
          true,
        );
        const path = join(testInfo.project.outputDir, 'screenshots', `${role}-${size}-${theme}.png`);
        await page.screenshot({ path, fullPage: true });
        await testInfo.attach(`${role}-${size}-${theme}`, { path, contentType: 'image/png' });
        await context.close();
      }
    }
  });
}
