import { EventEmitter } from 'node:events';
import type { SMTPServerDataStream, SMTPServerSession } from 'smtp-server';

import { type CapturedMail, parseMail } from './captured-mail.ts';

export type { CapturedMail };

export interface LocalSmtpOptions {
  readonly host: string;
  /** 0 picks a free port (tests). */
  readonly port: number;
  /** Oldest mail is forgotten beyond this many. Default 500. */
  readonly keep?: number;
  /** Largest accepted message. Default 10 MB. */
  readonly maxBytes?: number;
}

export interface LocalSmtp {
  readonly port: number;
  /** Everything received so far, oldest first. */
  messages(): CapturedMail[];
  /** The first mail (already received or arriving within `timeoutMs`) that matches. */
  waitFor(predicate: (mail: CapturedMail) => boolean, timeoutMs?: number): Promise<CapturedMail>;
  clear(): void;
  close(): Promise<void>;
}

/**
 * A development and test mail sink: a real SMTP server that accepts every message (any login or
 * none, no TLS) and keeps it in memory, so that e-mail goes through the real SMTP adapter end to
 * end. Never for production: it delivers nothing. smtp-server is a devDependency, hence the
 * dynamic import.
 */
export async function startLocalSmtp(options: LocalSmtpOptions): Promise<LocalSmtp> {
  const { SMTPServer } = await import('smtp-server');
  const keep = options.keep ?? 500;
  const captured: CapturedMail[] = [];
  const arrivals = new EventEmitter();
  let nextId = 1;

  const receive = (raw: Buffer, session: SMTPServerSession) => {
    const mailFrom = session.envelope.mailFrom;
    const mail: CapturedMail = {
      id: nextId++,
      receivedAt: new Date(),
      envelope: { from: mailFrom ? mailFrom.address : null, to: session.envelope.rcptTo.map((r) => r.address) },
      ...parseMail(raw),
      raw: raw.toString('utf8'),
    };
    captured.push(mail);
    captured.splice(0, Math.max(0, captured.length - keep));
    arrivals.emit('mail', mail);
  };

  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    size: options.maxBytes ?? 10 * 1024 * 1024,
    onAuth(_auth, _session, callback) {
      callback(null, { user: 'local' });
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', (error: Error) => callback(error));
      stream.on('end', () => {
        if (stream.sizeExceeded) {
          callback(Object.assign(new Error('Message exceeds the size limit'), { responseCode: 552 }));
          return;
        }
        try {
          receive(Buffer.concat(chunks), session);
          callback();
        } catch (error) {
          callback(error instanceof Error ? error : new Error(String(error)));
        }
      });
    },
  });

  const port = await new Promise<number>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.server.off('error', reject);
      const address = server.server.address();
      resolve(typeof address === 'object' && address ? address.port : options.port);
    });
  });

  return {
    port,
    messages: () => [...captured],
    waitFor: (predicate, timeoutMs = 5000) => waitForMail(captured, arrivals, predicate, timeoutMs),
    clear() {
      captured.length = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function waitForMail(
  captured: readonly CapturedMail[],
  arrivals: EventEmitter,
  predicate: (mail: CapturedMail) => boolean,
  timeoutMs: number,
): Promise<CapturedMail> {
  const already = captured.find(predicate);
  if (already) {
    return Promise.resolve(already);
  }
  return new Promise<CapturedMail>((resolve, reject) => {
    const onMail = (mail: CapturedMail) => {
      if (predicate(mail)) {
        clearTimeout(timer);
        arrivals.off('mail', onMail);
        resolve(mail);
      }
    };
    const timer = setTimeout(() => {
      arrivals.off('mail', onMail);
      reject(new Error(`no matching mail arrived within ${timeoutMs} ms`));
    }, timeoutMs);
    arrivals.on('mail', onMail);
  });
}
