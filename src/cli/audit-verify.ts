/**
 * Verifies the audit log (ADR 0016): reads every sealed entry in leaf order a page at a time (constant
 * memory), recomputes the Merkle tree from the entries' content, and checks every signed checkpoint
 * against it; the log must reach the latest checkpoint. An entry edited, a tail deleted, the table
 * truncated: each is named.
 *   npm run audit:verify
 *   npm run audit:verify -- --checkpoint FILE [--public-key KEY]
 * FILE is a checkpoint kept outside the portal (a witness's copy, as published at
 * /transparency/audit/checkpoints/latest): the log must still hold it and prove it only grew since.
 * When it does, FILE is replaced by the latest checkpoint. KEY is the public key checkpoints are signed
 * with (base64url); by default the key of AUDIT_SIGNING_KEY.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';

import { type Checkpoint, parseCheckpoint } from '../platform/audit/checkpoint.ts';
import { verifyAudit } from '../platform/audit/verify.ts';
import { argValue, type CliIo, cliServices, runIfScript } from './cli-services.ts';

async function readWitness(file: string): Promise<{ ok: true; checkpoint: Checkpoint | null } | { ok: false; reason: string }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return { ok: true, checkpoint: null }; // the first verification: it writes the first copy
    }
    throw error;
  }
  const parsed = parseCheckpoint(text);
  return parsed.ok ? { ok: true, checkpoint: parsed.checkpoint } : parsed;
}

export async function auditVerify(args: readonly string[], io: CliIo): Promise<number> {
  const file = argValue(args, '--checkpoint');
  const services = await cliServices(io);
  if (services === null) {
    return 2;
  }
  try {
    const publicKey = argValue(args, '--public-key') ?? services.auditLog.publicKey.publicKey;
    const read = file === undefined ? { ok: true as const, checkpoint: null } : await readWitness(file);
    if (!read.ok) {
      io.err(`The checkpoint ${file ?? ''} cannot be read: ${read.reason}.\n`);
      return 1;
    }
    const witness = read.checkpoint;
    const verdict = await verifyAudit(services.db, { publicKey, ...(witness === null ? {} : { witness }) });
    if (!verdict.ok) {
      const against = witness === null ? '' : ` (checked against the kept checkpoint of ${witness.treeSize} entries, ${witness.signedAt})`;
      io.err(`The audit log has been tampered with at ${verdict.id}: ${verdict.reason}${against}.\n`);
      return 1;
    }
    if (file !== undefined && verdict.latest !== null) {
      await writeFile(`${file}.tmp`, `${JSON.stringify(verdict.latest, null, 2)}\n`);
      await rename(`${file}.tmp`, file);
    }
    const head = verdict.latest === null ? 'no checkpoint yet' : `the checkpoint of ${verdict.latest.signedAt} (root ${verdict.latest.rootHash})`;
    const since = witness === null ? '' : `; it only grew since the kept checkpoint of ${witness.treeSize} entries (${verdict.count - witness.treeSize} more)`;
    io.out(`The audit log is intact: ${verdict.count} entries in ${head}, ${verdict.unsealed} not sealed yet${since}.\n`);
    return 0;
  } finally {
    await services.db.close();
  }
}

await runIfScript(import.meta, auditVerify);
