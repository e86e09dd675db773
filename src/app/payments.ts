import { randomBytes } from 'node:crypto';

import { createHttpPaymentProvider, type PaymentProvider } from '../modules/payments/index.ts';
import type { Config } from './config.ts';

/**
 * The payment provider for this process. A configured provider is used as it is; outside production,
 * without one, the local payment simulator starts and the real HTTP adapter talks to it, with a key
 * and callback secret made up for this run.
 */
export async function startPayments(config: Config, options: { port?: number } = {}): Promise<{ provider: PaymentProvider | null; simulatorUrl: string | null; close: () => Promise<void> }> {
  if (config.cases.payments !== null || config.env === 'production') {
    return { provider: null, simulatorUrl: null, close: async () => {} };
  }
  const apiKey = randomBytes(16).toString('hex');
  const callbackSecret = randomBytes(32).toString('hex');
  const { startPaymentSimulator } = await import('../dev/index.ts');
  const simulator = await startPaymentSimulator({ host: '127.0.0.1', port: options.port ?? config.cases.paymentSimulatorPort, apiKey, callbackSecret });
  const provider = createHttpPaymentProvider({ id: 'simulator', baseUrl: simulator.url, apiKey, callbackSecret });
  return { provider, simulatorUrl: simulator.url, close: () => simulator.close() };
}
