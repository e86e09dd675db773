import { isDatabaseUnavailable } from '../platform/db/unavailable.ts';
import type { Logger } from '../platform/logging/logger.ts';
import type { JobRuns } from '../platform/metrics/index.ts';
import type { Services } from './container.ts';

/**
 * The audit log's sealer of one portal process: every `intervalMs` it seals the entries committed
 * since and signs a checkpoint (ADR 0016). Every process may run it; one seals at a time (a lock row),
 * the others find it held and wait for their next turn.
 */
export function startAuditSealer(services: Pick<Services, 'auditLog'> & { exchangeLog?: Services['exchangeLog']; jobRuns?: JobRuns }, intervalMs: number, logger: Logger): { stop: () => Promise<void> } {
  if (intervalMs === 0) {
    return { stop: async () => {} };
  }
  const runs = services.jobRuns;
  runs?.expect(['audit-sealer']);
  let running: Promise<void> | null = null;
  let failing = false;
  const run = () => {
    if (running !== null) {
      return;
    }
    running = (async () => {
      try {
        // The exchange's message log is sealed in the same turn (ADR 0024).
        const seal = async () => {
          await services.auditLog.seal();
          await services.exchangeLog?.seal();
        };
        await (runs ? runs.track('audit-sealer', seal) : seal());
        if (failing) {
          logger.info('audit sealer resumed');
          failing = false;
        }
      } catch (error) {
        if (!failing) {
          logger[isDatabaseUnavailable(error) ? 'warn' : 'error']({ err: error }, 'audit sealer failed; retrying at the next interval');
        }
        failing = true;
      } finally {
        running = null;
      }
    })();
  };
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
