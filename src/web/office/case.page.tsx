import type { Attachment } from '../../modules/applications/index.ts';
import { paths } from '../common/paths.ts';
import { ErrorSummary } from '../common/components.tsx';
import { Layout, type PageContext } from '../common/layout.tsx';
import { Actions, Assignment, type CaseForms, Notes } from './case-forms.tsx';
import { Answers, CaseSummary, Documents, History, Requests } from './case-sections.tsx';
import type { CaseView, Officer } from './query.tsx';
import { OfficeNav, type OfficeNavItems } from './office-nav.tsx';
import { CaseStatusPanel } from './case-status.tsx';
import { FilingBasis, type FilingBasisView } from './filing-basis.tsx';
import { ReadySection, type ReadySectionView } from '../collection/ready-section.tsx';
import type { CaseEvidence } from '../../modules/registries/index.ts';
import { RegistryEvidence } from '../common/registry-evidence.tsx';

export interface OfficeCaseView {
  readonly view: CaseView;
  readonly attachments: readonly Attachment[];
  /** How staff filed the case for the person (post, front desk, phone); null when the person filed it. */
  readonly filing: FilingBasisView | null;
  /** Whom this officer may assign the case to. */
  readonly officers: readonly Officer[];
  readonly forms: CaseForms;
  readonly nav: OfficeNavItems;
  /** Collection at a centre: null when this officer may not mark it (the collection module decides). */
  readonly ready: ReadySectionView | null;
  /** Evidence fetched from the registries, or waited for. */
  readonly evidence: readonly CaseEvidence[];
}

/** One case as an officer of its agency sees it: what was asked and answered, what happened, what can be done. */
export function OfficeCasePage({ ctx, page }: { ctx: PageContext; page: OfficeCaseView }) {
  const { t, lang } = ctx;
  const { view, forms } = page;
  const title = t('office.case.title', { number: view.case.number });
  const crumbs = [{ href: paths.staffHome(lang), label: t('staff.title') }, { href: paths.officeCases(lang), label: t('office.queue.title') }];
  return (
    <Layout ctx={ctx} title={title} searchBox={false} wide crumbs={crumbs}>
      <OfficeNav ctx={ctx} items={page.nav} current="queue" />
      <ErrorSummary ctx={ctx} errors={forms.errors} />
      <span class="govuk-caption-l">{view.service.name[lang]}</span>
      <h1 class="govuk-heading-l">{t('office.case.titlePrefix')} <span class="app-nowrap">{view.case.number}</span></h1>
      <CaseStatusPanel ctx={ctx} view={view} me={forms.me} />
      <CaseSummary ctx={ctx} view={view} />
      <Actions ctx={ctx} view={view} forms={forms} />
      <FilingBasis ctx={ctx} caseId={view.case.id} basis={page.filing} attachments={page.attachments} />
      <Answers ctx={ctx} view={view} attachments={page.attachments} />
      <RegistryEvidence ctx={ctx} items={page.evidence} names={new Map(view.service.evidence.map((e) => [e.id, e.name]))} officer />
      <Requests ctx={ctx} view={view} attachments={page.attachments} />
      <Documents ctx={ctx} view={view} csrf={forms.csrf} />
      {page.ready === null ? null : <ReadySection ctx={ctx} view={page.ready} />}
      <History ctx={ctx} view={view} />
      <Notes ctx={ctx} view={view} forms={forms} />
      <Assignment ctx={ctx} view={view} forms={forms} officers={page.officers} />
    </Layout>
  );
}
