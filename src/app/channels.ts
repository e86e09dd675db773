import { type EmailSender, createSmtpEmailSender } from '../modules/channels/email/index.ts';
import { type SmsSender, createHttpSmsGateway } from '../modules/channels/sms/index.ts';
import type { CapturedMail } from '../dev/index.ts';
import type { Config } from './config.ts';

/** What a developer can read of messages the local stand-ins caught. */
export interface DevMessages {
  mails(): readonly CapturedMail[];
  sms(): ReadonlyArray<{ readonly to: string; readonly text: string }>;
}

export interface Channels {
  readonly email: EmailSender;
  readonly sms: SmsSender;
  readonly dev: DevMessages | null;
  close(): Promise<void>;
}

/**
 * The e-mail and SMS channels. Configured providers are used as they are; outside production, a
 * missing one is replaced by a local stand-in — e-mail still goes over real SMTP, to a sink in this process.
 */
export async function startChannels(config: Config): Promise<Channels> {
  const { smtp, sms } = config.channels;
  // The stand-ins are loaded only when asked for (never in production: config refuses localSinks there).
  const dev = (!smtp || !sms) && config.channels.localSinks ? await import('../dev/index.ts') : null;
  const sink = !smtp && dev ? await dev.startLocalSmtp({ host: '127.0.0.1', port: 0 }) : null;
  const smtpUrl = smtp?.url ?? (sink ? `smtp://127.0.0.1:${sink.port}` : null);
  if (!smtpUrl) {
    throw new Error('no SMTP server is configured (SMTP_URL)');
  }
  const email = createSmtpEmailSender({ url: smtpUrl, from: smtp?.from ?? 'Portico <no-reply@portal.example.gov.ua>', maxConnections: config.channels.smtpConnections });
  const simulator = !sms && dev ? dev.createSmsSimulator() : null;
  const smsSender: SmsSender | null = sms ? createHttpSmsGateway({ url: sms.url, token: sms.token, sender: sms.sender, batchSize: config.channels.smsBatchSize }) : simulator;
  if (!smsSender) {
    throw new Error('no SMS gateway is configured (SMS_GATEWAY_URL)');
  }
  const messages: DevMessages | null = sink || simulator
    ? { mails: () => sink?.messages() ?? [], sms: () => simulator?.messages().map((m) => ({ to: m.to, text: m.text })) ?? [] }
    : null;
  return {
    email,
    sms: smsSender,
    dev: messages,
    async close() {
      email.close();
      await sink?.close();
    },
  };
}
