import type { AwaitingCollection, Collection } from '../../modules/collection/index.ts';
import type { CaseRecord } from '../../modules/cases/index.ts';
import type { Centre } from '../../modules/catalogue/index.ts';
import { ID_DOCUMENT_TYPES, MAX_BASIS, MAX_NAME, RECIPIENTS } from '../../modules/collection/index.ts';
import { Button, ErrorSummary, type FieldError, NotificationBanner, SummaryList, TableScroll } from '../common/components.tsx';
import { DateInput, Radios, Select, TextInput } from '../common/inputs.tsx';
import type { DateParts } from '../common/form-values.ts';
import { formatDay, formatInstant } from '../common/dates.ts';
import { Layout, type PageContext } from '../common/layout.tsx';
import { OfficeNav, type OfficeNavItems } from '../office/office-nav.tsx';
import { PATHS, paths } from '../common/paths.ts';
import type { TextKey } from '../locales/messages.ts';

/** What the last action did, shown once in a banner (from the redirect's query). */
export type DeskNote = { readonly kind: 'handed-over' | 'cancelled' | 'marked'; readonly number: string };

const NOTE_KEYS: Record<DeskNote['kind'], TextKey> = { 'handed-over': 'collection.desk.handedOver', cancelled: 'collection.desk.cancelled', marked: 'collection.desk.marked' };

export interface DeskListView {
  readonly centre: Centre;
  readonly items: readonly AwaitingCollection[];
  readonly query: string;
  readonly csrf: string;
  readonly note: DeskNote | null;
  readonly errors: readonly FieldError[];
  readonly nav: OfficeNavItems;
  /** The marking form as typed, after a refusal. */
  readonly caseNumber: string;
  readonly collectBy: DateParts;
}

