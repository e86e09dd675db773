/**
 * Prints each service's measured maturity (the EU level and the UN stage) and the EU 20 figure, from
 * the configured database's catalogue and the portal as `npm start` composes it (ADR 0029):
 *   npm run maturity
 * An empty catalogue gets the demo catalogue first, as the portal does on start when SEED_DEMO is on.
 */
import { buildServices } from '../app/container.ts';
import { seedDemoCatalogue } from '../app/demo.ts';
import { buildHttp } from '../app/http.ts';
import { startPayments } from '../app/payments.ts';
import type { MaturityReport } from '../modules/maturity/index.ts';
import { createLogger } from '../platform/logging/logger.ts';
import { type CliIo, cliConfig, runIfScript } from './cli-services.ts';

/** The report as text: a line per service, the features, the EU 20 figure last. */
export function maturityText(report: MaturityReport): string {
  const width = Math.max(...report.services.map((s) => s.serviceId.length), 10);
  const lines = report.services.map((s) => `${s.identifier.padEnd(8)} ${s.serviceId.padEnd(width)}  level ${s.level}  ${s.stage.padEnd(13)} ${s.euBasicService ?? ''}`.trimEnd());
  const features = report.features.map((f) => `${f.present ? 'yes' : 'no '}  ${f.feature}: ${f.evidence}`);
  const levels = Object.entries(report.levels).map(([level, count]) => `${level}: ${count}`).join(', ');
  return [
    ...lines,
    '',
    `services by level: ${levels}`,
    ...features,
    '',
    `EU 20 basic services fully online: ${report.eu.fullyOnline} of ${report.eu.total} (${report.eu.percent}%)`,
    ...report.eu.rows.map((r) => `  ${r.code} ${r.fullyOnline ? 'online ' : 'not yet'} level ${r.level} ${r.serviceIds.join(', ')}`.trimEnd()),
    '',
  ].join('\n');
}

export async function maturity(_args: readonly string[], io: CliIo): Promise<number> {
  const config = cliConfig(io);
  if (config === null) {
    return 2;
  }
  const logger = createLogger('silent');
  const payments = await startPayments(config, { port: 0 });
  const services = await buildServices(config, { logger, ...(payments.provider === null ? {} : { paymentProvider: payments.provider }) });
  try {
    if (config.seedDemo) {
      await seedDemoCatalogue(services, logger);
    }
    const { app, maturity: measured } = await buildHttp(services, logger);
    await app.ready();
    try {
      io.out(maturityText(await measured.report()));
    } finally {
      await app.close();
    }
    return 0;
  } finally {
    await services.db.close();
    await payments.close();
  }
}

await runIfScript(import.meta, maturity);
