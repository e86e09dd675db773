/**
 * The audit log as a transparency log: entries appended without a shared lock, sealed into an
 * RFC 9162 tree in commit-safe batches, signed checkpoints, proofs from the stored tree — and the
 * verifier catching a deleted tail, a row edited with every hash recomputed, and a truncated table,
 * each done as an attacker would: with the append-only triggers switched off.
 */
import { afterAll, describe, expect, it } from 'vitest';

import { systemClock } from '../../src/kernel/clock.ts';
import { appendAudit, type AuditEntry } from '../../src/platform/audit/audit.ts';
import { createAuditLog } from '../../src/platform/audit/audit-log.ts';
import { type Checkpoint, checkpointVerifies } from '../../src/platform/audit/checkpoint.ts';
import { leafOf } from '../../src/platform/audit/leaf.ts';
import { verifyConsistency, verifyInclusion } from '../../src/platform/audit/merkle.ts';
import { DEVELOPMENT_AUDIT_SIGNING_KEY } from '../../src/platform/audit/signing-key.ts';
import { verifyAudit } from '../../src/platform/audit/verify.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { type TestDatabase, testDatabase } from '../support/database.ts';

/**
 * One database for the file (opening one costs more than the tests that use it); each test starts
 * from an empty audit log in it: the three tables emptied as an attacker would (triggers off), the
 * entries' id sequence restarted, the triggers back on before the test runs.
 */
let database: Promise<TestDatabase> | null = null;
afterAll(async () => {
  await (await database)?.drop();
});

const entry = (i: number, text = 'зміна'): AuditEntry => ({ at: new Date(Date.UTC(2026, 10, 27, 10, i)), action: 'TEST', outcome: 'done', channel: 'system', actorPersonId: null, actingFor: null, subject: `thing:${i}`, detail: { n: i, text } });
const hex = (h: string) => Buffer.from(h, 'hex');

async function fresh(): Promise<{ db: Database; log: ReturnType<typeof createAuditLog> }> {
  database ??= testDatabase();
  const { db } = await database;
  await withTriggersDisabled(db, () => db.exec('TRUNCATE audit_events, audit_tree_nodes, audit_checkpoints RESTART IDENTITY'));
  const [left] = await db.query<{ n: number }>('SELECT (SELECT count(*) FROM audit_events) + (SELECT count(*) FROM audit_tree_nodes) + (SELECT count(*) FROM audit_checkpoints) AS n');
  if (Number(left?.n) !== 0) {
    throw new Error('the audit log was not emptied');
  }
  return { db, log: createAuditLog({ db, clock: systemClock, signingSecret: DEVELOPMENT_AUDIT_SIGNING_KEY }) };
}

/** Five entries, sealed (in batches of `batch`): the log and its checkpoint of five. */
async function sealedFive(batch = 5000) {
  const t = await fresh();
  for (let i = 0; i < 5; i += 1) {
    await t.db.transaction((tx) => appendAudit(tx, entry(i)));
  }
  const sealed = await t.log.seal(batch);
  if (sealed.checkpoint === null) {
    throw new Error('nothing sealed');
  }
  return { ...t, five: sealed.checkpoint };
}

/** What only the tables' owner or a superuser can do: switch the refusing triggers off for a while. */
async function withTriggersDisabled(db: Database, work: () => Promise<unknown>): Promise<void> {
  const tables = ['audit_events', 'audit_tree_nodes', 'audit_checkpoints'];
  await db.exec(tables.map((t) => `ALTER TABLE ${t} DISABLE TRIGGER USER;`).join(' '));
  try {
    await work();
  } finally {
    await db.exec(tables.map((t) => `ALTER TABLE ${t} ENABLE TRIGGER USER;`).join(' '));
  }
}

/** Removes the entries from leaf `keep` on, with their tree nodes and the checkpoints that held them: the log looks as if it had stopped there. */
async function cutBackTo(db: Database, keep: number): Promise<void> {
  await withTriggersDisabled(db, async () => {
    await db.query('DELETE FROM audit_events WHERE leaf_index >= $1', [keep]);
    await db.query('DELETE FROM audit_tree_nodes WHERE (index + 1) * (2 ^ level)::bigint > $1', [keep]);
    await db.query('DELETE FROM audit_checkpoints WHERE tree_size > $1', [keep]);
  });
}

