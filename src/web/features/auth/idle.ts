import { useEffect } from 'react';

export const staffIdleLimitMs = 15 * 60_000;
const activityEvents = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/** Calls `onIdle` once nobody has touched the page for `limitMs`; returns the function that stops watching. */
export function watchIdle(
  onIdle: () => void,
  limitMs: number,
  target: Pick<Window, 'addEventListener' | 'removeEventListener'> = window,
  now: () => number = Date.now,
): () => void {
  let last = now();
  const touch = () => {
    last = now();
  };
  for (const name of activityEvents) target.addEventListener(name, touch, { passive: true });
  const timer = setInterval(
    () => {
      if (now() - last >= limitMs) {
        stop();
        onIdle();
      }
    },
    Math.min(30_000, limitMs / 4),
  );
  const stop = () => {
    clearInterval(timer);
    for (const name of activityEvents) target.removeEventListener(name, touch);
  };
  return stop;
}

/** Staff screens show patient records on shared desks: sign them out after 15 idle minutes. */
export function useIdleSignOut(enabled: boolean, onIdle: () => void): void {
  useEffect(() => (enabled ? watchIdle(onIdle, staffIdleLimitMs) : undefined), [enabled, onIdle]);
}
