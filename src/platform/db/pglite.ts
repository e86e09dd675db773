import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { PGlite, types } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

import type { Database, Queryable, Row } from './database.ts';
import { preparedRunner } from './pglite-prepared.ts';

/** PGlite's WebAssembly modules and file-system bundle, compiled once per process and shared by every instance it opens. */
interface PgliteRuntime {
  readonly pgliteWasmModule: WebAssembly.Module;
  readonly initdbWasmModule: WebAssembly.Module;
  readonly fsBundle: Uint8Array;
}
let runtime: Promise<PgliteRuntime> | null = null;

function pgliteRuntime(): Promise<PgliteRuntime> {
  runtime ??= (async () => {
    const dist = new URL('./', pathToFileURL(createRequire(import.meta.url).resolve('@electric-sql/pglite')));
    const read = (name: string) => readFile(new URL(name, dist));
    const [pgliteWasmModule, initdbWasmModule, data] = await Promise.all([
      read('pglite.wasm').then((bytes) => WebAssembly.compile(bytes)),
      read('initdb.wasm').then((bytes) => WebAssembly.compile(bytes)),
      read('pglite.data'),
    ]);
    return { pgliteWasmModule, initdbWasmModule, fsBundle: data };
  })();
  return runtime;
}

/**
 * Bytes as PGlite reads a bundle or a tarball: it only calls `arrayBuffer()` (and looks at `type`).
 * Each call gets a copy of its own (one native copy); a real Blob built over the bytes would be read
 * back through a stream, chunk by chunk, which on Node 20 costs about a CPU-second per opening of the
 * 43 MB template the tests copy.
 */
function bytesBlob(bytes: Uint8Array, type = ''): Blob {
  const readable = { type, size: bytes.byteLength, arrayBuffer: () => Promise.resolve(bytes.slice().buffer) };
  return readable as unknown as Blob;
}

export interface PgliteOptions {
  /**
   * Server settings on top of PGlite's own (`-c name=value` at start). The tests open a database
   * per test file and run small data sets, so they start with less shared memory (PGlite sets up
   * its buffer pool in about a CPU-second at the default 128 MB).
   */
  readonly settings?: Readonly<Record<string, string>>;
}

/**
 * Embedded PostgreSQL (PGlite) kept in `dataDir`, or in memory when `dataDir` is null; `from`, a
 * data directory dumped as a tarball (`dumpDataDir`), as a Blob or its bytes, starts it as a copy of
 * that database.
 */
export async function openPglite(dataDir: string | null, from: Blob | Uint8Array | null = null, options: PgliteOptions = {}): Promise<Database & { dump(compression?: 'none' | 'gzip'): Promise<Blob> }> {
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
  }
  const { pgliteWasmModule, initdbWasmModule, fsBundle } = await pgliteRuntime();
  const db = await PGlite.create(dataDir ?? undefined, {
    pgliteWasmModule,
    initdbWasmModule,
    fsBundle: bytesBlob(fsBundle),
    extensions: { pg_trgm },
    ...(from === null ? {} : { loadDataDir: from instanceof Uint8Array ? bytesBlob(from) : from }),
    ...(options.settings ? { startParams: [...PGlite.defaultStartParams, ...Object.entries(options.settings).flatMap(([name, value]) => ['-c', `${name}=${value}`])] } : {}),
    // Align with node-postgres as configured in postgres.ts: int8 as number, numeric as string.
    parsers: { [types.INT8]: (v: string) => Number(v) },
  });
  // PGlite is one connection: a statement sent outside a transaction while one is open would wait for
  // it forever. So code running inside a transaction (a cached catalogue read, say) joins it instead.
  const open = new AsyncLocalStorage<Queryable>();
  const named = preparedRunner(db);
  return {
    kind: 'pglite',
    async query<T extends Row>(sql: string, params: readonly unknown[] = []) {
      const tx = open.getStore();
      return tx ? tx.query<T>(sql, params) : (named.run<T>(sql, params, false) ?? db.query<T>(sql, params as unknown[]).then((r) => r.rows));
    },
    async transaction(work) {
      const current = open.getStore();
      if (current) {
        return work(current);
      }
      return db.transaction(async (tx) => {
        const queryable: Queryable = {
          async query<T extends Row>(sql: string, params: readonly unknown[] = []) {
            return named.run<T>(sql, params, true) ?? (await tx.query<T>(sql, params as unknown[])).rows;
          },
        };
        return open.run(queryable, () => work(queryable));
      });
    },
    async exec(sql) {
      await db.exec(sql);
    },
    // One process owns an embedded database, and PGlite runs one statement at a time.
    async withLock(_key, work) {
      return work();
    },
    async close() {
      await db.close();
    },
    /** The data directory as a tarball (gzipped if asked), for `from` of another instance. */
    async dump(compression: 'none' | 'gzip' = 'none') {
      return db.dumpDataDir(compression);
    },
  };
}
