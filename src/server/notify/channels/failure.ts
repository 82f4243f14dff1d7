/**
 * A send that did not happen. Transient ones (network, 429, 5xx) are retried with backoff;
 * permanent ones (a rejected address, bad credentials) would fail the same way again.
 * The message reaches the admin screen, so it never carries the recipient.
 */
export class DeliveryFailure extends Error {
  readonly permanent: boolean;
  /** The channel is switched off by configuration (provider `none`): the delivery is cancelled. */
  readonly turnedOff: boolean;

  constructor(message: string, options: { permanent: boolean; turnedOff?: boolean }) {
    super(message);
    this.name = 'DeliveryFailure';
    this.permanent = options.permanent || options.turnedOff === true;
    this.turnedOff = options.turnedOff === true;
  }
}

export function isTransientStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

export function failureFromStatus(provider: string, status: number, detail: string): DeliveryFailure {
  const text = detail ? `: ${redactContacts(detail).slice(0, 300)}` : '';
  return new DeliveryFailure(`${provider} answered HTTP ${status}${text}`, {
    permanent: !isTransientStatus(status),
  });
}

/** fetch rejects only when no answer came back: DNS, refused connection, reset, timeout. */
export function failureFromNetwork(provider: string, error: unknown): DeliveryFailure {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const reason =
    cause && typeof cause === 'object' && 'code' in cause
      ? String(cause.code)
      : cause instanceof Error
        ? cause.name
        : 'unknown error';
  return new DeliveryFailure(`${provider} could not be reached (${reason})`, { permanent: false });
}

/** Providers echo the address or number they refused; the error column must not keep it. */
export function redactContacts(text: string): string {
  return text
    .replace(/[^\s"'<>@]+@[^\s"'<>@]+\.[^\s"'<>@]+/g, '[address]')
    .replace(/\+?\d[\d\s().-]{6,}\d/g, '[number]');
}
