import type { FastifyBaseLogger } from 'fastify';
import type { Channel, EmailMessage, SmsMessage } from './types.ts';

/** Development channel: records that a message was due, never to whom or what it said. */
export function consoleChannel<Message extends EmailMessage | SmsMessage>(
  log: FastifyBaseLogger,
  channel: 'EMAIL' | 'SMS',
): Channel<Message> {
  return {
    provider: 'console',
    async send(message) {
      log.info(
        { deliveryId: message.deliveryId, type: message.type, channel },
        `${message.type} ${channel.toLowerCase()} delivery due (console provider: not sent)`,
      );
      return { provider: 'console', messageId: null };
    },
  };
}
