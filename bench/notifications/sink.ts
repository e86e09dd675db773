/**
 * The stand-ins for the SMTP relay and the SMS gateway, in one process: a real SMTP server
 * (smtp-server, any login or none, no TLS) that the portal's pooled SMTP adapter talks to, and an HTTP
 * server speaking the gateway protocol of the portal's HTTP SMS adapter (`POST` JSON
 * `{ to, text, reference, sender }`, bearer token). Both record, per receipt, the idempotency key the
 * sender passed (the mail's `X-Idempotency-Key`, the SMS `reference`), the message it is (the
 * recipient: each message of a burst has its own) and when it arrived. They do not dedupe: a key
 * received twice is counted twice, so the benchmark and the kill test see every repeated send.
 */
import { createServer, type Server } from 'node:http';

import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

export interface Receipt {
  readonly key: string;
  /** The recipient (`email:<address>` or `sms:<number>`): the message, whatever key it came with. */
  readonly message: string;
  /** Date.now() on arrival. */
  readonly at: number;
}

export interface Sink {
  /** `smtp://127.0.0.1:<port>` */
  readonly smtpUrl: string;
  /** The gateway's send endpoint. */
  readonly gatewayUrl: string;
  readonly gatewayToken: string;
  readonly receipts: Receipt[];
  close(): Promise<void>;
}

const TOKEN = 'bench-gateway-token';

/** The value of `X-Idempotency-Key` in a raw message's header block (unfolded). */
function idempotencyKeyOf(raw: string): string | null {
  const end = raw.indexOf('\r\n\r\n');
  const headers = (end < 0 ? raw : raw.slice(0, end)).replace(/\r\n[ \t]+/g, ' ');
  return /^X-Idempotency-Key:[ \t]*(.+)$/im.exec(headers)?.[1]?.trim() ?? null;
}

export async function startSink(): Promise<Sink> {
  const receipts: Receipt[] = [];

  const smtp = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    size: 1024 * 1024,
    onAuth(_auth, _session, callback) {
      callback(null, { user: 'bench' });
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', (error: Error) => callback(error));
      stream.on('end', () => {
        const key = idempotencyKeyOf(Buffer.concat(chunks).toString('utf8'));
        const to = session.envelope.rcptTo[0]?.address;
        if (key === null || to === undefined) {
          callback(Object.assign(new Error('no X-Idempotency-Key or recipient'), { responseCode: 550 }));
          return;
        }
        receipts.push({ key, message: `email:${to}`, at: Date.now() });
        callback();
      });
    },
  });
  // A worker killed mid-dialogue resets its connections: expected here, not a failure of the stand-in.
  smtp.on('error', () => undefined);
  const smtpPort = await new Promise<number>((resolve, reject) => {
    smtp.server.once('error', reject);
    smtp.listen(0, '127.0.0.1', () => {
      const address = smtp.server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });

  const gateway: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.headers.authorization !== `Bearer ${TOKEN}`) {
        res.writeHead(401).end();
        return;
      }
      type Message = { to?: unknown; reference?: unknown; text?: unknown };
      const valid = (m: Message): m is { to: string; reference: string; text: string } => typeof m.reference === 'string' && typeof m.to === 'string' && typeof m.text === 'string';
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Message & { messages?: Message[] };
      if (req.url?.endsWith('/batch')) {
        // Several messages in one request: a status per message.
        const at = Date.now();
        const results = (Array.isArray(body.messages) ? body.messages : []).map((m) => {
          if (!valid(m)) {
            return { reference: m.reference, status: 400 };
          }
          receipts.push({ key: m.reference, message: `sms:${m.to}`, at });
          return { reference: m.reference, status: 202 };
        });
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ results }));
        return;
      }
      if (!valid(body)) {
        res.writeHead(400).end();
        return;
      }
      receipts.push({ key: body.reference, message: `sms:${body.to}`, at: Date.now() });
      res.writeHead(202, { 'content-type': 'application/json' }).end('{"status":"accepted"}');
    });
  });
  gateway.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
  const address = gateway.address();
  const gatewayPort = typeof address === 'object' && address ? address.port : 0;

  return {
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    gatewayUrl: `http://127.0.0.1:${gatewayPort}/messages`,
    gatewayToken: TOKEN,
    receipts,
    close: async () => {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      await new Promise<void>((resolve) => {
        gateway.closeAllConnections();
        gateway.close(() => resolve());
      });
    },
  };
}
