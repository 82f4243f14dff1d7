import type { AppointmentStatus } from '../../shared/domain/appointment-states.ts';
import { statusWords } from '../lib/status-words.ts';

export const toneClasses = {
  info: 'border-accent bg-accent-soft text-ink',
  ok: 'border-ok bg-ok-soft text-ok',
  warn: 'border-warn bg-warn-soft text-warn',
  danger: 'border-danger bg-danger-soft text-danger',
  muted: 'border-line bg-surface text-muted',
} as const;

export function Badge({ tone, children }: { tone: keyof typeof toneClasses; children: React.ReactNode }) {
  return (
    <span
      className={`inline-block rounded-full border px-2.5 py-0.5 text-sm font-semibold ${toneClasses[tone]}`}
    >
      {children}
    </span>
  );
}

export function StatusBadge({ status }: { status: AppointmentStatus }) {
  const words = statusWords[status];
  return <Badge tone={words.tone}>{words.label}</Badge>;
}
