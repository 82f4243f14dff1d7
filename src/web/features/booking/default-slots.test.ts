import { describe, expect, it } from 'vitest';
import { defaultSlots } from './default-slots.ts';

describe('default hours while the server offers no slots', () => {
  it('gives 24 twenty-minute slots from 09:00 to 17:00 clinic time on a weekday', () => {
    const slots = defaultSlots('2026-12-07', 'America/New_York', new Date('2026-12-01T00:00:00Z'));
    expect(slots).toHaveLength(24);
    expect(slots[0]).toEqual({ startAt: '2026-12-07T14:00:00.000Z', endAt: '2026-12-07T14:20:00.000Z' });
    expect(slots.at(-1)?.startAt).toBe('2026-12-07T21:40:00.000Z');
  });
  it('offers nothing at weekends and nothing already past', () => {
    expect(defaultSlots('2026-12-05', 'UTC', new Date('2026-12-01T00:00:00Z'))).toEqual([]);
    expect(defaultSlots('2026-12-07', 'UTC', new Date('2026-12-07T16:30:00Z'))).toHaveLength(1);
  });
});
