import { randomBytes } from 'node:crypto';
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type RecordedRequest = {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** Answered 2xx: the provider took the message. */
  accepted: boolean;
  /** `performance.now()` when the request arrived. */
  receivedAt: number;
};

type Failure = { status: number; body: string; remaining: number };

/**
 * A provider's HTTP API on 127.0.0.1: records every request, answers like the real one,
 * and fails on command (`failNext(3, 500)`, or `failNext(Infinity, 400, …)`).
 */
export class FakeHttpProvider {
  readonly requests: RecordedRequest[] = [];
  private failure: Failure | undefined;
  private held: (() => void)[] | undefined;
  private sent = 0;

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(kind: 'sendgrid' | 'twilio'): Promise<FakeHttpProvider> {
    let fake: FakeHttpProvider | undefined;
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => fake?.answer(kind, request, Buffer.concat(chunks).toString('utf8'), response));
    });
    server.keepAliveTimeout = 5_000;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    fake = new FakeHttpProvider(server, `http://127.0.0.1:${port}`);
    return fake;
  }

  failNext(count: number, status: number, body = ''): void {
    this.failure = { status, body, remaining: count };
  }

  recover(): void {
    this.failure = undefined;
  }

  /** Requests the fake accepted (answered 2xx). */
  get accepted(): RecordedRequest[] {
    return this.requests.filter((request) => request.accepted);
  }

  /** Keeps the next answers back until the returned function is called: a send in flight. */
  hold(): () => void {
    this.held = [];
    return () => {
      const waiting = this.held ?? [];
      this.held = undefined;
      for (const answer of waiting) answer();
    };
  }

  private answer(
    kind: 'sendgrid' | 'twilio',
    request: IncomingMessage,
    body: string,
    response: ServerResponse,
  ): void {
    const recorded: RecordedRequest = {
      method: request.method ?? '',
      path: request.url ?? '',
      headers: request.headers,
      body,
      accepted: false,
      receivedAt: performance.now(),
    };
    this.requests.push(recorded);
    if (this.held) {
      this.held.push(() => this.reply(kind, recorded, response));
      return;
    }
    this.reply(kind, recorded, response);
  }

  private reply(kind: 'sendgrid' | 'twilio', recorded: RecordedRequest, response: ServerResponse): void {
    if (this.failure && this.failure.remaining > 0) {
      this.failure.remaining -= 1;
      response.writeHead(this.failure.status, { 'content-type': 'application/json' });
      response.end(this.failure.body);
      return;
    }
    recorded.accepted = true;
    this.sent += 1;
    if (kind === 'sendgrid') {
      response.writeHead(202, { 'x-message-id': `sg-${this.sent}-${randomBytes(4).toString('hex')}` });
      response.end();
      return;
    }
    const sid = `SM${randomBytes(16).toString('hex')}`;
    response.writeHead(201, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ sid, status: 'queued' }));
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

export type ReceivedMail = { from: string; to: string[]; raw: string; user: string | undefined };

/** An SMTP server on 127.0.0.1 that accepts one login and keeps every message it receives. */
export class FakeSmtpServer {
  readonly messages: ReceivedMail[] = [];

  private constructor(
    private readonly server: SMTPServer,
    readonly url: string,
  ) {}

  static async start(credentials = { user: 'clinic', pass: 'smtp-secret' }): Promise<FakeSmtpServer> {
    let fake: FakeSmtpServer | undefined;
    const server = new SMTPServer({
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      logger: false,
      onAuth(auth, _session, callback) {
        if (auth.username === credentials.user && auth.password === credentials.pass) {
          callback(null, { user: auth.username });
        } else callback(new Error('Invalid username or password'));
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          fake?.messages.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((address) => address.address),
            raw: Buffer.concat(chunks).toString('utf8'),
            user: typeof session.user === 'string' ? session.user : undefined,
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.server.address() as AddressInfo;
    fake = new FakeSmtpServer(server, `smtp://${credentials.user}:${credentials.pass}@127.0.0.1:${port}`);
    return fake;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** Environment that points the clinic at the fakes. */
export function providerEnvironment(fakes: { sendgrid: FakeHttpProvider; twilio: FakeHttpProvider }) {
  return {
    ECMS_EMAIL_PROVIDER: 'sendgrid',
    ECMS_EMAIL_FROM: 'Test Eye Clinic <no-reply@clinic.test>',
    SENDGRID_API_KEY: 'SG.test-key',
    SENDGRID_BASE_URL: fakes.sendgrid.url,
    ECMS_SMS_PROVIDER: 'twilio',
    TWILIO_ACCOUNT_SID: 'AC0123456789abcdef0123456789abcdef',
    TWILIO_AUTH_TOKEN: 'twilio-test-token',
    TWILIO_FROM_NUMBER: '+15005550006',
    TWILIO_BASE_URL: fakes.twilio.url,
    ECMS_CLINIC_NAME: 'Test Eye Clinic',
    ECMS_PUBLIC_URL: 'https://clinic.test',
  };
}

/** The delivery id a request carried: SendGrid's custom_args, Twilio's Idempotency-Key header. */
export function deliveryIdOf(request: RecordedRequest): string {
  const header = request.headers['idempotency-key'];
  if (typeof header === 'string') return header;
  return (JSON.parse(request.body) as { custom_args: { delivery_id: string } }).custom_args.delivery_id;
}
