import { failureFromNetwork, failureFromStatus } from './failure.ts';
import type { SmsChannel } from './types.ts';

export type TwilioOptions = { accountSid: string; authToken: string; from: string; baseUrl: string };

/** Twilio Programmable Messaging: form-encoded To/From/Body, 201 with the message's `sid`. */
export function twilioChannel(options: TwilioOptions): SmsChannel {
  const url = new URL(
    `/2010-04-01/Accounts/${encodeURIComponent(options.accountSid)}/Messages.json`,
    options.baseUrl,
  ).toString();
  const authorization = `Basic ${Buffer.from(`${options.accountSid}:${options.authToken}`).toString('base64')}`;
  return {
    provider: 'twilio',
    async send(message) {
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: {
            authorization,
            'content-type': 'application/x-www-form-urlencoded',
            'idempotency-key': message.deliveryId,
          },
          body: new URLSearchParams({ To: message.to, From: options.from, Body: message.body }),
          signal: AbortSignal.timeout(30_000),
        });
      } catch (error) {
        throw failureFromNetwork('twilio', error);
      }
      const text = await response.text().catch(() => '');
      const body = parseJson(text);
      if (!response.ok) {
        // Twilio's own codes (21211 invalid number, 21610 unsubscribed…) come with 4xx: permanent.
        const detail = body?.code ? `error ${body.code} ${body.message ?? ''}`.trim() : text;
        throw failureFromStatus('twilio', response.status, detail);
      }
      return { provider: 'twilio', messageId: typeof body?.sid === 'string' ? body.sid : null };
    },
  };
}

function parseJson(text: string): { sid?: unknown; code?: number; message?: string } | undefined {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
