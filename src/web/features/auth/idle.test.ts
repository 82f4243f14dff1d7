import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { staffIdleLimitMs, watchIdle } from './idle.ts';

describe('staff idle sign-out', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('signs out after 15 quiet minutes, and activity starts the count again', () => {
    const target = new EventTarget();
    const onIdle = vi.fn();
    watchIdle(onIdle, staffIdleLimitMs, target as unknown as Window, () => Date.now());
    vi.advanceTimersByTime(10 * 60_000);
    target.dispatchEvent(new Event('keydown'));
    vi.advanceTimersByTime(10 * 60_000);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(6 * 60_000);
    expect(onIdle).toHaveBeenCalledOnce();
  });
});
