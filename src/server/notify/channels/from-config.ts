import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config.ts';
import { consoleChannel } from './console.ts';
import { DeliveryFailure } from './failure.ts';
import { sendgridChannel } from './sendgrid.ts';
import { smtpChannel } from './smtp.ts';
import { twilioChannel } from './twilio.ts';
import type { Channel, EmailChannel, EmailMessage, SmsChannel, SmsMessage } from './types.ts';

export type Channels = { EMAIL: EmailChannel; SMS: SmsChannel };

/**
 * The e-mail and SMS channels the configuration asks for. A provider chosen but missing its
 * settings is reported here, once, and its deliveries fail with the same explanation.
 */
export function channelsFromConfig(config: Config, log: FastifyBaseLogger): Channels {
  return { EMAIL: emailChannel(config, log), SMS: smsChannel(config, log) };
}

function emailChannel(config: Config, log: FastifyBaseLogger): EmailChannel {
  const { email } = config;
  switch (email.provider) {
    case 'sendgrid':
      return email.sendgridApiKey
        ? sendgridChannel({ apiKey: email.sendgridApiKey, baseUrl: email.sendgridBaseUrl, from: email.from })
        : unconfigured(log, 'sendgrid', 'E-mail provider sendgrid is not configured: set SENDGRID_API_KEY');
    case 'smtp':
      return email.smtpUrl
        ? smtpChannel({ url: email.smtpUrl, from: email.from })
        : unconfigured(log, 'smtp', 'E-mail provider smtp is not configured: set SMTP_URL');
    case 'console':
      return consoleChannel<EmailMessage>(log, 'EMAIL');
    case 'none':
      return turnedOff('E-mail is turned off (ECMS_EMAIL_PROVIDER=none)');
  }
}

function smsChannel(config: Config, log: FastifyBaseLogger): SmsChannel {
  const { sms } = config;
  switch (sms.provider) {
    case 'twilio': {
      const missing = [
        sms.twilioAccountSid ? undefined : 'TWILIO_ACCOUNT_SID',
        sms.twilioAuthToken ? undefined : 'TWILIO_AUTH_TOKEN',
        sms.twilioFromNumber ? undefined : 'TWILIO_FROM_NUMBER',
      ].filter(Boolean);
      return sms.twilioAccountSid && sms.twilioAuthToken && sms.twilioFromNumber
        ? twilioChannel({
            accountSid: sms.twilioAccountSid,
            authToken: sms.twilioAuthToken,
            from: sms.twilioFromNumber,
            baseUrl: sms.twilioBaseUrl,
          })
        : unconfigured(log, 'twilio', `SMS provider twilio is not configured: set ${missing.join(', ')}`);
    }
    case 'console':
      return consoleChannel<SmsMessage>(log, 'SMS');
    case 'none':
      return turnedOff('SMS is turned off (ECMS_SMS_PROVIDER=none)');
  }
}

function unconfigured<Message>(log: FastifyBaseLogger, provider: string, reason: string): Channel<Message> {
  log.warn({ provider }, reason);
  return {
    provider,
    async send() {
      throw new DeliveryFailure(reason, { permanent: true });
    },
  };
}

function turnedOff<Message>(reason: string): Channel<Message> {
  return {
    provider: 'none',
    async send() {
      throw new DeliveryFailure(reason, { permanent: true, turnedOff: true });
    },
  };
}
