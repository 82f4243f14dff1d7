import { useSyncExternalStore } from 'react';
import type { User } from '../../../shared/schemas/auth.ts';
import { getSession, type SessionState, subscribeSession } from './session.ts';

export function useSession(): SessionState {
  return useSyncExternalStore(subscribeSession, getSession);
}

/** The signed-in person; only screens behind sign-in call it. */
export function useUser(): User {
  const session = useSession();
  if (session.status !== 'signed-in') throw new Error('useUser outside a signed-in screen');
  return session.user;
}
