import { hostname } from 'node:os';

import { startChannels } from './app/channels.ts';
import { ConfigError, loadConfig } from './app/config.ts';
import { buildServices } from './app/container.ts';
import { seedDemoCatalogue, seedDemoHistory, seedDemoRegistries } from './app/demo.ts';
import { startEmbeddedEids } from './app/embedded-eid.ts';
import { startExchange } from './app/exchange.ts';
import { buildHttp } from './app/http.ts';
import { startPayments } from './app/payments.ts';
import { startJobs } from './app/jobs.ts';
import { startAuditSealer } from './app/audit-sealer.ts';
import { shutDown } from './app/shutdown.ts';
import { notificationHandlers } from './modules/notifications/index.ts';
import { notificationLinks } from './app/links.ts';
import { createLogger } from './platform/logging/logger.ts';
import { createOutboxWorker } from './platform/outbox/index.ts';
import { withPartnerWebhooks } from './app/webhook-handlers.ts';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const payments = await startPayments(config);
  const services = await buildServices(config, { logger, ...(payments.provider === null ? {} : { paymentProvider: payments.provider }) });
  if (config.seedDemo) {
    await seedDemoCatalogue(services, logger);
    await seedDemoRegistries(services);
    await seedDemoHistory(services, logger);
  }
  // Outside production without EXCHANGE_URL: the population registry's stand-in behind the embedded exchange.
  const exchange = await startExchange(config, services);
  if (exchange.url !== null) {
    logger.info({ url: exchange.url }, 'embedded exchange and population registry');
  }
  const eids = await startEmbeddedEids(config);
  for (const p of config.identity.providers) {
    logger.info({ idp: p.id, issuer: p.issuer, embedded: config.identity.embeddedEid !== null }, 'identity provider');
  }
  const channels = await startChannels(config);
  const worker = createOutboxWorker({ db: services.db, clock: services.clock, workerId: `${hostname()}:${process.pid}`, handlers: withPartnerWebhooks(services.webhooks, {
    // SMS notices (one-time codes) are recorded with their segments and held back from numbers that sent STOP.
    ...notificationHandlers({ ...channels, sms: services.sms.noticeSender(channels.sms), contactsOf: (id) => services.contacts.details(id), verificationCode: (id) => services.contacts.codeFor(id), links: notificationLinks(config.publicUrl), notices: services.notices }),
    ...services.sms.handlers(channels.sms),
    // A caller's one-time code for the contact centre goes out as an SMS notice (recorded, held back after STOP).
    ...services.contactCentre.handlers(services.sms.noticeSender(channels.sms)),
  }), batchSize: config.outbox.batchSize, concurrency: config.outbox.concurrency, logger });
  worker.start();
  const jobs = startJobs(services, config.cases.jobIntervalSeconds, logger);
  const sealer = startAuditSealer(services, config.audit.sealIntervalMs, logger);
  // The development message page only where nobody else can reach it: a development build on loopback.
  const loopback = ['127.0.0.1', 'localhost', '::1'].includes(config.host);
  const { app, requests } = await buildHttp(services, logger, { devMessages: config.env === 'development' && loopback ? channels.dev : null, paymentOrigin: payments.simulatorUrl === null ? null : new URL(payments.simulatorUrl).origin });
  const address = await app.listen({ host: config.host, port: config.port });
  logger.info({ address, database: services.db.kind }, `Portico is serving ${config.publicUrl}`);

  // SIGTERM (an orchestrator) or SIGINT (Ctrl-C): stop in order within the grace period, then exit 0
  // (src/app/shutdown.ts). A second signal while stopping exits at once.
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal while shutting down: exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal, graceMs: config.shutdownGraceMs }, 'shutting down');
    const running = {
      http: app, requests, worker, background: [jobs, sealer], pending: [() => services.feedback.flushGaps()], reads: services.reads, db: services.db,
      resources: [() => payments.close(), () => exchange.close(), () => channels.close(), async () => void (await Promise.all(eids.map((e) => e.close())))],
    };
    shutDown(running, config.shutdownGraceMs, logger).then(
      (report) => {
        logger.info(report, 'stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

main().catch((error: unknown) => {
  process.stderr.write(`Portico failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
