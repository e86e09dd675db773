import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { AttachmentStore } from '../attachment-contents.repository.ts';

/** Attachment contents as files `<dir>/<first two hex digits>/<sha256>`, written atomically (temporary file, then rename). */
export function directoryAttachmentStore(dir: string): AttachmentStore {
  const pathOf = (sha256: string) => join(dir, sha256.slice(0, 2), sha256);
  return {
    kind: 'directory',
    async put(_tx, sha256, bytes) {
      await mkdir(join(dir, sha256.slice(0, 2)), { recursive: true });
      const temporary = `${pathOf(sha256)}.${process.pid}.${Date.now()}.tmp`;
      await writeFile(temporary, bytes);
      await rename(temporary, pathOf(sha256));
    },
    async get(_db, sha256) {
      try {
        return new Uint8Array(await readFile(pathOf(sha256)));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
          return null;
        }
        throw e;
      }
    },
  };
}
