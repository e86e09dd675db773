import type { FastifyInstance } from 'fastify';
import type * as FastifyModule from 'fastify';

import type { Requirement } from '../../src/modules/identity/index.ts';
import type { AnyPath } from '../../src/web/common/path.ts';

/** One route as the portal registered it, with the requirement it declares and the path declaration it came from (if any). */
export interface CollectedRoute {
  readonly method: string;
  readonly url: string;
  readonly auth: Requirement | undefined;
  readonly path: AnyPath | undefined;
}

/**
 * A stand-in for the `fastify` module whose factory adds an `onRoute` collector as the first hook of
 * every instance, so a test sees every route `buildHttp` registers (HEAD included). Use it from
 * `vi.mock('fastify', (importOriginal) => collectingFastify(importOriginal, registry))`, with the
 * registry made by `vi.hoisted`.
 */
export async function collectingFastify(importOriginal: <T>() => Promise<T>, registry: Map<object, CollectedRoute[]>): Promise<typeof FastifyModule> {
  const real = await importOriginal<typeof FastifyModule>();
  const create = real.default as unknown as (...args: unknown[]) => FastifyInstance;
  const collecting = (...args: unknown[]): FastifyInstance => {
    const app = create(...args);
    const routes: CollectedRoute[] = [];
    registry.set(app, routes);
    app.addHook('onRoute', (options) => {
      for (const method of ([] as string[]).concat(options.method)) {
        routes.push({ method, url: options.url, auth: options.config?.auth, path: options.config?.path });
      }
    });
    return app;
  };
  return { ...real, default: collecting, fastify: collecting } as unknown as typeof FastifyModule;
}
