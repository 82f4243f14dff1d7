import { describe, expect, it } from 'vitest';
import { failureFromNetwork, failureFromStatus, isTransientStatus, redactContacts } from './failure.ts';

describe('delivery failure classification', () => {
  it('retries rate limits, timeouts and server errors', () => {
    for (const status of [408, 429, 500, 502, 503, 504]) expect(isTransientStatus(status)).toBe(true);
  });

  it('gives up at once on other client errors', () => {
    for (const status of [400, 401, 403, 404, 413, 422]) {
      expect(isTransientStatus(status)).toBe(false);
      expect(failureFromStatus('sendgrid', status, '').permanent).toBe(true);
    }
  });

  it('treats a provider that cannot be reached as transient', () => {
    const error = new TypeError('fetch failed', {
      cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }),
    });
    const failure = failureFromNetwork('twilio', error);
    expect(failure.permanent).toBe(false);
    expect(failure.message).toBe('twilio could not be reached (ECONNREFUSED)');
  });

  it('keeps no address or phone number of the error text', () => {
    const failure = failureFromStatus(
      'twilio',
      400,
      "The 'To' number +1 415 555 0123 is not valid for ann@example.org",
    );
    expect(failure.message).not.toContain('555');
    expect(failure.message).not.toContain('ann@example.org');
    expect(redactContacts('code 21211')).toBe('code 21211');
  });
});