describe('the database refuses rewriting the audit log', () => {
  it('refuses UPDATE, DELETE and TRUNCATE of entries, tree nodes and checkpoints; a leaf index is given once', async () => {
    const { db } = await sealedFive();
    await expect(db.query("UPDATE audit_events SET detail = '{}' WHERE leaf_index = 2")).rejects.toThrow(/append-only/);
    await expect(db.query('UPDATE audit_events SET leaf_index = 7 WHERE leaf_index = 2')).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM audit_events WHERE leaf_index = 4')).rejects.toThrow(/append-only/);
    await expect(db.exec('TRUNCATE audit_events')).rejects.toThrow(/append-only/);
    await expect(db.query("UPDATE audit_tree_nodes SET hash = decode(repeat('00', 32), 'hex') WHERE level = 0 AND index = 0")).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM audit_checkpoints')).rejects.toThrow(/append-only/);
    await expect(db.exec('TRUNCATE audit_tree_nodes')).rejects.toThrow(/append-only/);
    await db.transaction((tx) => appendAudit(tx, entry(9)));
    // The sealer's one UPDATE: an unsealed row gets its leaf index, nothing else changes.
    await expect(db.query("UPDATE audit_events SET leaf_index = 5, subject = 'other' WHERE leaf_index IS NULL")).rejects.toThrow(/append-only/);
    expect(await verifyAudit(db)).toMatchObject({ ok: true, count: 5, unsealed: 1 });
  });
});

describe('the sealer', () => {
  it('gives entries leaf indexes in seal order and signs a checkpoint whose root is the tree of their content', async () => {
    const { db, log, five } = await sealedFive();
    expect(checkpointVerifies(five, log.publicKey.publicKey)).toBe(true);
    expect(five).toMatchObject({ treeSize: 5, keyId: log.publicKey.keyId });
    expect(await db.query('SELECT leaf_index::int AS leaf FROM audit_events ORDER BY id')).toEqual([0, 1, 2, 3, 4].map((leaf) => ({ leaf })));
    expect(await log.seal()).toEqual({ sealed: 0, checkpoint: null, busy: false }); // nothing new: no new checkpoint
    expect(await verifyAudit(db, { publicKey: log.publicKey.publicKey })).toMatchObject({ ok: true, count: 5, unsealed: 0, latest: five });
  });

  it('seals the audit entries of transactions in batches, each batch its own checkpoint', async () => {
    const { db, log } = await fresh();
    for (let i = 0; i < 7; i += 1) {
      await db.transaction((tx) => appendAudit(tx, entry(i)));
    }
    const sealed = await log.seal(3);
    expect(sealed).toMatchObject({ sealed: 7, checkpoint: { treeSize: 7 } });
    expect((await log.checkpoints({ limit: 10 })).map((c) => c.treeSize)).toEqual([7, 6, 3]);
    expect(await verifyAudit(db, { pageSize: 2 })).toMatchObject({ ok: true, count: 7 });
  });

  it.runIf(process.env['TEST_DATABASE_URL'])('never waits for an entry whose transaction commits late: it is sealed by the next run', async () => {
    const { db, log } = await fresh();
    let release!: () => void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    let inserted!: () => void;
    const insertedEarly = new Promise<void>((resolve) => { inserted = resolve; });
    const late = db.transaction(async (tx) => {
      await appendAudit(tx, entry(1, 'late'));
      inserted();
      await held; // the lower id, committed after the others
    });
    await insertedEarly;
    await db.transaction((tx) => appendAudit(tx, entry(2, 'early')));
    expect(await log.seal()).toMatchObject({ sealed: 1, checkpoint: { treeSize: 1 } });
    release();
    await late;
    expect(await log.seal()).toMatchObject({ sealed: 1, checkpoint: { treeSize: 2 } });
    const rows = await db.query<{ detail: { text: string }; leaf: number }>('SELECT detail, leaf_index::int AS leaf FROM audit_events ORDER BY leaf_index');
    expect(rows.map((r) => [r.leaf, r.detail.text])).toEqual([[0, 'early'], [1, 'late']]);
    expect(await verifyAudit(db)).toMatchObject({ ok: true, count: 2 });
  });

  it.runIf(process.env['TEST_DATABASE_URL'])('run by several processes at once, seals each entry once', async () => {
    const { db, log } = await fresh();
    const writers = Array.from({ length: 4 }, (_, w) => (async () => {
      for (let i = 0; i < 25; i += 1) {
        await db.transaction((tx) => appendAudit(tx, entry(i, `writer ${w}`)));
      }
    })());
    const sealers = Array.from({ length: 3 }, async () => {
      for (let i = 0; i < 10; i += 1) {
        await log.seal(7);
      }
    });
    await Promise.all([...writers, ...sealers]);
    await log.seal();
    expect(await db.query('SELECT count(*)::int AS n, count(DISTINCT leaf_index)::int AS leaves, max(leaf_index)::int AS last FROM audit_events')).toEqual([{ n: 100, leaves: 100, last: 99 }]);
    expect(await verifyAudit(db)).toMatchObject({ ok: true, count: 100, unsealed: 0 });
  });
});

