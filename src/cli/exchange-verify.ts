/**
 * Verifies the exchange's message log (ADR 0024): seals what is not sealed yet, then recomputes every
 * member's batches — each batch's Merkle root from its messages, each chain hash from the previous
 * batch — and names the first batch that does not match.
 *   npm run exchange:verify
 */
import { type CliIo, cliServices, runIfScript } from './cli-services.ts';

export async function exchangeVerify(_args: readonly string[], io: CliIo): Promise<number> {
  const services = await cliServices(io);
  if (services === null) {
    return 2;
  }
  try {
    const sealed = await services.exchangeLog.seal();
    const verdict = await services.exchangeLog.verify();
    if (!verdict.ok) {
      io.err(`The exchange's message log has been tampered with: ${verdict.member}, batch ${verdict.batch}: ${verdict.reason}.\n`);
      return 1;
    }
    io.out(`The exchange's message log is intact: ${verdict.messages} messages in ${verdict.batches} sealed batches (${sealed} sealed now).\n`);
    return 0;
  } finally {
    await services.db.close();
  }
}

await runIfScript(import.meta, exchangeVerify);
