import type { ukStorage } from './uk-storage.ts';
import type { Copy } from '../locales/copy.ts';

/** English copy of quotas, full storage, files with answers and active-content warnings; spread into en.ts. */
export const enStorage: Copy<typeof ukStorage> = {
  'applyError.quota-drafts': 'You can keep at most {n} applications in progress. Submit or delete one before starting another.',
  'applyError.quota-bytes': 'The files of your applications in progress and answers can take at most {mb} MB. Remove a file or delete an application you no longer need.',
  'applyError.too-many-files': 'Attach at most {n} files to one answer.',
  'applyError.storage-full': 'The portal cannot store anything at the moment: its storage is full. Nothing was saved. Please try again later.',
  'storageFull.title': 'The portal’s storage is full',
  'cases.answerFiles': 'Files (optional)',
  'cases.answerFilesHint': 'PDF, JPEG or PNG, up to {mb} MB each, {n} files at most.',
  'cases.answerFilesSent': 'Files sent with the answer',
  'office.requests.files': 'Files with the answer',
  'office.activeContent': 'Warning: this PDF contains JavaScript or actions that run when it is opened. Open it only in a viewer with JavaScript turned off.',
};
