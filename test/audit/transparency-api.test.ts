/**
 * The audit log's public URLs: checkpoints and the key that verifies them, inclusion and consistency
 * proofs that verify against those checkpoints — hashes only, never an entry's content.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { appendAudit, type AuditEntry } from '../../src/platform/audit/audit.ts';
import { type Checkpoint, checkpointVerifies } from '../../src/platform/audit/checkpoint.ts';
import { verifyConsistency, verifyInclusion } from '../../src/platform/audit/merkle.ts';
import { type TestApp, testApp } from '../support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => t.close());

const BASE = '/api/v1/transparency/audit';
const entry = (i: number): AuditEntry => ({ at: new Date(), action: 'TEST', outcome: 'done', channel: 'system', actorPersonId: null, actingFor: null, subject: `person:секрет-${i}`, detail: { name: 'Олена Коваль' } });
const get = async <T>(url: string): Promise<{ status: number; body: T }> => {
  const r = await t.app.inject({ method: 'GET', url });
  return { status: r.statusCode, body: r.json<T>() };
};
const hex = (h: string) => Buffer.from(h, 'hex');

describe('the audit log\'s transparency URLs', () => {
  it('publish signed checkpoints that verify under the published key, and proofs between and into them', async () => {
    for (let i = 0; i < 3; i += 1) {
      await t.services.db.transaction((tx) => appendAudit(tx, entry(i)));
    }
    await t.services.auditLog.seal();
    const first = (await get<Checkpoint>(`${BASE}/checkpoints/latest`)).body;
    for (let i = 3; i < 9; i += 1) {
      await t.services.db.transaction((tx) => appendAudit(tx, entry(i)));
    }
    await t.services.auditLog.seal();
    const key = (await get<{ keyId: string; algorithm: string; publicKey: string }>(`${BASE}/public-key`)).body;
    const latest = await get<Checkpoint>(`${BASE}/checkpoints/latest`);
    expect(latest.status).toBe(200);
    expect(checkpointVerifies(latest.body, key.publicKey)).toBe(true);
    expect(checkpointVerifies(first, key.publicKey)).toBe(true);
    expect(key).toMatchObject({ algorithm: 'Ed25519', keyId: latest.body.keyId });

    const list = await get<{ items: Checkpoint[] }>(`${BASE}/checkpoints?limit=1`);
    expect(list.body.items).toEqual([latest.body]);
    expect((await get<{ items: Checkpoint[] }>(`${BASE}/checkpoints?before=${latest.body.treeSize}&limit=1`)).body.items).toEqual([first]);

    const consistency = await get<{ path: string[] }>(`${BASE}/proofs/consistency?from=${first.treeSize}&to=${latest.body.treeSize}`);
    expect(verifyConsistency(first.treeSize, latest.body.treeSize, hex(first.rootHash), hex(latest.body.rootHash), consistency.body.path.map(hex))).toBe(true);

    const [row] = await t.services.db.query<{ id: string; leaf: number }>("SELECT id, leaf_index::int AS leaf FROM audit_events WHERE subject = 'person:секрет-4'");
    const byEntry = await get<{ leafIndex: number; leafHash: string; path: string[] }>(`${BASE}/proofs/inclusion?entry=${row?.id}&size=${latest.body.treeSize}`);
    expect(byEntry.status).toBe(200);
    expect(byEntry.body.leafIndex).toBe(row?.leaf);
    expect(verifyInclusion(byEntry.body.leafIndex, latest.body.treeSize, hex(byEntry.body.leafHash), byEntry.body.path.map(hex), hex(latest.body.rootHash))).toBe(true);
    const byLeaf = await t.app.inject({ method: 'GET', url: `${BASE}/proofs/inclusion?leaf=${row?.leaf}&size=${latest.body.treeSize}` });
    expect(byLeaf.json()).toEqual(byEntry.body);
    expect(byLeaf.body).not.toContain('секрет');
    expect(byLeaf.body).not.toContain('Коваль');
  });

  it('refuses proofs beyond the signed tree and entries not sealed', async () => {
    const latest = (await get<Checkpoint>(`${BASE}/checkpoints/latest`)).body;
    expect((await get<{ code: string }>(`${BASE}/proofs/consistency?from=1&to=${latest.treeSize + 1}`)).body).toMatchObject({ status: 400, code: 'audit.beyond_tree' });
    expect((await get<{ code: string }>(`${BASE}/proofs/inclusion?leaf=${latest.treeSize}&size=${latest.treeSize}`)).body).toMatchObject({ status: 400, code: 'audit.beyond_tree' });
    expect((await get(`${BASE}/proofs/inclusion?size=1`)).status).toBe(400);
    await t.services.db.transaction((tx) => appendAudit(tx, entry(99)));
    const [row] = await t.services.db.query<{ id: string }>('SELECT id FROM audit_events WHERE leaf_index IS NULL');
    expect((await get(`${BASE}/proofs/inclusion?entry=${row?.id}&size=${latest.treeSize}`))).toMatchObject({ status: 404, body: { code: 'audit.not_sealed' } });
  });
});
