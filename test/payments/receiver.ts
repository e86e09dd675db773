import { createServer, type IncomingHttpHeaders } from 'node:http';

/** What the portal's callback endpoint received, and what it answered. */
export interface Received {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  readonly answered: number;
}

/** A stand-in for the portal's callback endpoint (and, in adapter tests, for a provider). */
export interface Receiver {
  readonly url: string;
  readonly port: number;
  readonly received: Received[];
  /** The next requests are answered with these statuses, in order; afterwards `fallback`. */
  answerNext(...statuses: number[]): void;
  /** Every later request is answered with this status and body (default 200, `{"ok":true}`). */
  answerAlways(status: number, body?: string): void;
  waitFor(count: number, timeoutMs?: number): Promise<Received[]>;
  clear(): void;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const received: Received[] = [];
  const queue: number[] = [];
  let fallback = 200;
  let fallbackBody = '{"ok":true}';
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const answered = queue.shift() ?? fallback;
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body, answered });
      res.writeHead(answered, { 'content-type': 'application/json' }).end(answered === fallback ? fallbackBody : '{"error":"test"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    received,
    answerNext: (...statuses) => queue.push(...statuses),
    answerAlways(status, body = '{"ok":true}') {
      fallback = status;
      fallbackBody = body;
    },
    async waitFor(count, timeoutMs = 5_000) {
      const until = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > until) {
          throw new Error(`expected ${count} requests, got ${received.length}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return [...received];
    },
    clear() {
      received.length = 0;
      queue.length = 0;
      fallback = 200;
      fallbackBody = '{"ok":true}';
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
