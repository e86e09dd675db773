import { readFile } from 'node:fs/promises';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

import type { FastifyInstance, FastifyRequest } from 'fastify';

import { PATHS } from './paths.ts';
import { PUBLIC } from './route-table.ts';
import { stylesheet } from './stylesheet.ts';
import type { RootPath } from './path.ts';

const ASSETS = fileURLToPath(new URL('../assets/', import.meta.url));
const YEAR = 'public, max-age=31536000, immutable';

/** The encoding to send a precompressed body in: brotli, then gzip, as the request accepts (q=0 refuses). */
export function preferredEncoding(request: FastifyRequest): 'br' | 'gzip' | null {
  const header = request.headers['accept-encoding'];
  const accepted = new Set(
    (typeof header === 'string' ? header : '')
      .split(',')
      .map((part) => part.trim().toLowerCase().split(';'))
      .filter(([, ...params]) => !params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p)))
      .map(([name]) => name?.trim()),
  );
  return accepted.has('br') ? 'br' : accepted.has('gzip') || accepted.has('*') ? 'gzip' : null;
}

/** The stylesheet compressed, once per process (brotli at quality 11 takes about a fifth of a CPU-second). */
let compressed: { readonly hash: string; readonly br: Buffer; readonly gzip: Buffer } | null = null;
function compressedStylesheet(css: Buffer, hash: string): { readonly br: Buffer; readonly gzip: Buffer } {
  if (compressed?.hash !== hash) {
    compressed = {
      hash,
      br: brotliCompressSync(css, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } }),
      gzip: gzipSync(css, { level: 9 }),
    };
  }
  return compressed;
}

/**
 * The stylesheet under its content-hashed URL (cached for a year, immutable; compressed once per process,
 * rather than per request), the old unhashed URL as a redirect to it, and the site icons.
 */
export async function registerAssets(app: FastifyInstance): Promise<void> {
  const { css, hash, href } = stylesheet();
  const bodies = compressedStylesheet(css, hash);
  const hidden = { schema: { hide: true }, config: { auth: PUBLIC }, compress: false } as const;
  // The content-hashed URL changes with the stylesheet, so it is the one address not declared in paths.ts.
  app.get(href, hidden, async (request, reply) => {
    const encoding = preferredEncoding(request);
    void reply.type('text/css; charset=utf-8').header('cache-control', YEAR).header('vary', 'accept-encoding');
    return encoding === null ? reply.send(css) : reply.header('content-encoding', encoding).send(bodies[encoding]);
  });
  const declared = (path: RootPath) => ({ ...hidden, config: { auth: PUBLIC, path } });
  app.get(PATHS.stylesheet.pattern(), declared(PATHS.stylesheet), async (_request, reply) => reply.header('cache-control', 'no-cache').redirect(href, 302));
  // The site icon: an ICO where browsers look by default, an SVG for those that take one.
  for (const [path, file, type] of [[PATHS.favicon, 'favicon.ico', 'image/x-icon'], [PATHS.iconSvg, 'favicon.svg', 'image/svg+xml']] as const) {
    const icon = await readFile(`${ASSETS}${file}`);
    app.get(path.pattern(), declared(path), async (_request, reply) => reply.header('cache-control', 'public, max-age=86400').type(type).send(icon));
  }
}
