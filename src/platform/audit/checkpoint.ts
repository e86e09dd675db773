/**
 * A signed checkpoint of the audit log: the tree's size and root hash at a time, signed with the
 * portal's Ed25519 key. The portal publishes every checkpoint; anyone may keep copies elsewhere (a
 * witness) and later ask the portal to prove the log only grew since (a consistency proof).
 */
import { type AuditSigningKey, keyIdOf, verifySignature } from './signing-key.ts';

export interface Checkpoint {
  readonly treeSize: number;
  /** The RFC 9162 root hash, hex. */
  readonly rootHash: string;
  readonly signedAt: string;
  readonly keyId: string;
  /** Ed25519 over `signedText`, base64url. */
  readonly signature: string;
}

/** The bytes a checkpoint's signature covers: one field a line. */
export const signedText = (c: Pick<Checkpoint, 'treeSize' | 'rootHash' | 'signedAt'>): Buffer =>
  Buffer.from(`portico audit log\n${c.treeSize}\n${c.rootHash}\n${c.signedAt}\n`, 'utf8');

export function signCheckpoint(head: Pick<Checkpoint, 'treeSize' | 'rootHash' | 'signedAt'>, key: AuditSigningKey): Checkpoint {
  return { ...head, keyId: key.keyId, signature: key.sign(signedText(head)) };
}

export function checkpointVerifies(c: Checkpoint, publicKey: string): boolean {
  return c.keyId === keyIdOf(Buffer.from(publicKey, 'base64url')) && verifySignature(publicKey, signedText(c), c.signature);
}

/** A checkpoint kept outside the portal (its JSON as published); a reason when it is not one. */
export function parseCheckpoint(text: string): { ok: true; checkpoint: Checkpoint } | { ok: false; reason: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'it is not JSON' };
  }
  const p = (parsed ?? {}) as Partial<Record<keyof Checkpoint, unknown>>;
  if (typeof p.treeSize !== 'number' || !Number.isSafeInteger(p.treeSize) || p.treeSize < 1 || typeof p.rootHash !== 'string' || !/^[0-9a-f]{64}$/.test(p.rootHash)
    || typeof p.signedAt !== 'string' || typeof p.keyId !== 'string' || typeof p.signature !== 'string') {
    return { ok: false, reason: 'it lacks its tree size, root hash, time, key or signature' };
  }
  return { ok: true, checkpoint: { treeSize: p.treeSize, rootHash: p.rootHash, signedAt: p.signedAt, keyId: p.keyId, signature: p.signature } };
}
