import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api-error.ts';
import { signInFailure } from './sign-in-page.tsx';

describe('what a failed sign-in says', () => {
  it('does not reveal whether the e-mail or the password was wrong', () => {
    expect(signInFailure(new ApiError(401, 'UNAUTHENTICATED', 'E-mail or password is incorrect'))).toBe(
      'The e-mail address or password is incorrect.',
    );
  });
  it("passes on the server's lockout time", () => {
    const detail = 'Too many failed sign-in attempts. Try again in 15 minutes.';
    expect(signInFailure(new ApiError(429, 'RATE_LIMITED', detail))).toBe(detail);
  });
  it('says when the server cannot be reached', () => {
    expect(signInFailure(new TypeError('Failed to fetch'))).toMatch(/cannot be reached/);
  });
});
