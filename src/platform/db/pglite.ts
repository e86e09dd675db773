import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { PGlite, types } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

import type { Database, Queryable, Row } from './database.ts';

/** PGlite's WebAssembly modules and file-system bundle, compiled once per process and shared by every instance it opens. */
interface PgliteRuntime {
  readonly pgliteWasmModule: WebAssembly.Module;
  readonly initdbWasmModule: WebAssembly.Module;
  readonly fsBundle: Blob;
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
    return { pgliteWasmModule, initdbWasmModule, fsBundle: new Blob([data]) };
  })();
  return runtime;
}

/**
 * Embedded PostgreSQL (PGlite) kept in `dataDir`, or in memory when `dataDir` is null; `from`, a
 * data directory dumped as a tarball (`dumpDataDir`), starts it as a copy of that database.
 */
export async function openPglite(dataDir: string | null, from: Blob | null = null): Promise<Database & { dump(compression?: 'none' | 'gzip'): Promise<Blob> }> {
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
  }
  const db = await PGlite.create(dataDir ?? undefined, {
    ...(await pgliteRuntime()),
    extensions: { pg_trgm },
    ...(from === null ? {} : { loadDataDir: from }),
    // Align with node-postgres as configured in postgres.ts: int8 as number, numeric as string.
    parsers: { [types.INT8]: (v: string) => Number(v) },
  });
  // PGlite is one connection: a statement sent outside a transaction while one is open would wait for
  // it forever. So code running inside a transaction (a cached catalogue read, say) joins it instead.
  const open = new AsyncLocalStorage<Queryable>();
  return {
    kind: 'pglite',
    async query<T extends Row>(sql: string, params: readonly unknown[] = []) {
      const tx = open.getStore();
      return tx ? tx.query<T>(sql, params) : (await db.query<T>(sql, params as unknown[])).rows;
    },
    async transaction(work) {
      const current = open.getStore();
      if (current) {
        return work(current);
      }
      return db.transaction(async (tx) => {
        const queryable: Queryable = {
          async query<T extends Row>(sql: string, params: readonly unknown[] = []) {
            return (await tx.query<T>(sql, params as unknown[])).rows;
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
