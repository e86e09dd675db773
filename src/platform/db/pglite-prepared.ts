/**
 * Named statements on PGlite (ADR 0036): a text marked `prepared()` is parsed once per instance and
 * then only bound and run, in one call into the engine (Bind, Describe, Execute and Sync together),
 * where PGlite's own `query` parses and plans the text every time, in five calls. The plan is kept as
 * on a PostgreSQL connection (ADR 0023).
 *
 * PGlite is one session: a statement outside a transaction waits for the one in progress, as its own
 * `query` does (`_runExclusiveTransaction`), and every statement takes the query lock
 * (`_runExclusiveQuery`), so a named statement never lands between the messages of another.
 */
import { parse as results, type PGlite, protocol, type Results } from '@electric-sql/pglite';

import type { Row } from './database.ts';
import { preparedName } from './prepared.ts';

const { serialize } = protocol;

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export interface PreparedRunner {
  /** The rows of `sql` run as a named statement, or null when `sql` is not marked `prepared()`. */
  run<T extends Row>(sql: string, params: readonly unknown[], inTransaction: boolean): Promise<T[]> | null;
}

export function preparedRunner(db: PGlite): PreparedRunner {
  /** Each named statement's parameter types, once it is parsed on this instance. */
  const statements = new Map<string, number[]>();

  const parseOnce = async (name: string, sql: string): Promise<number[]> => {
    const known = statements.get(name);
    if (known) {
      return known;
    }
    const messages = [];
    try {
      messages.push(...(await db.execProtocol(serialize.parse({ name, text: sql }), { syncToFs: false })).messages);
      messages.push(...(await db.execProtocol(serialize.describe({ type: 'S', name }), { syncToFs: false })).messages);
    } finally {
      await db.execProtocol(serialize.sync(), { syncToFs: false });
    }
    const types = results.parseDescribeStatementResults(messages);
    statements.set(name, types);
    return types;
  };

  const execute = async <T extends Row>(name: string, sql: string, params: readonly unknown[]): Promise<T[]> => {
    const types = await parseOnce(name, sql);
    const values = params.map((value, i) => {
      if (value === null || value === undefined) {
        return null;
      }
      const serializer = db.serializers[types[i] ?? 0];
      if (serializer) {
        return serializer(value);
      }
      // A type PGlite has no serializer for: its text form (an object as JSON).
      return typeof value === 'string' ? value : JSON.stringify(value);
    });
    const { messages } = await db.execProtocol(concat([serialize.bind({ statement: name, values }), serialize.describe({ type: 'P' }), serialize.execute({}), serialize.sync()]), { syncToFs: false });
    const [result] = results.parseResults(messages, db.parsers) as Array<Results<T>>;
    return result?.rows ?? [];
  };

  return {
    run<T extends Row>(sql: string, params: readonly unknown[], inTransaction: boolean): Promise<T[]> | null {
      const name = preparedName(sql);
      if (name === undefined) {
        return null;
      }
      const inLock = () => db._runExclusiveQuery(() => execute<T>(name, sql, params));
      if (inTransaction) {
        return inLock();
      }
      return (async () => {
        await db._checkReady();
        const rows = await db._runExclusiveTransaction(inLock);
        await db.syncToFs();
        return rows;
      })();
    },
  };
}
