import AxeBuilder from '@axe-core/playwright';
import { type Browser, demo, expect, type Page, serverUrl, signedInPage, test } from './support/fixtures.ts';

const wcag22aa = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const themes = ['standard', 'contrast'] as const;

async function settled(page: Page) {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /Loading|Opening|Restoring/ })).toHaveCount(0);
}

async function expectNoViolations(page: Page, path: string) {
  await page.goto(path);
  await settled(page);
  const results = await new AxeBuilder({ page }).withTags(wcag22aa).analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary, `axe on ${path}`).toEqual([]);
}

async function apiGet<T>(page: Page, token: string, path: string): Promise<T> {
  const response = await page
    .context()
    .request.get(`/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
  return (await response.json()) as T;
}

async function inTheme(browser: Browser, person: (typeof demo)[keyof typeof demo], theme: string) {
  const session = await signedInPage(browser, person);
  await session.context.addInitScript((value) => localStorage.setItem('ecms-theme', value), theme);
  return session;
}

for (const theme of themes) {
  test.describe(`axe, ${theme} theme`, () => {
    test('sign-in and registration', async ({ browser }) => {
      const context = await browser.newContext({ baseURL: serverUrl() });
      await context.addInitScript((value) => localStorage.setItem('ecms-theme', value), theme);
      const page = await context.newPage();
      await expectNoViolations(page, '/');
      await expectNoViolations(page, '/register');
      await context.close();
    });

    test('patient pages', async ({ browser }) => {
      const { page, context, accessToken } = await inTheme(browser, demo.patient, theme);
      const list = await apiGet<{ items: { id: string }[] }>(page, accessToken, '/appointments');
      for (const path of [
        '/',
        '/book',
        '/appointments',
        '/inbox',
        '/history',
        '/profile',
        `/appointments/${list.items[0]?.id}`,
        '/no-such-page',
      ]) {
        await expectNoViolations(page, path);
      }
      await context.close();
    });

    test('doctor pages', async ({ browser }) => {
      const { page, context, accessToken } = await inTheme(browser, demo.doctor, theme);
      const list = await apiGet<{ items: { id: string; patientId: string }[] }>(
        page,
        accessToken,
        '/appointments?status=APPROVED',
      );
      const visit = list.items[0];
      for (const path of ['/', '/profile', `/visits/${visit?.id}`, `/patients/${visit?.patientId}/history`]) {
        await expectNoViolations(page, path);
      }
      await page.goto(`/visits/${visit?.id}`);
      await settled(page);
      await page.getByLabel('Include glasses in this prescription').check();
      await page.getByLabel('Include contact lenses in this prescription').check();
      const opened = await new AxeBuilder({ page }).withTags(wcag22aa).analyze();
      expect(
        opened.violations.map((v) => v.id),
        'axe with glasses and lenses open',
      ).toEqual([]);
      await context.close();
    });

    test('front-desk pages', async ({ browser }) => {
      const { page, context, accessToken } = await inTheme(browser, demo.receptionist, theme);
      const bills = await apiGet<{ items: { id: string }[] }>(page, accessToken, '/bills');
      for (const path of ['/', '/book', `/bills/${bills.items[0]?.id}`, '/profile']) {
        await expectNoViolations(page, path);
      }
      await context.close();
    });

    test('clinic-manager pages and dialogs', async ({ browser }) => {
      const { page, context } = await inTheme(browser, demo.admin, theme);
      for (const path of ['/audit', '/messages', '/profile', '/']) {
        await expectNoViolations(page, path);
      }
      await page.getByRole('button', { name: 'Add a staff member' }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      const results = await new AxeBuilder({ page }).withTags(wcag22aa).analyze();
      expect(results.violations.map((v) => v.id)).toEqual([]);
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toBeHidden();
      await expect(page.getByRole('button', { name: 'Add a staff member' })).toBeFocused();
      await context.close();
    });
  });
}
