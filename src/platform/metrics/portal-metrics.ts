/**
 * The portal's metrics in the Prometheus text format (prom-client): requests by route pattern, the
 * database pool, the outbox's backlog, the audit log's seal lag and the background jobs' lags. The
 * gauges that need the database are read when scraped, with one cheap statement each for the outbox
 * and the audit log (partial indexes, see their repositories), bounded in time: a database that does
 * not answer within `databaseTimeoutMs` gives `portico_database_up 0` and NaN for what it would have said.
 * With a read replica (ADR 0018): its lag behind the primary, read when scraped in the same bounded
 * time (NaN when it cannot be read), its pool, and how many lagging reads each source served.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

import type { Clock } from '../../kernel/clock.ts';
import { within } from '../../kernel/within.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import type { Database } from '../db/database.ts';
import { type Reads, SERVED_BY } from '../db/reads.ts';
import { outboxRepository } from '../outbox/index.ts';
import type { JobRuns } from './job-runs.ts';

/** The label of a request no route matched (a 404, a malformed URL): raw URLs never become labels. */
export const UNMATCHED_ROUTE = 'unmatched';

export interface PortalMetrics {
  /** One answered request: its method, the pattern of the route that answered (or `UNMATCHED_ROUTE`), its status and duration. */
  observeRequest(method: string, route: string, status: number, seconds: number): void;
  /** The exposition text: this process's default metrics and the portal's, read now. */
  render(): Promise<string>;
  readonly contentType: string;
}

let processRegistry: Registry | null = null;

/** Node's own metrics (CPU, memory, event loop lag, GC), one set per process however many portals it builds. */
function processMetrics(): Registry {
  if (processRegistry === null) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

const seconds = (ms: number) => ms / 1000;
const age = (now: Date, at: Date | null) => (at === null ? 0 : Math.max(0, seconds(now.getTime() - at.getTime())));

/** `work`, or null when it fails or takes longer than `ms`. */
const answerWithin = <T>(ms: number, work: () => Promise<T>): Promise<T | null> => within(work().catch(() => null), ms, null);

/** Every metric of the portal, in `registry`; the pool's only for a database that has one. */
function defineMetrics(registry: Registry, withPool: boolean, withReplica: boolean) {
  const registers = [registry];
  const gauge = (name: string, help: string, labelNames: string[] = []) => new Gauge({ name, help, labelNames, registers });
  return {
    requests: new Histogram({
      name: 'portico_http_request_duration_seconds', help: 'Requests answered, by method, route pattern and status, and how long they took',
      labelNames: ['method', 'route', 'status_code'], buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], registers,
    }),
    databaseUp: gauge('portico_database_up', 'Whether the database answered this scrape\'s reads in time (1) or not (0)'),
    pool: withPool ? {
      max: gauge('portico_db_pool_max_connections', 'The most connections the PostgreSQL pool opens (DB_POOL_SIZE)'),
      open: gauge('portico_db_pool_open_connections', 'Connections the PostgreSQL pool holds open, idle or in use'),
      idle: gauge('portico_db_pool_idle_connections', 'Open connections not in use'),
      waiting: gauge('portico_db_pool_waiting_requests', 'Requests waiting for a connection'),
    } : null,
    outbox: {
      pending: gauge('portico_outbox_pending_messages', 'Outbox messages neither delivered nor dead-lettered'),
      oldest: gauge('portico_outbox_oldest_pending_age_seconds', 'How long ago the oldest pending outbox message was written (0: none pending)'),
      dead: gauge('portico_outbox_dead_messages', 'Dead-lettered outbox messages waiting for an operator'),
    },
    audit: {
      unsealed: gauge('portico_audit_unsealed_entries', 'Audit entries committed but not yet in a signed checkpoint'),
      lag: gauge('portico_audit_seal_lag_seconds', 'How long ago the oldest audit entry not yet in a signed checkpoint was written (0: all sealed)'),
      treeSize: gauge('portico_audit_checkpoint_tree_size', 'Entries in the latest signed checkpoint'),
      checkpointAge: gauge('portico_audit_checkpoint_age_seconds', 'How long ago the latest checkpoint was signed (the sealer signs one only when the log grew)'),
    },
    replica: withReplica ? {
      lagSeconds: gauge('portico_replica_lag_seconds', 'How long ago the last transaction the read replica replayed committed on the primary, while it has not replayed everything (0: caught up; NaN: unreadable)'),
      lagBytes: gauge('portico_replica_lag_bytes', 'WAL bytes the primary has written that the read replica has not replayed (NaN: unreadable)'),
      open: gauge('portico_replica_pool_open_connections', 'Connections the read replica\'s pool holds open, idle or in use'),
      waiting: gauge('portico_replica_pool_waiting_requests', 'Reads waiting for a connection to the read replica'),
      reads: new Counter({
        name: 'portico_lagging_reads_total', help: 'Reads that tolerate lag, by the server that served them and why (replica: tolerant, caught-up; primary: writing, lagged)',
        labelNames: ['served_by', 'why'], registers,
      }),
    } : null,
    job: {
      lag: gauge('portico_job_lag_seconds', 'Seconds since the job last succeeded in this process (since the process started, until it first does)', ['job']),
      lastSuccess: gauge('portico_job_last_success_timestamp_seconds', 'When the job last succeeded in this process (Unix time; absent until it does)', ['job']),
      duration: gauge('portico_job_last_duration_seconds', 'How long the job\'s last run took in this process', ['job']),
      runs: new Counter({ name: 'portico_job_runs_total', help: 'Runs of the job in this process, by outcome', labelNames: ['job', 'outcome'], registers }),
    },
  };
}

