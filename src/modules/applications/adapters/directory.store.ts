import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { AttachmentStore } from '../attachment-contents.repository.ts';

const SHA256 = /^[0-9a-f]{64}$/;

const ignoreMissing = (e: unknown) => {
  if ((e as NodeJS.ErrnoException).code !== 'ENOENT') {
    throw e;
  }
};

/**
 * Attachment contents as files `<dir>/<first two hex digits>/<sha256>`, written atomically: a
 * temporary file, then rename. The temporary file is removed whatever happens (a full disk, a
 * quota), so nothing half-written is ever left or read. `io` is the file system's write (a test
 * may pass one that fails as a full disk does).
 */
export function directoryAttachmentStore(dir: string, io: { readonly writeFile: typeof writeFile } = { writeFile }): AttachmentStore {
  const pathOf = (sha256: string) => {
    if (!SHA256.test(sha256)) {
      throw new Error('an attachment content is named by its SHA-256');
    }
    return join(dir, sha256.slice(0, 2), sha256);
  };
  return {
    kind: 'directory',
    async put(_tx, sha256, bytes) {
      const target = pathOf(sha256);
      await mkdir(join(dir, sha256.slice(0, 2)), { recursive: true });
      const temporary = `${target}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        await io.writeFile(temporary, bytes, { flag: 'wx' });
        await rename(temporary, target);
      } finally {
        await unlink(temporary).catch(ignoreMissing);
      }
    },
    async get(_db, sha256) {
      try {
        return new Uint8Array(await readFile(pathOf(sha256)));
      } catch (e) {
        ignoreMissing(e);
        return null;
      }
    },
    async remove(_tx, sha256) {
      await unlink(pathOf(sha256)).catch(ignoreMissing);
    },
  };
}
