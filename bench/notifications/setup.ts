/**
 * What the notification benchmark and the outbox kill test share: a burst of notice deliveries
 * written to the outbox as the notifications module writes them, and outbox worker processes
 * (worker.ts) started and stopped by signal.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import pg from 'pg';

import type { Queryable } from '../../src/platform/db/database.ts';
import type { Receipt, Sink } from './sink.ts';

const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));
const SINK = fileURLToPath(new URL('./sink-process.ts', import.meta.url));

/**
 * Commits `count` notice deliveries (`notice.email` and `notice.sms` in turn, payloads as
 * notice-deliveries.ts defines them, keys as `deliveryKey` makes them) numbered from `from`, in
 * chunks of `chunk` rows, one transaction each, at most `perSecond` rows a second if given (else as
 * fast as the server takes them). Answers the commit time (Date.now()) of each row.
 */
export async function seedBurst(db: { transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> }, o: { run: string; from: number; count: number; chunk?: number; perSecond?: number }): Promise<Map<string, number>> {
  const committed = new Map<string, number>();
  const chunk = o.chunk ?? 1000;
  const began = Date.now();
  for (let start = o.from; start < o.from + o.count; start += chunk) {
    // Paced (`perSecond`): each chunk waits for its turn, so the rows arrive at that rate.
    const turn = o.perSecond === undefined || o.perSecond <= 0 ? 0 : began + ((start - o.from) / o.perSecond) * 1000 - Date.now();
    if (turn > 0) {
      await new Promise((r) => setTimeout(r, turn));
    }
    const end = Math.min(o.from + o.count, start + chunk) - 1;
    const keys = await db.transaction((tx) => tx.query<{ key: string }>(
      `INSERT INTO outbox (topic, payload, idempotency_key, available_at)
       SELECT 'notice.' || channel,
              jsonb_build_object(
                'to', CASE channel WHEN 'email' THEN 'person' || i || '@example.test' ELSE '+38050' || lpad(i::text, 7, '0') END,
                'lang', 'uk',
                'subject', 'Заяву № ' || $1 || '-' || i || ' зареєстровано',
                'text', 'Вашу заяву № ' || $1 || '-' || i || ' зареєстровано. Стежте за її розглядом у кабінеті на порталі.',
                'caseId', md5($1 || i)::uuid::text,
                'caseNumber', $1 || '-' || i),
              'notice:case.submitted:' || $1 || '-' || i || ':person-' || i || ':' || channel,
              now()
       FROM generate_series($2::int, $3::int) AS i,
            LATERAL (SELECT CASE WHEN i % 2 = 0 THEN 'email' ELSE 'sms' END AS channel) AS c
       RETURNING idempotency_key AS key`,
      [o.run, start, end],
    ));
    const at = Date.now();
    for (const { key } of keys) {
      committed.set(key, at);
    }
  }
  return committed;
}

export interface WorkerProcess {
  readonly child: ChildProcess;
  readonly output: string[];
}

/** Starts worker.ts on the database and the stand-ins; resolves once it prints `ready`. */
export async function startWorker(databaseUrl: string, sink: Pick<Sink, 'smtpUrl' | 'gatewayUrl' | 'gatewayToken'>, args: readonly string[] = []): Promise<WorkerProcess> {
  const child = spawn(process.execPath, [...(process.env['BENCH_WORKER_NODE_ARGS']?.split(' ').filter(Boolean) ?? []), '--import', 'tsx', WORKER, databaseUrl, sink.smtpUrl, sink.gatewayUrl, sink.gatewayToken, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (c: Buffer) => {
      output.push(c.toString());
      if (output.join('').includes('ready ')) {
        resolve();
      }
    });
    child.stderr?.on('data', (c: Buffer) => output.push(c.toString()));
    child.once('exit', (code, signal) => reject(new Error(`the worker exited (${code ?? signal}) before it was ready: ${output.join('').slice(-2000)}`)));
  });
  return { child, output };
}

export const exited = (child: ChildProcess): Promise<void> =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((r) => child.once('exit', () => r()));

/** SIGTERM, then waits for the worker to record its batch in hand and exit. */
export async function stopWorker(w: WorkerProcess): Promise<void> {
  const gone = exited(w.child);
  if (w.child.exitCode === null && w.child.signalCode === null) {
    w.child.kill('SIGTERM');
  }
  await gone;
}

/** Polls `check` every `everyMs` (50) until it holds; throws after `timeoutMs`. */
export async function until(check: () => Promise<boolean> | boolean, timeoutMs: number, what: string, everyMs = 50): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export function percentile(sorted: readonly number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? NaN;
}

/** A database of its own for one benchmark run, on the server at `serverUrl`: its URL, and `drop()` to remove it afterwards. */
export async function scratchDatabase(serverUrl: string, prefix: string): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${process.pid}_${Date.now()}`;
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  return {
    name,
    url: u.toString(),
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** Stand-ins running in other processes: their URLs, the receipts they recorded (asked for at the end), and `close()`. */
export interface RemoteSink extends Pick<Sink, 'smtpUrl' | 'gatewayUrl' | 'gatewayToken'> {
  receipts(): Promise<Receipt[]>;
  close(): Promise<void>;
}

async function startSinkProcess(): Promise<{ child: ChildProcess; urls: Pick<Sink, 'smtpUrl' | 'gatewayUrl' | 'gatewayToken'> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', SINK], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  const output: string[] = [];
  const urls = await new Promise<Pick<Sink, 'smtpUrl' | 'gatewayUrl' | 'gatewayToken'>>((resolve, reject) => {
    child.stdout?.on('data', (c: Buffer) => {
      output.push(c.toString());
      const line = output.join('').split('\n').find((l) => l.startsWith('{'));
      if (line !== undefined) {
        resolve(JSON.parse(line) as Pick<Sink, 'smtpUrl' | 'gatewayUrl' | 'gatewayToken'>);
      }
    });
    child.stderr?.on('data', (c: Buffer) => output.push(c.toString()));
    child.once('exit', (code, signal) => reject(new Error(`the stand-in exited (${code ?? signal}) before it listened: ${output.join('').slice(-2000)}`)));
  });
  return { child, urls };
}

const receiptsOf = (child: ChildProcess): Promise<Receipt[]> => new Promise((resolve) => {
  child.once('message', (m: unknown) => resolve((m as { receipts: Receipt[] }).receipts));
  child.send('receipts');
});

/**
 * The SMTP and SMS gateway stand-ins in processes of their own: `separate` runs the SMTP one and the
 * gateway in one process each, otherwise both share one process (still not the benchmark's).
 */
export async function startRemoteSink(separate: boolean): Promise<RemoteSink> {
  const smtp = await startSinkProcess();
  const sms = separate ? await startSinkProcess() : smtp;
  const children = separate ? [smtp.child, sms.child] : [smtp.child];
  return {
    smtpUrl: smtp.urls.smtpUrl, gatewayUrl: sms.urls.gatewayUrl, gatewayToken: sms.urls.gatewayToken,
    receipts: async () => (await Promise.all(children.map(receiptsOf))).flat(),
    close: async () => {
      await Promise.all(children.map((c) => {
        const gone = exited(c);
        c.send('close');
        return gone;
      }));
    },
  };
}
