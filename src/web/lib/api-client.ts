import { getAccessToken, refreshSession } from '../features/auth/session.ts';
import { apiErrorFrom } from './api-error.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type RequestOptions = {
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
};

type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(path: string, query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function send(method: Method, path: string, options: RequestOptions): Promise<Response> {
  const token = getAccessToken();
  return fetch(`/api/v1${path}`, {
    method,
    credentials: 'same-origin',
    signal: options.signal ?? null,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...options.headers,
    },
    body: options.body !== undefined ? JSON.stringify(options.body) : null,
  });
}

/** Calls the API with the in-memory access token; on a 401 it refreshes once and tries again. */
export async function api<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  let response = await send(method, path, options);
  if (response.status === 401 && (await refreshSession())) response = await send(method, path, options);
  if (!response.ok) throw await apiErrorFrom(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export const apiGet = <T>(path: string, query: Query = {}, signal?: AbortSignal) =>
  api<T>('GET', withQuery(path, query), signal ? { signal } : {});
