import { UnreadBadge } from '../features/notifications/unread-badge.tsx';
import { lazyPage, type RoleRoute } from './role-route.ts';

// A feature adds a patient screen by adding one entry here (with `nav` to put it in the menu).
export const patientRoutes: RoleRoute[] = [
  {
    path: '/',
    page: lazyPage(() => import('../features/patient/patient-dashboard-page.tsx'), 'PatientDashboardPage'),
    nav: { label: 'Home' },
  },
  {
    path: '/book',
    page: lazyPage(() => import('../features/booking/book-appointment-page.tsx'), 'BookAppointmentPage'),
    nav: { label: 'Book a visit' },
  },
  {
    path: '/appointments',
    page: lazyPage(() => import('../features/appointments/my-appointments-page.tsx'), 'MyAppointmentsPage'),
    nav: { label: 'My appointments' },
  },
  {
    path: '/appointments/:id',
    page: lazyPage(() => import('../features/appointments/appointment-page.tsx'), 'AppointmentPage'),
  },
  {
    path: '/inbox',
    page: lazyPage(() => import('../features/notifications/inbox-page.tsx'), 'InboxPage'),
    nav: { label: 'Inbox', Badge: UnreadBadge },
  },
  {
    path: '/history',
    page: lazyPage(() => import('../features/history/my-history-page.tsx'), 'MyHistoryPage'),
    nav: { label: 'History' },
  },
  {
    path: '/profile',
    page: lazyPage(() => import('../features/profile/profile-page.tsx'), 'ProfilePage'),
    nav: { label: 'Profile' },
  },
];
