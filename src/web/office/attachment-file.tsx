import type { Attachment } from '../../modules/applications/index.ts';
import { paths } from '../common/paths.ts';
import type { PageContext } from '../common/layout.tsx';
import { formatSize } from './format.tsx';

/** A case file as the officer sees it: the download link, its type, size and hash, and a warning when a PDF carries active content. */
export function AttachmentFile({ ctx, caseId, file }: { ctx: PageContext; caseId: string; file: Attachment }) {
  const { t, lang } = ctx;
  return (
    <>
      <a href={paths.officeAttachment(lang, caseId, file.id)}>{t('office.answers.download', { name: file.filename })}</a>
      <br /><span class="hint">{t('office.answers.fileFacts', { type: file.contentType, size: formatSize(t, file.sizeBytes) })}</span>
      <br /><span class="office-hash">{t('office.answers.sha256', { hash: file.sha256 })}</span>
      {file.activeContent ? <p class="notice warning" role="note"><strong>{t('office.activeContent')}</strong></p> : null}
    </>
  );
}
