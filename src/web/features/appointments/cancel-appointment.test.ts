import { describe, expect, it } from 'vitest';
import { canCancel } from './cancel-appointment.tsx';

const now = new Date('2026-12-07T10:00:00Z');
const at = (iso: string, status: 'REQUESTED' | 'APPROVED' | 'TREATED') => ({ status, startAt: iso });

describe('which appointments show a Cancel button', () => {
  it('a patient cancels an approved visit only before it starts', () => {
    expect(canCancel(at('2026-12-08T09:00:00Z', 'APPROVED'), 'PATIENT', now)).toBe(true);
    expect(canCancel(at('2026-12-07T09:00:00Z', 'APPROVED'), 'PATIENT', now)).toBe(false);
  });
  it('the front desk may cancel a started visit; nobody cancels a treated one', () => {
    expect(canCancel(at('2026-12-07T09:00:00Z', 'APPROVED'), 'RECEPTIONIST', now)).toBe(true);
    expect(canCancel(at('2026-12-08T09:00:00Z', 'TREATED'), 'PATIENT', now)).toBe(false);
  });
});
