import { Suspense, useCallback } from 'react';
import { NavLink, Outlet } from 'react-router';
import { isStaff } from '../../shared/domain/roles.ts';
import { useIdleSignOut } from '../features/auth/idle.ts';
import { sessionNotices, signOut } from '../features/auth/session.ts';
import { useUser } from '../features/auth/use-session.ts';
import { useClinic } from '../features/clinic/clinic-context.tsx';
import { useLiveUpdates } from '../features/live/use-live-updates.ts';
import { roleWords } from '../lib/status-words.ts';
import type { RoleRoute } from '../routes/role-route.ts';
import { ClinicName } from './clinic-name.tsx';
import { Loading } from './states.tsx';
import { ThemeToggle } from './theme-toggle.tsx';

export function AppShell({ routes }: { routes: RoleRoute[] }) {
  const user = useUser();
  const clinic = useClinic();
  useLiveUpdates();
  const signOutIdle = useCallback(() => void signOut(sessionNotices.idle), []);
  useIdleSignOut(isStaff(user.role), signOutIdle);
  const nav = routes.filter((route) => route.nav);
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only z-50 rounded-lg bg-accent px-4 py-2 font-semibold text-accent-ink focus:not-sr-only focus:fixed focus:left-2 focus:top-2"
      >
        Skip to main content
      </a>
      <header className="border-b border-line bg-surface">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <ClinicName name={clinic.name} />
          <div className="flex flex-wrap items-center gap-2">
            <p className="w-full text-sm sm:w-auto">
              <span className="font-semibold">{user.name}</span>
              <span className="text-muted"> · {roleWords[user.role]}</span>
            </p>
            <ThemeToggle />
            <button
              type="button"
              className="btn btn-secondary min-h-10 px-3 text-sm"
              onClick={() => void signOut()}
            >
              Sign out
            </button>
          </div>
        </div>
        <nav aria-label={`${roleWords[user.role]} menu`} className="mx-auto max-w-6xl px-2">
          <ul className="flex flex-wrap gap-1">
            {nav.map(({ path, nav: entry }) =>
              entry ? (
                <li key={path}>
                  <NavLink
                    to={path}
                    end={path === '/'}
                    className={({ isActive }) =>
                      `inline-flex min-h-11 items-center gap-2 border-b-4 px-3 py-2 font-medium no-underline ${
                        isActive ? 'border-accent text-ink' : 'border-transparent text-accent'
                      }`
                    }
                  >
                    {entry.label}
                    {entry.Badge && <entry.Badge />}
                  </NavLink>
                </li>
              ) : null,
            )}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 focus:outline-none">
        <Suspense fallback={<Loading label="Opening the page" />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
