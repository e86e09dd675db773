/**
 * The exchange's request signature (ADR 0024, made with node:crypto since ADR 0028) is a standard compact
 * JWS: `jose` verifies what the exchange signs, the exchange verifies what `jose` signs with the same key,
 * and anything else — another key, a payload or header edited, an algorithm other than EdDSA, a critical
 * header it does not understand, a malformed token — is refused. The coalesced log writes settle each
 * caller with its own outcome, a replayed id in the same statement included.
 */
import { randomUUID } from 'node:crypto';
import { CompactSign, compactVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '../../src/platform/db/database.ts';
import { memberKey, messageLogRepository, signRequest } from '../../src/platform/exchange/index.ts';
import { claimRequestId, logMessage } from '../../src/platform/exchange/message-log.ts';
import { verifySignature } from '../../src/platform/exchange/signature.ts';
import { type TestDatabase, testDatabase } from '../support/database.ts';

const key = memberKey('PORTICO-DEV/GOV/00000001', 'a-signature-test-secret-of-at-least-thirty-two-bytes');
const other = memberKey('PORTICO-DEV/GOV/00000001', 'another-signature-test-secret-of-thirty-two-bytes');
const request = { method: 'POST', path: '/r1/PORTICO-DEV/GOV/00000002/population/person', client: 'PORTICO-DEV/GOV/00000001/portal', id: randomUUID(), userId: 'u', issue: 'i', digest: 'd', iat: 1_800_000_000 };
const keys = [{ keyId: key.keyId, publicKey: key.publicKey }];
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

describe('the request signature', () => {
  it('is a compact JWS that jose verifies, and the exchange verifies jose\'s', async () => {
    const jws = await signRequest(key, request);
    const { payload, protectedHeader } = await compactVerify(jws, key.publicKey, { algorithms: ['EdDSA'] });
    expect(protectedHeader).toEqual({ alg: 'EdDSA', kid: key.keyId });
    expect(JSON.parse(new TextDecoder().decode(payload))).toEqual(request);
    const byJose = await new CompactSign(new TextEncoder().encode(JSON.stringify(request))).setProtectedHeader({ alg: 'EdDSA', kid: key.keyId }).sign(key.privateKey);
    expect(await verifySignature(byJose, keys)).toEqual(request);
    expect(await verifySignature(jws, keys)).toEqual(request);
  });

  it('refuses another key, an edited payload or header, another algorithm, a critical header and a malformed token', async () => {
    const jws = await signRequest(key, request);
    const [head, body, signature] = jws.split('.') as [string, string, string];
    const byOther = await signRequest(other, request);
    const otherSignature = byOther.split('.')[2];
    const crit = await new CompactSign(new TextEncoder().encode(JSON.stringify(request))).setProtectedHeader({ alg: 'EdDSA', kid: key.keyId, crit: ['exp'], exp: 1 }).sign(key.privateKey).catch(() => null);
    const cases = [
      `${head}.${body}.${otherSignature}`,
      `${head}.${b64({ ...request, issue: 'edited' })}.${signature}`,
      `${b64({ alg: 'EdDSA', kid: key.keyId, typ: 'x' })}.${body}.${signature}`,
      `${b64({ alg: 'HS256', kid: key.keyId })}.${body}.${signature}`,
      `${b64({ alg: 'EdDSA', kid: 'unknown' })}.${body}.${signature}`,
      `${b64({ alg: 'EdDSA', kid: key.keyId, crit: ['x'], x: 1 })}.${body}.${signature}`,
      `${head}.${body}`,
      `${head}.${body}.${signature}.x`,
      `${head}.${body}.${signature}!`,
      '',
    ];
    for (const token of cases) {
      expect(await verifySignature(token, keys)).toBe(null);
    }
    if (crit !== null) {
      expect(await verifySignature(crit, keys)).toBe(null);
    }
  });
});

describe('the coalesced log writes', () => {
  let t: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    t = await testDatabase();
    db = t.db;
  });
  afterAll(async () => t.drop());

  it('claims each id once among concurrent claims, the same id twice at once included, and logs every message', async () => {
    const ids = Array.from({ length: 40 }, () => randomUUID());
    const at = new Date();
    const claims = await Promise.all([...ids, ids[0]!, ids[1]!].map((id) => claimRequestId(db, 'M/C/1/s', id, at)));
    expect(claims.filter(Boolean)).toHaveLength(40);
    expect(claims.slice(40)).toEqual([false, false]);
    expect(await Promise.all(ids.slice(0, 3).map((id) => claimRequestId(db, 'M/C/1/s', id, at)))).toEqual([false, false, false]);
    expect(await claimRequestId(db, 'M/C/1/other', ids[0]!, at)).toBe(true); // another member's log
    await Promise.all(ids.map((id, i) => logMessage(db, {
      member: 'M/C/1/s', side: 'provider', requestId: id, client: 'M/C/2/c', service: 'M/C/1/s/x', issue: `i${i}`, userId: null, requestDigest: 'r', responseDigest: null,
      at, outcome: 'done', error: null, status: i,
    })));
    for (const [i, id] of ids.entries()) {
      expect((await messageLogRepository.byRequestId(db, id)).map((r) => [r.issue, r.status])).toEqual([[`i${i}`, i]]);
    }
  });
});