describe('proofs', () => {
  it('prove every entry in every checkpoint, and each checkpoint extends the ones before', async () => {
    const { db, log, five } = await sealedFive();
    for (let i = 5; i < 11; i += 1) {
      await db.transaction((tx) => appendAudit(tx, entry(i)));
    }
    const eleven = (await log.seal()).checkpoint as Checkpoint;
    const leaves = await db.query<{ id: number; leaf: number }>('SELECT id::int, leaf_index::int AS leaf FROM audit_events ORDER BY leaf_index');
    for (const c of [five, eleven]) {
      for (const { leaf } of leaves.filter((l) => l.leaf < c.treeSize)) {
        const p = await log.inclusionProof(leaf, c.treeSize);
        expect(p.ok && verifyInclusion(leaf, c.treeSize, hex(p.proof.leafHash), p.proof.path.map(hex), hex(c.rootHash))).toBe(true);
      }
    }
    const [stored] = await db.query<{ id: number }>('SELECT id::int FROM audit_events WHERE leaf_index = 3');
    const byEntry = await log.inclusionProofOfEntry(stored?.id ?? -1, 11);
    expect(byEntry).toMatchObject({ ok: true, proof: { leafIndex: 3, treeSize: 11 } });
    const consistent = await log.consistencyProof(5, 11);
    expect(consistent.ok && verifyConsistency(5, 11, hex(five.rootHash), hex(eleven.rootHash), consistent.proof.path.map(hex))).toBe(true);
    expect(await log.inclusionProof(11, 11)).toEqual({ ok: false, reason: 'beyond-the-tree' });
    expect(await log.consistencyProof(5, 12)).toEqual({ ok: false, reason: 'beyond-the-tree' });
    await db.transaction((tx) => appendAudit(tx, entry(11)));
    const [unsealed] = await db.query<{ id: number }>('SELECT id::int FROM audit_events WHERE leaf_index IS NULL');
    expect(await log.inclusionProofOfEntry(unsealed?.id ?? -1, 11)).toEqual({ ok: false, reason: 'not-sealed' });
  });

  it('hold hashes only: the leaf hash is of the content, which the proof does not carry', async () => {
    const { db, log } = await sealedFive();
    const p = await log.inclusionProof(2, 5);
    const [row] = await db.query<{ id: string; at: Date; detail: Record<string, unknown> }>('SELECT id, at, detail FROM audit_events WHERE leaf_index = 2');
    const e = entry(2);
    expect(p.ok && p.proof.leafHash).toBe(leafOf({ ...e, id: Number(row?.id) }).toString('hex'));
    expect(JSON.stringify(p)).not.toContain('зміна');
    expect(JSON.stringify(p)).not.toContain('thing:2');
  });
});

