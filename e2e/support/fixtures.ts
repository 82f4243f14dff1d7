import { randomUUID } from 'node:crypto';
import { type Browser, test as base, expect, type Page } from '@playwright/test';

export const demo = {
  patient: { email: 'maria@demo.ecms', password: 'demo-patient-2026', name: 'Maria Gonzalez' },
  otherPatient: { email: 'john@demo.ecms', password: 'demo-patient-2026', name: 'John Smith' },
  doctor: { email: 'priya.raman@demo.ecms', password: 'demo-doctor-2026', name: 'Dr. Priya Raman' },
  receptionist: { email: 'frontdesk@demo.ecms', password: 'demo-desk-2026', name: 'Sam Okafor' },
  admin: { email: 'admin@demo.ecms', password: 'demo-admin-2026', name: 'Alex Morgan' },
} as const;
export type DemoPerson = keyof typeof demo;

export const serverUrl = () => {
  const url = process.env.ECMS_E2E_URL;
  if (!url) throw new Error('ECMS_E2E_URL is not set: run through playwright.config.ts');
  return url;
};

type Person = { email: string; password: string; name: string };

/** A browser context signed in through the API (the refresh cookie lands in the context), on its dashboard. */
export async function signedInPage(
  browser: Browser,
  person: Person,
  options: { viewport?: { width: number; height: number } } = {},
) {
  const context = await browser.newContext({ baseURL: serverUrl(), ...options });
  const response = await context.request.post('/api/v1/auth/login', {
    data: { email: person.email, password: person.password },
  });
  expect(response.status(), `sign-in of ${person.email}`).toBe(200);
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  return { context, page, accessToken: ((await response.json()) as { accessToken: string }).accessToken };
}

/** A new patient of their own for a test, registered through the API and signed in. */
export async function newPatientPage(browser: Browser) {
  const person = {
    name: `Test Patient ${randomUUID().slice(0, 6)}`,
    email: `patient-${randomUUID().slice(0, 8)}@e2e.ecms`,
    password: 'e2e-patient-pass-42',
  };
  const context = await browser.newContext({ baseURL: serverUrl() });
  const response = await context.request.post('/api/v1/auth/register', { data: person });
  expect(response.status()).toBe(201);
  const body = (await response.json()) as { accessToken: string; user: { id: string } };
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  return { context, page, person, id: body.user.id, accessToken: body.accessToken };
}

/** The next Monday–Friday at least `days` ahead, as YYYY-MM-DD (the clinic runs on UTC here). */
export function weekdayAhead(days: number): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  while (date.getUTCDay() === 0 || date.getUTCDay() === 6) date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** Tests' own `page` points at the server that global setup started. */
export const test = base.extend({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright requires the object pattern even when nothing is used
  baseURL: async ({}, use) => use(serverUrl()),
});

export { type Browser, expect, type Page };