export function createPortalMetrics(deps: {
  db: Database; clock: Clock; auditLog: Pick<AuditLog, 'backlog'>; jobs: JobRuns; databaseTimeoutMs?: number;
  /** The reads that tolerate lag; their metrics only when a replica is configured. */
  reads?: Pick<Reads, 'replicated' | 'lag' | 'served' | 'poolStats'>;
}): PortalMetrics {
  const { db, clock, jobs, auditLog } = deps;
  const registry = new Registry();
  // PGlite is one connection in the process: no pool to report.
  const poolStats = db.poolStats?.bind(db);
  const reads = deps.reads?.replicated === true ? deps.reads : null;
  const { requests, databaseUp, pool, outbox, audit, job, replica } = defineMetrics(registry, poolStats !== undefined, reads !== null);

  const readDatabase = async (now: Date) => {
    const read = await answerWithin(deps.databaseTimeoutMs ?? 2000, async () => ({ outbox: await outboxRepository.backlog(db), audit: await auditLog.backlog() }));
    databaseUp.set(read === null ? 0 : 1);
    outbox.pending.set(read?.outbox.pending ?? NaN);
    outbox.oldest.set(read === null ? NaN : age(now, read.outbox.oldestPendingAt));
    outbox.dead.set(read?.outbox.dead ?? NaN);
    audit.unsealed.set(read?.audit.unsealed ?? NaN);
    audit.lag.set(read === null ? NaN : age(now, read.audit.oldestUnsealedAt));
    audit.treeSize.set(read?.audit.treeSize ?? NaN);
    audit.checkpointAge.set(read === null || read.audit.signedAt === null ? NaN : age(now, read.audit.signedAt));
  };
  const readPool = () => {
    if (pool !== null && poolStats !== undefined) {
      const stats = poolStats();
      pool.max.set(stats.max);
      pool.open.set(stats.open);
      pool.idle.set(stats.idle);
      pool.waiting.set(stats.waiting);
    }
  };
  const readReplica = async () => {
    if (replica === null || reads === null) {
      return;
    }
    const lag = await answerWithin(deps.databaseTimeoutMs ?? 2000, async () => reads.lag());
    replica.lagSeconds.set(lag?.seconds ?? NaN);
    replica.lagBytes.set(lag?.bytes ?? NaN);
    const stats = reads.poolStats();
    replica.open.set(stats?.open ?? NaN);
    replica.waiting.set(stats?.waiting ?? NaN);
    replica.reads.reset();
    const served = reads.served();
    for (const source of SERVED_BY) {
      const [by = source, why = ''] = source.split(':');
      replica.reads.inc({ served_by: by, why }, served.get(source) ?? 0);
    }
  };
  const readJobs = (now: Date) => {
    job.runs.reset();
    job.lastSuccess.reset();
    for (const [name, run] of jobs.snapshot()) {
      job.lag.set({ job: name }, age(now, run.lastSuccessAt ?? run.since));
      if (run.lastSuccessAt !== null) {
        job.lastSuccess.set({ job: name }, seconds(run.lastSuccessAt.getTime()));
      }
      if (run.lastDurationMs !== null) {
        job.duration.set({ job: name }, seconds(run.lastDurationMs));
      }
      job.runs.inc({ job: name, outcome: 'succeeded' }, run.succeeded);
      job.runs.inc({ job: name, outcome: 'failed' }, run.failed);
    }
  };

  return {
    observeRequest(method, route, status, duration) {
      requests.observe({ method, route, status_code: String(status) }, duration);
    },
    async render() {
      const now = clock.now();
      await Promise.all([readDatabase(now), readReplica()]);
      readPool();
      readJobs(now);
      return Registry.merge([processMetrics(), registry]).metrics();
    },
    contentType: registry.contentType,
  };
}
