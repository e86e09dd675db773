import type { Attachment } from '../../modules/applications/index.ts';
import { paths } from '../common/paths.ts';
import type { PageContext } from '../common/layout.tsx';
import { WarningText } from '../common/govuk.tsx';
import { formatSize } from './format.tsx';

/** A case file as the officer sees it: the download link, its type, size and hash, and a warning when a PDF carries active content. */
export function AttachmentFile({ ctx, caseId, file }: { ctx: PageContext; caseId: string; file: Attachment }) {
  const { t, lang } = ctx;
  return (
    <>
      <a class="govuk-link" href={paths.officeAttachment(lang, caseId, file.id)}>{t('office.answers.download', { name: file.filename })}</a>
      <div class="govuk-hint govuk-!-margin-bottom-0 govuk-!-font-size-16 app-break-anywhere">{t('office.answers.fileFacts', { type: file.contentType, size: formatSize(t, file.sizeBytes) })}</div>
      <div class="govuk-hint govuk-!-margin-bottom-0 app-office-hash">{t('office.answers.sha256', { hash: file.sha256 })}</div>
      {file.activeContent ? <WarningText t={t}>{t('office.activeContent')}</WarningText> : null}
    </>
  );
}
