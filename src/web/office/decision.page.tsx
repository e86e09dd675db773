import type { DecisionPreview } from '../../modules/cases/index.ts';
import { draftMark } from '../../modules/documents/index.ts';
import { paths } from '../common/paths.ts';
import { Layout, type PageContext } from '../common/layout.tsx';
import { Button, ButtonGroup, SummaryList, Tag, WarningText } from '../common/govuk.tsx';
import { Csrf } from './fields.tsx';
import { officePaths } from './office-paths.ts';
import { OfficeNav, type OfficeNavItems } from './office-nav.tsx';

export interface DecisionConfirmView {
  readonly preview: DecisionPreview;
  readonly csrf: string;
  readonly nav: OfficeNavItems;
}

/** The fields every form of the confirmation sends back: what was decided, and the case version it was decided at. */
function DecisionFields({ preview, csrf, withVersion }: { preview: DecisionPreview; csrf: string; withVersion: boolean }) {
  const groundId = preview.refusalGroundId ?? '';
  return (
    <>
      <Csrf token={csrf} />
      <input type="hidden" name="event" value={preview.event} />
      <input type="hidden" name="reason" value={preview.input.reasons ?? ''} />
      {groundId === '' ? null : <input type="hidden" name="refusalGroundId" value={groundId} />}
      {withVersion ? <input type="hidden" name="version" value={String(preview.version)} /> : null}
    </>
  );
}

/**
 * The last step before a decision is issued: what will be issued, to whom, why, and the document
 * itself as a draft. Only "Confirm and issue" seals and issues it.
 */
export function DecisionConfirmPage({ ctx, view }: { ctx: PageContext; view: DecisionConfirmView }) {
  const { t, lang } = ctx;
  const { preview, csrf } = view;
  const c = preview.case;
  const title = t(preview.event === 'grant' ? 'decision.title.grant' : 'decision.title.refuse', { number: c.number });
  const crumbs = [
    { href: paths.staffHome(lang), label: t('staff.title') },
    { href: paths.officeCases(lang), label: t('office.queue.title') },
    { href: paths.officeCase(lang, c.id), label: t('office.case.title', { number: c.number }) },
  ];
  return (
    <Layout ctx={ctx} title={title} searchBox={false} wide crumbs={crumbs}>
      <OfficeNav ctx={ctx} items={view.nav} current="queue" />
      <a href={paths.officeCase(lang, c.id)} class="govuk-back-link">{t('decision.back')}</a>
      <span class="govuk-caption-l">{t('office.case.title', { number: c.number })}</span>
      <h1 class="govuk-heading-l">{title}</h1>
      <WarningText t={t}>{t('decision.warning')}</WarningText>
      <DecisionSummary ctx={ctx} preview={preview} />
      <DocumentDraft ctx={ctx} preview={preview} />
      <form method="post" action={officePaths.decisionDraft(lang, c.id)} target="_blank" class="govuk-!-margin-bottom-6">
        <DecisionFields preview={preview} csrf={csrf} withVersion={false} />
        <Button kind="secondary">{t('decision.openDraft')}</Button>
      </form>
      <form method="post" action={officePaths.decisionConfirm(lang, c.id)}>
        <DecisionFields preview={preview} csrf={csrf} withVersion />
        <ButtonGroup>
          <Button kind={preview.event === 'refuse' ? 'warning' : 'primary'}>{t('decision.confirm')}</Button>
          <button type="submit" class="govuk-button govuk-button--secondary" formaction={officePaths.decisionBack(lang, c.id)}>{t('decision.backButton')}</button>
        </ButtonGroup>
      </form>
    </Layout>
  );
}

function DecisionSummary({ ctx, preview }: { ctx: PageContext; preview: DecisionPreview }) {
  const { t, lang } = ctx;
  const c = preview.case;
  const input = preview.input;
  const rows: Array<[string, string]> = [
    [t('decision.row.decision'), t(preview.event === 'grant' ? 'decision.kind.grant' : 'decision.kind.refuse')],
    [t('decision.row.service'), preview.service.name[lang]],
    [t('decision.row.applicant'), c.applicantName],
    ...(input.representedName === null ? [] : [[t('decision.row.onBehalf'), input.representedName] as [string, string]]),
    ...(input.refusalGround === null ? [] : [[t('decision.row.ground'), input.refusalGround[lang]] as [string, string]]),
    [t('decision.row.reasons'), input.reasons ?? t('decision.noReasons')],
    [t('decision.row.number'), input.documentNumber],
    [t('decision.row.language'), t(c.lang === 'uk' ? 'decision.language.uk' : 'decision.language.en')],
  ];
  return <SummaryList t={t} rows={rows.map(([key, value]) => ({ key, value: <span class="app-office-text">{value}</span> }))} />;
}

/** The document's own text, as the applicant will read it (in the applicant's language), marked as a draft. */
function DocumentDraft({ ctx, preview }: { ctx: PageContext; preview: DecisionPreview }) {
  const { t } = ctx;
  const doc = preview.text;
  const docLang = preview.input.lang;
  return (
    <section aria-labelledby="draft-title" class="govuk-!-margin-bottom-4">
      <h2 class="govuk-heading-m" id="draft-title">{t('decision.draftTitle')}</h2>
      <p class="govuk-body">{t('decision.draftLead')}</p>
      <div class="govuk-inset-text app-document-draft" lang={docLang}>
        <p class="govuk-body"><Tag colour="red">{draftMark(docLang)}</Tag></p>
        <p class="govuk-body-s">{doc.letterhead}</p>
        <h3 class="govuk-heading-s">{doc.title}</h3>
        <SummaryList t={t} borders={false} rows={doc.lines.map((l) => ({ key: l.label, value: l.value }))} />
        {doc.paragraphs.map((p, i) => <p class="govuk-body app-office-text" key={i}>{p}</p>)}
      </div>
    </section>
  );
}
