import { createHmac, timingSafeEqual } from 'node:crypto';

import type { AuditPosition } from './audit.ts';

/**
 * A checkpoint of the audit chain kept outside the database: the last entry a verification saw,
 * when, and an HMAC-SHA256 over both with a key the database never holds. Whoever can rewrite the
 * database (triggers disabled, head rolled back, hashes recomputed) cannot forge a checkpoint.
 */
export interface AuditCheckpoint extends AuditPosition {
  readonly verifiedAt: string;
}

const signed = (c: AuditCheckpoint) => `portico-audit-checkpoint\n${c.position}\n${c.hash}\n${c.verifiedAt}`;
const macOf = (c: AuditCheckpoint, key: string) => createHmac('sha256', key).update(signed(c)).digest('hex');

/** The checkpoint as the text of its file. */
export function sealCheckpoint(c: AuditCheckpoint, key: string): string {
  return `${JSON.stringify({ position: c.position, hash: c.hash, verifiedAt: c.verifiedAt, hmac: macOf(c, key) }, null, 2)}\n`;
}

/** Reads a checkpoint file's text; a reason when it is malformed or its signature does not match the key. */
export function openCheckpoint(text: string, key: string): { ok: true; checkpoint: AuditCheckpoint } | { ok: false; reason: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'the checkpoint is not JSON' };
  }
  const p = parsed as Partial<Record<'position' | 'hash' | 'verifiedAt' | 'hmac', unknown>>;
  if (typeof p.position !== 'number' || !Number.isSafeInteger(p.position) || p.position < 0 || typeof p.hash !== 'string' || typeof p.verifiedAt !== 'string' || typeof p.hmac !== 'string') {
    return { ok: false, reason: 'the checkpoint lacks its position, hash, time or signature' };
  }
  const checkpoint: AuditCheckpoint = { position: p.position, hash: p.hash, verifiedAt: p.verifiedAt };
  const expected = Buffer.from(macOf(checkpoint, key), 'hex');
  const given = Buffer.from(p.hmac, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'the checkpoint\'s signature does not match AUDIT_CHECKPOINT_KEY' };
  }
  return { ok: true, checkpoint };
}
