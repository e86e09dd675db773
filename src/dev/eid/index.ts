import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { calculateJwkThumbprint, exportJWK, generateKeyPair } from 'jose';
import type { JWK } from 'oidc-provider';
import { handleInteraction } from './interactions.ts';
import { createMemoryAdapter } from './memory-adapter.ts';
import { EID_PROFILES } from './profile.ts';
import { buildConfiguration, type EidClient } from './provider-config.ts';

/**
 * The embedded test eID: a real OpenID Connect provider (oidc-provider) standing in for the
 * national eID ("State eID") or a bank eID ("Bank A"), with invented personas and no passwords.
 * For development and demos only: it refuses to start in production, and oidc-provider (a
 * devDependency) is imported only here, when an instance starts.
 */

export type { EidClient } from './provider-config.ts';
export { PERSONAS, personasFor, type Persona, type PersonaChild, type StaffRole, type EidName } from './personas.ts';
export { EID_PROFILES, type EidProfile } from './profile.ts';

export interface EmbeddedEidOptions {
  name: 'state' | 'bank';
  host: string;
  port: number;
  publicHost?: string;
  clients: EidClient[];
  nodeEnv: string;
}

export interface EmbeddedEid {
  readonly issuer: string;
  close(): Promise<void>;
}

export async function startEmbeddedEid(options: EmbeddedEidOptions): Promise<EmbeddedEid> {
  if (options.nodeEnv === 'production') {
    throw new Error(
      `The embedded test eID (${options.name}) must not run in production: it signs anyone in without a password. `
      + 'Configure the real eID providers instead.',
    );
  }
  const profile = EID_PROFILES[options.name];
  const { default: Provider, interactionPolicy } = await import('oidc-provider').catch((cause: unknown) => {
    throw new Error('The embedded test eID needs oidc-provider, a devDependency: install dev dependencies '
      + 'or turn the embedded eID off.', { cause });
  });

  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });

  try {
    const { port } = server.address() as AddressInfo;
    const issuer = `http://${options.publicHost ?? 'localhost'}:${port}`;
    const provider = new Provider(issuer, {
      ...buildConfiguration({
        profile,
        clients: options.clients,
        signingKey: await signingKey(),
        cookieKeys: [randomBytes(32).toString('base64url')],
        policy: interactionPolicy,
      }),
      adapter: createMemoryAdapter(),
    });
    const callback = provider.callback();
    const context = { provider, profile };

    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      if ((req.url ?? '').startsWith('/interaction/')) {
        handleInteraction(context, req, res).catch(() => {
          if (!res.headersSent) {
            res.statusCode = 500;
            res.setHeader('Content-Type', 'text/plain; charset=utf-8');
          }
          res.end('The test eID failed to handle this request.');
        });
        return;
      }
      void callback(req, res);
    });

    return {
      issuer,
      close: () => closeServer(server),
    };
  } catch (error) {
    await closeServer(server);
    throw error;
  }
}

async function signingKey(): Promise<JWK> {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, kid: await calculateJwkThumbprint(jwk), alg: 'ES256', use: 'sig' };
}

function closeServer(server: ReturnType<typeof createServer>): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
