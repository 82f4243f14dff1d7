import { describe, expect, it } from 'vitest';
import { smtpFailure } from './smtp.ts';

describe('SMTP failure classification', () => {
  it('gives up on a 5xx reply and on refused credentials', () => {
    expect(
      smtpFailure(Object.assign(new Error('x'), { responseCode: 550, code: 'EENVELOPE' })),
    ).toMatchObject({
      permanent: true,
      message: 'smtp refused the message (550 EENVELOPE)',
    });
    expect(smtpFailure(Object.assign(new Error('x'), { responseCode: 535, code: 'EAUTH' })).permanent).toBe(
      true,
    );
  });

  it('retries a 4xx reply and a lost connection', () => {
    expect(
      smtpFailure(Object.assign(new Error('x'), { responseCode: 421, code: 'EENVELOPE' })),
    ).toMatchObject({
      permanent: false,
      message: 'smtp failed (421 EENVELOPE)',
    });
    expect(smtpFailure(Object.assign(new Error('x'), { code: 'ECONNECTION' }))).toMatchObject({
      permanent: false,
      message: 'smtp failed (ECONNECTION)',
    });
  });
});
