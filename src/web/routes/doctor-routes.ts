import { lazyPage, type RoleRoute } from './role-route.ts';

// A feature adds a doctor screen by adding one entry here (with `nav` to put it in the menu).
export const doctorRoutes: RoleRoute[] = [
  {
    path: '/',
    page: lazyPage(() => import('../features/doctor/work-queue-page.tsx'), 'WorkQueuePage'),
    nav: { label: 'Work queue' },
  },
  {
    path: '/visits/:id',
    page: lazyPage(() => import('../features/doctor/visit-page.tsx'), 'VisitPage'),
  },
  {
    path: '/patients/:id/history',
    page: lazyPage(() => import('../features/history/patient-history-page.tsx'), 'PatientHistoryPage'),
  },
  {
    path: '/day',
    page: lazyPage(() => import('../features/scheduling/day-view-page.tsx'), 'MyDayPage'),
    nav: { label: 'My day' },
  },
  {
    path: '/hours',
    page: lazyPage(() => import('../features/scheduling/hours-page.tsx'), 'HoursPage'),
    nav: { label: 'My hours' },
  },
  {
    path: '/profile',
    page: lazyPage(() => import('../features/profile/profile-page.tsx'), 'ProfilePage'),
    nav: { label: 'Profile' },
  },
];
