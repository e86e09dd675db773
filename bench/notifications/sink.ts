/**
 * The stand-in for the SMTP relay and the SMS gateway: one local HTTP server that accepts every
 * message and records, per receipt, the idempotency key the sender passed, the message it names
 * (topic and case number) and when it arrived. It does not dedupe: a key received twice is counted
 * twice, so the benchmark and the kill test see every repeated send.
 */
import { createServer, type Server } from 'node:http';

export interface Receipt {
  readonly key: string;
  /** `topic:caseNumber`: the message, whatever key it came with. */
  readonly message: string;
  /** Date.now() on arrival. */
  readonly at: number;
}

export interface Sink {
  readonly url: string;
  readonly receipts: Receipt[];
  /** Distinct idempotency keys received. */
  keys(): number;
  close(): Promise<void>;
}

export async function startSink(): Promise<Sink> {
  const receipts: Receipt[] = [];
  const seen = new Set<string>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const key = req.headers['x-idempotency-key'];
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { topic?: unknown; caseNumber?: unknown };
      if (typeof key !== 'string' || typeof body.topic !== 'string' || typeof body.caseNumber !== 'string') {
        res.writeHead(400).end();
        return;
      }
      receipts.push({ key, message: `${body.topic}:${body.caseNumber}`, at: Date.now() });
      seen.add(key);
      res.writeHead(202).end();
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/send`,
    receipts,
    keys: () => seen.size,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
