import type { Config } from './config.ts';

export interface RunningEid {
  close(): Promise<void>;
}

/**
 * Starts the embedded test eID providers (State eID and Bank A) when the configuration asks for
 * them, registered with the portal as a client. Refused in production by the config and the provider.
 */
export async function startEmbeddedEids(config: Config): Promise<RunningEid[]> {
  const embedded = config.identity.embeddedEid;
  if (!embedded) {
    return [];
  }
  const { startEmbeddedEid } = await import('../dev/index.ts');
  const running: RunningEid[] = [];
  for (const [name, port] of [['state', embedded.statePort], ['bank', embedded.bankPort]] as const) {
    const provider = config.identity.providers.find((p) => p.id === name);
    if (!provider) {
      continue;
    }
    running.push(
      await startEmbeddedEid({
        name,
        host: config.host,
        port,
        publicHost: new URL(provider.issuer).hostname,
        nodeEnv: config.env,
        clients: [{
          client_id: provider.clientId,
          client_secret: provider.clientSecret,
          redirect_uris: [`${config.publicUrl}/auth/callback/${name}`],
          post_logout_redirect_uris: [`${config.publicUrl}/uk/signed-out`, `${config.publicUrl}/en/signed-out`],
        }],
      }),
    );
  }
  return running;
}
