import nodemailer from 'nodemailer';
import { DeliveryFailure } from './failure.ts';
import { parseAddress } from './sendgrid.ts';
import type { EmailChannel } from './types.ts';

export type SmtpOptions = { url: string; from: string };

/** Any SMTP relay through nodemailer; one pooled transport per worker. */
export function smtpChannel(options: SmtpOptions): EmailChannel {
  const transport = nodemailer.createTransport(options.url);
  const fromDomain = parseAddress(options.from).email.split('@')[1] ?? 'ecms.local';
  return {
    provider: 'smtp',
    async send(message) {
      try {
        const info = await transport.sendMail({
          from: options.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          // The delivery id as Message-ID lets a receiving server drop a repeated send.
          messageId: `<${message.deliveryId}@${fromDomain}>`,
          headers: { 'X-ECMS-Delivery-Id': message.deliveryId },
          attachments: message.attachments.map((attachment) => ({
            filename: attachment.filename,
            contentType: attachment.contentType,
            content: attachment.content,
          })),
        });
        return { provider: 'smtp', messageId: info.messageId ?? null };
      } catch (error) {
        throw smtpFailure(error);
      }
    },
    close() {
      transport.close();
    },
  };
}

/** SMTP reply codes: 4xx try again later, 5xx refused for good; no reply at all is a network fault. */
export function smtpFailure(error: unknown): DeliveryFailure {
  const responseCode =
    error && typeof error === 'object' && 'responseCode' in error ? Number(error.responseCode) : undefined;
  const code = error && typeof error === 'object' && 'code' in error ? String(error.code) : 'unknown';
  if (responseCode && responseCode >= 500) {
    return new DeliveryFailure(`smtp refused the message (${responseCode} ${code})`, { permanent: true });
  }
  if (code === 'EAUTH') {
    return new DeliveryFailure('smtp refused the credentials of SMTP_URL (EAUTH)', { permanent: true });
  }
  const reason = responseCode ? `${responseCode} ${code}` : code;
  return new DeliveryFailure(`smtp failed (${reason})`, { permanent: false });
}
