import { demo, expect, signedInPage, test } from './support/fixtures.ts';

test("a patient typing another patient's record address sees not found", async ({ browser }) => {
  const maria = await signedInPage(browser, demo.patient);
  const mine = (await (
    await maria.context.request.get('/api/v1/appointments', {
      headers: { authorization: `Bearer ${maria.accessToken}` },
    })
  ).json()) as { items: { id: string }[] };
  const mariasVisit = mine.items[0]?.id;
  expect(mariasVisit).toBeTruthy();

  const john = await signedInPage(browser, demo.otherPatient);
  await john.page.goto(`/appointments/${mariasVisit}`);
  await expect(john.page.getByRole('heading', { name: 'Not found', level: 1 })).toBeVisible();
  await expect(john.page.getByText('Maria')).toHaveCount(0);
  for (const path of [
    `/visits/${mariasVisit}`,
    `/bills/${mariasVisit}`,
    '/audit',
    `/patients/${mariasVisit}/history`,
  ]) {
    await john.page.goto(path);
    await expect(john.page.getByRole('heading', { name: 'Not found', level: 1 })).toBeVisible();
  }
  await Promise.all([maria.context.close(), john.context.close()]);
});

const menus = {
  patient: ['Home', 'Book a visit', 'My appointments', 'Inbox', 'History', 'Profile'],
  doctor: ['Work queue', 'Profile'],
  receptionist: ['Bills', 'Book for a patient', 'Profile'],
  admin: ['Staff', 'Audit log', 'Messages', 'Profile'],
} as const;
const allEntries = [...new Set(Object.values(menus).flat())];

for (const [role, entries] of Object.entries(menus)) {
  test(`the ${role} sees only their own menu`, async ({ browser }) => {
    const person = await signedInPage(browser, demo[role as keyof typeof menus]);
    const nav = person.page.getByRole('navigation');
    for (const entry of allEntries) {
      const link = nav.getByRole('link', { name: new RegExp(`^${entry}`) });
      if ((entries as readonly string[]).includes(entry)) await expect(link).toBeVisible();
      else await expect(link).toHaveCount(0);
    }
    await person.context.close();
  });
}