describe('the verifier, against someone who can switch the triggers off', () => {
  it('names an edited row', async () => {
    const { db } = await sealedFive();
    const [third] = await db.query<{ id: string }>('SELECT id FROM audit_events WHERE leaf_index = 2');
    await withTriggersDisabled(db, () => db.query("UPDATE audit_events SET detail = '{\"n\": 2, \"text\": \"інше\"}' WHERE leaf_index = 2"));
    expect(await verifyAudit(db)).toEqual({ ok: false, id: Number(third?.id), reason: 'its content does not match its hash' });
  });

  it('finds a deleted tail: against the signed checkpoint, and when that too is deleted, against a witness\'s copy', async () => {
    const { db, five } = await sealedFive();
    await withTriggersDisabled(db, () => db.query('DELETE FROM audit_events WHERE leaf_index >= 3'));
    expect(await verifyAudit(db)).toEqual({ ok: false, id: 5, reason: 'the log ends at 3 entries, before the signed checkpoint of 5: entries were deleted' });

    const again = await sealedFive(3); // checkpoints of 3 and of 5 entries
    await cutBackTo(again.db, 3);
    expect(await verifyAudit(again.db)).toMatchObject({ ok: true, count: 3 }); // consistent in itself
    expect(await verifyAudit(again.db, { witness: again.five })).toEqual({
      ok: false, id: 5, reason: 'the log\'s latest checkpoint has 3 entries, fewer than the witness\'s checkpoint of 5: the log was cut back',
    });
    expect(five.treeSize).toBe(5);
  });

  it('finds a row edited with every hash recomputed: by the signature without the key, by the witness with it', async () => {
    const { db, five } = await sealedFive();
    /** Edits leaf 2, forgets the tree and seals the whole log again, signing with `secret`. */
    const rewrite = async (secret: string) => {
      await withTriggersDisabled(db, async () => {
        await db.query("UPDATE audit_events SET detail = '{\"n\": 2, \"text\": \"інше\"}' WHERE leaf_index = 2");
        await db.query('UPDATE audit_events SET leaf_index = NULL');
        await db.query('DELETE FROM audit_tree_nodes');
        await db.query('DELETE FROM audit_checkpoints');
      });
      return createAuditLog({ db, clock: systemClock, signingSecret: secret }).seal();
    };
    await rewrite('an attacker who does not hold the portal\'s key');
    expect(await verifyAudit(db)).toEqual({ ok: false, id: 5, reason: 'the checkpoint of 5 entries is not signed by the portal\'s key' });

    await rewrite(DEVELOPMENT_AUDIT_SIGNING_KEY); // an insider who holds the key as well
    expect(await verifyAudit(db)).toMatchObject({ ok: true, count: 5 }); // consistent in itself, and signed
    expect(await verifyAudit(db, { witness: five })).toEqual({
      ok: false, id: 5, reason: 'the entries up to leaf 5 do not hash to the root of the witness\'s checkpoint: the log was rewritten',
    });
  });

  it('finds a truncated table: against the signed checkpoint, and when everything is truncated, against a witness\'s copy', async () => {
    const { db, five } = await sealedFive();
    await withTriggersDisabled(db, () => db.exec('TRUNCATE audit_events'));
    expect(await verifyAudit(db)).toEqual({ ok: false, id: 5, reason: 'the log ends at 0 entries, before the signed checkpoint of 5: entries were deleted' });
    await withTriggersDisabled(db, () => db.exec('TRUNCATE audit_tree_nodes, audit_checkpoints'));
    expect(await verifyAudit(db)).toMatchObject({ ok: true, count: 0, latest: null });
    expect(await verifyAudit(db, { witness: five })).toEqual({
      ok: false, id: 5, reason: 'the log\'s latest checkpoint has 0 entries, fewer than the witness\'s checkpoint of 5: the log was cut back',
    });
  });

  it('refuses a witness\'s checkpoint that the portal did not sign', async () => {
    const { db, five } = await sealedFive();
    expect(await verifyAudit(db, { witness: { ...five, treeSize: 4 } })).toEqual({ ok: false, id: 4, reason: 'the witness\'s checkpoint is not signed by the portal\'s key' });
    expect(await verifyAudit(db, { witness: five })).toMatchObject({ ok: true, count: 5 });
  });
});
