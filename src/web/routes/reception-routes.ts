import { lazyPage, type RoleRoute } from './role-route.ts';

// A feature adds a front-desk screen by adding one entry here (with `nav` to put it in the menu).
export const receptionRoutes: RoleRoute[] = [
  {
    path: '/',
    page: lazyPage(() => import('../features/billing/bills-page.tsx'), 'BillsPage'),
    nav: { label: 'Bills' },
  },
  {
    path: '/bills/:id',
    page: lazyPage(() => import('../features/billing/bill-page.tsx'), 'BillPage'),
  },
  {
    path: '/book',
    page: lazyPage(() => import('../features/booking/book-for-patient-page.tsx'), 'BookForPatientPage'),
    nav: { label: 'Book for a patient' },
  },
  {
    path: '/patients/:id/history',
    page: lazyPage(() => import('../features/history/patient-history-page.tsx'), 'PatientHistoryPage'),
  },
  {
    path: '/day',
    page: lazyPage(() => import('../features/scheduling/day-view-page.tsx'), 'DayViewPage'),
    nav: { label: 'Day view' },
  },
  {
    path: '/recalls',
    page: lazyPage(() => import('../features/scheduling/recalls-page.tsx'), 'RecallsPage'),
    nav: { label: 'Recalls' },
  },
  {
    path: '/profile',
    page: lazyPage(() => import('../features/profile/profile-page.tsx'), 'ProfilePage'),
    nav: { label: 'Profile' },
  },
];
