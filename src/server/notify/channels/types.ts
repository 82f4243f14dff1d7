import type { NotificationType } from '../../../shared/domain/appointment-states.ts';

export type EmailAttachment = { filename: string; contentType: string; content: string };

/** What a channel sends; `deliveryId` doubles as the idempotency key handed to providers. */
export type EmailMessage = {
  deliveryId: string;
  type: NotificationType;
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments: EmailAttachment[];
};

export type SmsMessage = { deliveryId: string; type: NotificationType; to: string; body: string };

export type SendResult = { provider: string; messageId: string | null };

export type Channel<Message> = {
  provider: string;
  send(message: Message): Promise<SendResult>;
  close?(): void;
};

export type EmailChannel = Channel<EmailMessage>;
export type SmsChannel = Channel<SmsMessage>;
