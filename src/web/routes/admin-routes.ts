import { lazyPage, type RoleRoute } from './role-route.ts';

// A feature adds a clinic-manager screen by adding one entry here (with `nav` to put it in the menu).
export const adminRoutes: RoleRoute[] = [
  {
    path: '/',
    page: lazyPage(() => import('../features/admin/staff-page.tsx'), 'StaffPage'),
    nav: { label: 'Staff' },
  },
  {
    path: '/audit',
    page: lazyPage(() => import('../features/admin/audit-page.tsx'), 'AuditPage'),
    nav: { label: 'Audit log' },
  },
  {
    path: '/messages',
    page: lazyPage(() => import('../features/admin/messages-page.tsx'), 'MessagesPage'),
    nav: { label: 'Messages' },
  },
  {
    path: '/scheduling',
    page: lazyPage(() => import('../features/scheduling/settings-page.tsx'), 'SchedulingSettingsPage'),
    nav: { label: 'Scheduling' },
  },
  {
    path: '/profile',
    page: lazyPage(() => import('../features/profile/profile-page.tsx'), 'ProfilePage'),
    nav: { label: 'Profile' },
  },
];
