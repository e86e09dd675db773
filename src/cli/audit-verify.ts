/**
 * Verifies the tamper-evident audit log: every row's hash covers its content and the previous row's
 * hash, so an edited or deleted row is found and named.
 *   npm run audit:verify
 */
import { verifyAudit } from '../platform/audit/audit.ts';
import { cliServices } from './cli-services.ts';

async function main(): Promise<number> {
  const services = await cliServices();
  try {
    const verdict = await verifyAudit(services.db);
    if (verdict.ok) {
      process.stdout.write(`The audit log is intact: ${verdict.count} records.\n`);
      return 0;
    }
    process.stderr.write(`The audit log has been tampered with at record ${verdict.id}: ${verdict.reason}.\n`);
    return 1;
  } finally {
    await services.db.close();
  }
}

process.exitCode = await main();
