/**
 * Verifies the tamper-evident audit log: every row's hash covers its content and the previous row's
 * hash, so an edited or deleted row is found and named.
 *   npm run audit:verify
 *   npm run audit:verify -- --checkpoint FILE
 * With a checkpoint file (signed with AUDIT_CHECKPOINT_KEY), the chain must also still reach the last
 * entry verified before, with the same hash; when it does, the file is replaced by a checkpoint of
 * the chain as it is now. Keep the file where the database's administrators cannot write.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';

import { type AuditCheckpoint, openCheckpoint, sealCheckpoint } from '../platform/audit/audit-checkpoint.ts';
import { verifyAudit } from '../platform/audit/audit.ts';
import { argValue, type CliIo, cliServices, runIfScript } from './cli-services.ts';

async function readCheckpoint(file: string, key: string): Promise<{ ok: true; checkpoint: AuditCheckpoint | null } | { ok: false; reason: string }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return { ok: true, checkpoint: null }; // the first verification: it writes the first checkpoint
    }
    throw error;
  }
  const opened = openCheckpoint(text, key);
  return opened.ok ? { ok: true, checkpoint: opened.checkpoint } : opened;
}

export async function auditVerify(args: readonly string[], io: CliIo): Promise<number> {
  const file = argValue(args, '--checkpoint');
  const services = await cliServices(io);
  if (services === null) {
    return 2;
  }
  try {
    const key = services.config.auditCheckpointKey;
    if (file !== undefined && key === null) {
      io.err('--checkpoint needs AUDIT_CHECKPOINT_KEY (the key that signs the checkpoint file).\n');
      return 2;
    }
    const read = file === undefined || key === null ? { ok: true as const, checkpoint: null } : await readCheckpoint(file, key);
    if (!read.ok) {
      io.err(`The checkpoint ${file ?? ''} cannot be trusted: ${read.reason}.\n`);
      return 1;
    }
    const verdict = await verifyAudit(services.db, read.checkpoint === null ? {} : { checkpoint: read.checkpoint });
    if (!verdict.ok) {
      const against = read.checkpoint === null ? '' : ` (checked against the checkpoint of ${read.checkpoint.verifiedAt}: row ${read.checkpoint.position}, ${read.checkpoint.hash})`;
      io.err(`The audit log has been tampered with at record ${verdict.id}: ${verdict.reason}${against}.\n`);
      return 1;
    }
    if (file !== undefined && key !== null) {
      const next: AuditCheckpoint = { ...verdict.last, verifiedAt: new Date().toISOString() };
      await writeFile(`${file}.tmp`, sealCheckpoint(next, key), { mode: 0o600 });
      await rename(`${file}.tmp`, file);
    }
    const since = read.checkpoint === null ? '' : `, ${verdict.count - read.checkpoint.position} since the checkpoint of ${read.checkpoint.verifiedAt}`;
    io.out(`The audit log is intact: ${verdict.count} records${since}.\n`);
    return 0;
  } finally {
    await services.db.close();
  }
}

await runIfScript(import.meta, auditVerify);
