import { failureFromNetwork, failureFromStatus } from './failure.ts';
import type { EmailChannel, EmailMessage } from './types.ts';

export type SendgridOptions = { apiKey: string; baseUrl: string; from: string };

/** SendGrid v3 Mail Send: 202 on acceptance, the message id in the X-Message-Id header. */
export function sendgridChannel(options: SendgridOptions): EmailChannel {
  const url = new URL('/v3/mail/send', options.baseUrl).toString();
  const from = parseAddress(options.from);
  return {
    provider: 'sendgrid',
    async send(message) {
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: { authorization: `Bearer ${options.apiKey}`, 'content-type': 'application/json' },
          body: JSON.stringify(mailBody(message, from)),
          signal: AbortSignal.timeout(30_000),
        });
      } catch (error) {
        throw failureFromNetwork('sendgrid', error);
      }
      const detail = await response.text().catch(() => '');
      if (!response.ok) throw failureFromStatus('sendgrid', response.status, errorText(detail));
      return { provider: 'sendgrid', messageId: response.headers.get('x-message-id') };
    },
  };
}

function mailBody(message: EmailMessage, from: { email: string; name?: string }) {
  return {
    personalizations: [{ to: [{ email: message.to }] }],
    from,
    subject: message.subject,
    content: [
      { type: 'text/plain', value: message.text },
      { type: 'text/html', value: message.html },
    ],
    ...(message.attachments.length > 0
      ? {
          attachments: message.attachments.map((attachment) => ({
            content: Buffer.from(attachment.content).toString('base64'),
            filename: attachment.filename,
            type: attachment.contentType,
            disposition: 'attachment',
          })),
        }
      : {}),
    // Echoed in SendGrid's event webhook, so a duplicate send can be traced to its delivery.
    custom_args: { delivery_id: message.deliveryId },
  };
}

function errorText(body: string): string {
  try {
    const parsed = JSON.parse(body) as { errors?: { message?: string }[] };
    const messages = parsed.errors?.map((error) => error.message).filter(Boolean);
    if (messages?.length) return messages.join('; ');
  } catch {
    // not JSON: keep the raw text
  }
  return body;
}

/** "Clinic <no-reply@clinic.example>" or a bare address. */
export function parseAddress(value: string): { email: string; name?: string } {
  const match = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(value);
  if (!match?.[2]) return { email: value.trim() };
  const name = match[1]?.replace(/^"|"$/g, '');
  return name ? { email: match[2], name } : { email: match[2] };
}
