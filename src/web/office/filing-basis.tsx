import { type AssistedFilingRecord, type Attachment, SCANS_FIELD } from '../../modules/applications/index.ts';
import type { StaffRole } from '../../modules/identity/index.ts';
import type { PageContext } from '../common/layout.tsx';
import { type SummaryRow, SummaryList } from '../common/govuk.tsx';
import { AttachmentFile } from './attachment-file.tsx';
import { Day, When } from './format.tsx';

/** The filing staff member's role in the words of the case's history (staff file as clerks, front desk or contact centre). */
const roleKey = (role: StaffRole) => (role === 'clerk' || role === 'front-desk' || role === 'contact-centre' ? `timeline.role.${role}` as const : 'timeline.role.staff' as const);

export interface FilingBasisView {
  readonly filing: AssistedFilingRecord;
  /** The centre's name of a filing at a front desk (null: none, or not in the catalogue any more). */
  readonly centreName: string | null;
}

/**
 * How staff filed the case for its applicant, on the back office's case page: the channel, who filed it
 * and in which role, the basis they acted on; for post the sender, the address and the day received (the
 * term starts then) and the scanned pages; at a front desk the centre. Nothing for a case the person filed.
 */
export function FilingBasis({ ctx, caseId, basis, attachments }: { ctx: PageContext; caseId: string; basis: FilingBasisView | null; attachments: readonly Attachment[] }) {
  if (basis === null) {
    return null;
  }
  const { t, lang } = ctx;
  const f = basis.filing;
  const scans = attachments.filter((a) => a.field === SCANS_FIELD);
  const rows: SummaryRow[] = [
    { key: t('office.filing.channel'), value: t(`channel.case.${f.channel}`) },
    { key: t(`office.filing.staff.${f.channel}`), value: t('office.filing.staffName', { name: f.staffName, role: t(roleKey(f.staffRole)) }) },
    ...(basis.centreName === null ? [] : [{ key: t('office.filing.centre'), value: basis.centreName }]),
    { key: t('office.filing.basis'), value: t(`assisted.basis.${f.basis}`) },
    ...(f.sender === null ? [] : [{ key: t('office.filing.sender'), value: <span class="app-office-text">{f.sender}</span> }]),
    ...(f.postalAddress === null ? [] : [{ key: t('office.filing.address'), value: <span class="app-office-text">{f.postalAddress}</span> }]),
    ...(f.receivedOn === null ? [] : [{ key: t('office.filing.received'), value: <Day lang={lang} day={f.receivedOn} /> }]),
    { key: t('office.filing.recorded'), value: <When lang={lang} at={f.createdAt} /> },
    ...(f.channel !== 'post' && scans.length === 0 ? [] : [{
      key: t('office.filing.scans'),
      value: scans.length === 0 ? t('office.filing.noScans') : <ul class="govuk-list">{scans.map((a) => <li key={a.id}><AttachmentFile ctx={ctx} caseId={caseId} file={a} /></li>)}</ul>,
    }]),
  ];
  return (
    <section aria-labelledby="filing-title">
      <h2 class="govuk-heading-m" id="filing-title">{t('office.filing.title')}</h2>
      <SummaryList t={t} rows={rows} />
    </section>
  );
}
