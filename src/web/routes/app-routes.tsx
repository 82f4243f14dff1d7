import { Suspense } from 'react';
import { Navigate, type RouteObject, useRoutes } from 'react-router';
import type { Role } from '../../shared/domain/roles.ts';
import { AppShell } from '../components/app-shell.tsx';
import { NotFoundPage } from '../components/not-found-page.tsx';
import { Loading } from '../components/states.tsx';
import { useSession } from '../features/auth/use-session.ts';
import { adminRoutes } from './admin-routes.ts';
import { doctorRoutes } from './doctor-routes.ts';
import { patientRoutes } from './patient-routes.ts';
import { receptionRoutes } from './reception-routes.ts';
import { lazyPage, type RoleRoute } from './role-route.ts';

const SignInPage = lazyPage(() => import('../features/auth/sign-in-page.tsx'), 'SignInPage');
const RegisterPage = lazyPage(() => import('../features/auth/register-page.tsx'), 'RegisterPage');

/** Each role has its own screens and menu: another role's addresses simply do not exist for it. */
export const routesByRole: Record<Role, RoleRoute[]> = {
  PATIENT: patientRoutes,
  DOCTOR: doctorRoutes,
  RECEPTIONIST: receptionRoutes,
  ADMIN: adminRoutes,
};

function signedInRoutes(role: Role): RouteObject[] {
  const routes = routesByRole[role];
  return [
    {
      element: <AppShell routes={routes} />,
      children: [
        ...routes.map(({ path, page: Page }) => ({ path, element: <Page /> })),
        { path: '/sign-in', element: <Navigate to="/" replace /> },
        { path: '/register', element: <Navigate to="/" replace /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ];
}

const signedOutRoutes: RouteObject[] = [
  { path: '/register', element: <RegisterPage /> },
  { path: '*', element: <SignInPage /> },
];

export function AppRoutes() {
  const session = useSession();
  const routes = useRoutes(
    session.status === 'signed-in' ? signedInRoutes(session.user.role) : signedOutRoutes,
  );
  if (session.status === 'restoring') return <Loading label="Restoring your session" />;
  return <Suspense fallback={<Loading label="Opening the page" />}>{routes}</Suspense>;
}