/** The front desk's results awaiting collection at their centre: search, the list, and marking another result ready here. */
export function CollectionsPage({ ctx, view }: { ctx: PageContext; view: DeskListView }) {
  const { t, lang } = ctx;
  const errorOf = (field: string) => view.errors.find((e) => e.field === field)?.message;
  const th = (text: string) => <th scope="col" class="govuk-table__header">{text}</th>;
  return (
    <Layout ctx={ctx} title={t('collection.desk.title')} searchBox={false} wide crumbs={[{ href: paths.staffHome(lang), label: t('staff.title') }]}>
      <OfficeNav ctx={ctx} items={view.nav} current="collections" />
      <ErrorSummary ctx={ctx} errors={view.errors} />
      {view.note === null ? null : <NotificationBanner t={t} kind="success" heading={t(NOTE_KEYS[view.note.kind], { number: view.note.number })} />}
      <span class="govuk-caption-l app-break-anywhere">{view.centre.name[lang]}</span>
      <h1 class="govuk-heading-l">{t('collection.desk.title')}</h1>
      <p class="govuk-body">{t('collection.desk.lead')}</p>
      <form method="get" action={PATHS.collections.url(lang)} class="govuk-!-margin-bottom-6">
        <TextInput t={t} name="q" label={t('collection.desk.search')} value={view.query} width={20} maxLength={100} />
        <Button kind="secondary">{t('collection.desk.searchButton')}</Button>
      </form>
      {view.items.length === 0 ? <p class="govuk-body">{view.query === '' ? t('collection.desk.none') : t('collection.desk.noneFound', { query: view.query })}</p> : (
        <TableScroll label={t('collection.desk.title')}>
          <table class="govuk-table">
            <thead class="govuk-table__head"><tr class="govuk-table__row">{th(t('collection.desk.case'))}{th(t('collection.desk.who'))}{th(t('collection.desk.since'))}{th(t('collection.desk.by'))}</tr></thead>
            <tbody class="govuk-table__body">
              {view.items.map((k) => (
                <tr class="govuk-table__row" key={k.id}>
                  <td class="govuk-table__cell">
                    <a class="govuk-link app-nowrap" href={PATHS.collection.url(lang, { id: k.id })} aria-label={t('collection.desk.openFor', { number: k.caseNumber })}>{k.caseNumber}</a>
                  </td>
                  <td class="govuk-table__cell">{k.partyKind === 'self' ? k.applicantName : `${k.partyName} (${k.applicantName})`}</td>
                  <td class="govuk-table__cell">{formatInstant(k.readyAt, lang)}</td>
                  <td class="govuk-table__cell">{k.collectBy === null ? '—' : formatDay(k.collectBy, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <h2 class="govuk-heading-m">{t('collection.desk.markTitle')}</h2>
      <form method="post" action={PATHS.collectionsReady.url(lang)} novalidate>
        <input type="hidden" name="_csrf" value={view.csrf} />
        <TextInput t={t} name="caseNumber" label={t('collection.desk.caseNumber')} value={view.caseNumber} width={10} maxLength={20} error={errorOf('caseNumber')} />
        <DateInput t={t} name="collectBy" legend={t('collection.collectBy')} hint={t('collection.collectByHint')} value={view.collectBy} error={errorOf('collectBy')} />
        <Button>{t('collection.markReady')}</Button>
      </form>
    </Layout>
  );
}

export interface HandoverView {
  readonly collection: Collection;
  readonly case: CaseRecord;
  readonly serviceName: string;
  readonly centre: Centre;
  readonly csrf: string;
  readonly errors: readonly FieldError[];
  readonly values: Readonly<Record<string, string>>;
}

/** The handover form: who receives the result, on what basis, and the identity document checked. */
export function HandoverPage({ ctx, view }: { ctx: PageContext; view: HandoverView }) {
  const { t, lang } = ctx;
  const c = view.case;
  const errorOf = (field: string) => view.errors.find((e) => e.field === field)?.message;
  const title = t('collection.handover.title', { number: c.number });
  return (
    <Layout ctx={ctx} title={title} searchBox={false} crumbs={[{ href: paths.staffHome(lang), label: t('staff.title') }, { href: PATHS.collections.url(lang), label: t('collection.desk.title') }]}>
      <ErrorSummary ctx={ctx} errors={view.errors} />
      <span class="govuk-caption-l app-break-anywhere">{view.centre.name[lang]}</span>
      <h1 class="govuk-heading-l app-break-anywhere">{title}</h1>
      <SummaryList t={t} rows={[
        { key: t('collection.handover.party'), value: c.party.kind === 'self' ? c.applicantName : `${c.party.name} (${c.applicantName})` },
        { key: t('collection.handover.service'), value: view.serviceName },
        { key: t('collection.handover.since'), value: formatInstant(view.collection.readyAt, lang) },
        ...(view.collection.collectBy === null ? [] : [{ key: t('collection.desk.by'), value: formatDay(view.collection.collectBy, lang) }]),
      ]} />
      <form method="post" action={PATHS.collectionHandOver.url(lang, { id: view.collection.id })} novalidate>
        <input type="hidden" name="_csrf" value={view.csrf} />
        <Radios t={t} name="recipient" legend={t('collection.handover.recipient')} size="m" value={view.values['recipient']} error={errorOf('recipient')}
          options={RECIPIENTS.map((r) => ({ value: r, label: t(`collection.handover.recipient.${r}`) }))} />
        <TextInput t={t} name="representativeName" label={t('collection.handover.representativeName')} value={view.values['representativeName'] ?? ''} maxLength={MAX_NAME} error={errorOf('representativeName')} autoComplete="off" />
        <TextInput t={t} name="representativeBasis" label={t('collection.handover.representativeBasis')} value={view.values['representativeBasis'] ?? ''} maxLength={MAX_BASIS} error={errorOf('representativeBasis')} autoComplete="off" />
        <Select t={t} name="idDocumentType" label={t('collection.handover.idDocumentType')} choose={t('collection.handover.doc.choose')} value={view.values['idDocumentType']} error={errorOf('idDocumentType')}
          options={ID_DOCUMENT_TYPES.map((d) => ({ value: d, label: t(`collection.handover.doc.${d}`) }))} fullWidth />
        <TextInput t={t} name="idDocumentNumber" label={t('collection.handover.idDocumentNumber')} hint={t('collection.handover.idDocumentNumberHint')} width={10} maxLength={24} error={errorOf('idDocumentNumber')} autoComplete="off" />
        <Button>{t('collection.handover.submit')}</Button>
      </form>
      <form method="post" action={PATHS.collectionCancel.url(lang, { id: view.collection.id })} novalidate>
        <input type="hidden" name="_csrf" value={view.csrf} />
        <input type="hidden" name="from" value="desk" />
        <TextInput t={t} name="reason" label={t('collection.cancelReason')} maxLength={500} />
        <Button kind="warning">{t('collection.cancel')}</Button>
      </form>
    </Layout>
  );
}
