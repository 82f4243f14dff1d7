import { type ComponentType, type LazyExoticComponent, lazy } from 'react';

export type NavEntry = { label: string; Badge?: ComponentType };

/** One screen of a role: its address, its lazily loaded page, and its place in the menu if any. */
export type RoleRoute = { path: string; page: LazyExoticComponent<ComponentType>; nav?: NavEntry };

/** Loads a page module's named export on first visit, so each screen is its own chunk. */
export function lazyPage<M extends Record<string, unknown>>(
  load: () => Promise<M>,
  name: keyof M & string,
): LazyExoticComponent<ComponentType> {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}
