import { z } from 'zod';

const flag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().startsWith('postgres').optional(),
  ECMS_DATA_DIR: z.string().default('./data'),
  ECMS_DEMO: flag.optional(),
  ECMS_BOOTSTRAP_ADMIN_EMAIL: z.email().optional(),
  ECMS_BOOTSTRAP_ADMIN_PASSWORD: z.string().min(8).max(128).optional(),
  ECMS_JWT_SECRET: z.string().min(1).optional(),
  ECMS_TIMEZONE: z.string().default('UTC').refine(isTimeZone, 'not an IANA time zone, e.g. Europe/London'),
  ECMS_CURRENCY: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .default('USD'),
  ECMS_CLINIC_NAME: z.string().default('ECMS Eye Clinic'),
  ECMS_PUBLIC_URL: z.url().optional(),
  ECMS_CORS_ORIGINS: z.string().optional(),
  ECMS_EMAIL_PROVIDER: z.enum(['sendgrid', 'smtp', 'console', 'none']).default('console'),
  ECMS_EMAIL_FROM: z.string().default('ECMS <no-reply@localhost>'),
  SENDGRID_API_KEY: z.string().optional(),
  SENDGRID_BASE_URL: z.url().default('https://api.sendgrid.com'),
  SMTP_URL: z.string().optional(),
  ECMS_SMS_PROVIDER: z.enum(['twilio', 'console', 'none']).default('console'),
  TWILIO_ACCOUNT_SID: z.string().optional(),
  TWILIO_AUTH_TOKEN: z.string().optional(),
  TWILIO_FROM_NUMBER: z.string().optional(),
  TWILIO_BASE_URL: z.url().default('https://api.twilio.com'),
  ECMS_WORKER: flag.default(true),
  ECMS_WORKER_POLL_SECONDS: z.coerce.number().positive().default(30),
  ECMS_EVENTS_HEARTBEAT_SECONDS: z.coerce.number().positive().default(25),
  ECMS_DELIVERY_CLAIM_TIMEOUT_SECONDS: z.coerce.number().positive().default(300),
  ECMS_DELIVERY_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(8),
  ECMS_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ECMS_LOGIN_RATE_LIMIT: z.coerce.number().int().positive().default(100),
});

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  demo: boolean | undefined;
  bootstrapAdmin: { email: string; password: string } | undefined;
  jwtSecret: string | undefined;
  timezone: string;
  currency: string;
  clinicName: string;
  publicUrl: string;
  corsOrigins: string[];
  email: {
    provider: 'sendgrid' | 'smtp' | 'console' | 'none';
    from: string;
    sendgridApiKey: string | undefined;
    sendgridBaseUrl: string;
    smtpUrl: string | undefined;
  };
  sms: {
    provider: 'twilio' | 'console' | 'none';
    twilioAccountSid: string | undefined;
    twilioAuthToken: string | undefined;
    twilioFromNumber: string | undefined;
    twilioBaseUrl: string;
  };
  worker: boolean;
  delivery: { pollIntervalMs: number; claimTimeoutMs: number; maxAttempts: number };
  /** How often a live-update stream is kept alive and its session checked again. */
  eventsHeartbeatMs: number;
  logLevel: string;
  /** Requests per minute and address to login, registration and password endpoints. */
  loginRateLimit: number;
};

export class ConfigError extends Error {}

export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const env = parsed.data;
  if (env.DATABASE_URL && !env.ECMS_JWT_SECRET) {
    throw new ConfigError('ECMS_JWT_SECRET is required when DATABASE_URL is set');
  }
  const bootstrapAdmin =
    env.ECMS_BOOTSTRAP_ADMIN_EMAIL && env.ECMS_BOOTSTRAP_ADMIN_PASSWORD
      ? { email: env.ECMS_BOOTSTRAP_ADMIN_EMAIL, password: env.ECMS_BOOTSTRAP_ADMIN_PASSWORD }
      : undefined;
  return {
    port: env.PORT,
    host: env.HOST,
    databaseUrl: env.DATABASE_URL,
    dataDir: env.ECMS_DATA_DIR,
    demo: env.ECMS_DEMO,
    bootstrapAdmin,
    jwtSecret: env.ECMS_JWT_SECRET,
    timezone: env.ECMS_TIMEZONE,
    currency: env.ECMS_CURRENCY,
    clinicName: env.ECMS_CLINIC_NAME,
    publicUrl: env.ECMS_PUBLIC_URL ?? `http://${env.HOST}:${env.PORT}`,
    corsOrigins: env.ECMS_CORS_ORIGINS ? env.ECMS_CORS_ORIGINS.split(',').map((origin) => origin.trim()) : [],
    email: {
      provider: env.ECMS_EMAIL_PROVIDER,
      from: env.ECMS_EMAIL_FROM,
      sendgridApiKey: env.SENDGRID_API_KEY,
      sendgridBaseUrl: env.SENDGRID_BASE_URL,
      smtpUrl: env.SMTP_URL,
    },
    sms: {
      provider: env.ECMS_SMS_PROVIDER,
      twilioAccountSid: env.TWILIO_ACCOUNT_SID,
      twilioAuthToken: env.TWILIO_AUTH_TOKEN,
      twilioFromNumber: env.TWILIO_FROM_NUMBER,
      twilioBaseUrl: env.TWILIO_BASE_URL,
    },
    worker: env.ECMS_WORKER,
    delivery: {
      pollIntervalMs: env.ECMS_WORKER_POLL_SECONDS * 1000,
      claimTimeoutMs: env.ECMS_DELIVERY_CLAIM_TIMEOUT_SECONDS * 1000,
      maxAttempts: env.ECMS_DELIVERY_MAX_ATTEMPTS,
    },
    eventsHeartbeatMs: env.ECMS_EVENTS_HEARTBEAT_SECONDS * 1000,
    logLevel: env.ECMS_LOG_LEVEL,
    loginRateLimit: env.ECMS_LOGIN_RATE_LIMIT,
  };
}
