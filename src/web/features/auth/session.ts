import type { User } from '../../../shared/schemas/auth.ts';
import { ApiError, apiErrorFrom } from '../../lib/api-error.ts';

export type SessionState =
  | { status: 'restoring' }
  | { status: 'signed-in'; user: User }
  | { status: 'signed-out'; notice?: string };

type TokenResponse = { accessToken: string; expiresIn: number; user: User };

// The access token lives only in this module's memory; the refresh token is an httpOnly cookie.
let accessToken: string | undefined;
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let refreshing: Promise<boolean> | undefined;
let state: SessionState = { status: 'restoring' };
const listeners = new Set<() => void>();

export const sessionNotices = {
  expired: 'Your session has expired. Please sign in again.',
  idle: 'You were signed out after 15 minutes without activity.',
} as const;

function setState(next: SessionState) {
  state = next;
  for (const listener of listeners) listener();
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getSession(): SessionState {
  return state;
}

export function getAccessToken(): string | undefined {
  return accessToken;
}

function establish(result: TokenResponse) {
  accessToken = result.accessToken;
  clearTimeout(refreshTimer);
  // Renew a minute before the 15-minute token runs out so that requests rarely meet a 401.
  const renewInMs = Math.max(10, result.expiresIn - 60) * 1000;
  refreshTimer = setTimeout(() => void refreshSession(), renewInMs);
  setState({ status: 'signed-in', user: result.user });
}

function clear(notice?: string) {
  accessToken = undefined;
  clearTimeout(refreshTimer);
  setState(notice ? { status: 'signed-out', notice } : { status: 'signed-out' });
}

async function postJson(path: string, body?: unknown): Promise<Response> {
  return fetch(`/api/v1${path}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
  });
}

export async function signIn(email: string, password: string): Promise<void> {
  const response = await postJson('/auth/login', { email, password });
  if (!response.ok) throw await apiErrorFrom(response);
  establish((await response.json()) as TokenResponse);
}

export async function register(body: Record<string, unknown>): Promise<void> {
  const response = await postJson('/auth/register', body);
  if (!response.ok) throw await apiErrorFrom(response);
  establish((await response.json()) as TokenResponse);
}

/**
 * Rotates the refresh cookie for a new access token. Tabs share the cookie, and a refresh token
 * used twice ends the session, so refreshes are serialised across tabs with a Web Lock.
 */
export function refreshSession(notice: string = sessionNotices.expired): Promise<boolean> {
  refreshing ??= (async () => {
    const run = async () => {
      const response = await postJson('/auth/refresh');
      if (!response.ok) {
        if (response.status === 401) clear(state.status === 'signed-in' ? notice : undefined);
        else if (state.status === 'restoring') clear();
        return false;
      }
      establish((await response.json()) as TokenResponse);
      return true;
    };
    try {
      return navigator.locks ? await navigator.locks.request('ecms-refresh', run) : await run();
    } catch {
      if (state.status === 'restoring') clear();
      return false;
    } finally {
      refreshing = undefined;
    }
  })();
  return refreshing;
}

export async function signOut(notice?: string): Promise<void> {
  const token = accessToken;
  clear(notice);
  if (!token) return;
  await fetch('/api/v1/auth/logout', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { authorization: `Bearer ${token}` },
  }).catch(() => undefined);
}

export function replaceUser(user: User): void {
  if (state.status === 'signed-in') setState({ status: 'signed-in', user });
}

export function isUnauthenticated(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}
