import type { SignedIn } from '../../modules/identity/index.ts';
import { PATHS, paths } from '../common/paths.ts';
import type { PageContext } from '../common/layout.tsx';
import { SubNavigation } from '../common/moj.tsx';

/** Which back-office sections the signed-in staff member may open (their roles decide). */
export interface OfficeNavItems {
  readonly queue: boolean;
  readonly payments: boolean;
  readonly admin: boolean;
  readonly deadLetters: boolean;
  readonly letters: boolean;
  readonly assisted: boolean;
  readonly noticeTemplates: boolean;
  readonly calls: boolean;
  readonly appeals: boolean;
  readonly collections: boolean;
  readonly feedback: boolean;
  readonly contentGaps: boolean;
  readonly catalogue: boolean;
}

export type OfficeSection = 'home' | 'queue' | 'payments' | 'admin' | 'dead-letters' | 'letters' | 'assisted' | 'notice-templates' | 'calls' | 'callbacks' | 'appeals' | 'collections' | 'feedback' | 'content-gaps' | 'catalogue';

/** The roles that see their agency's feedback (web/feedback/routes.tsx). */
export const FEEDBACK_ROLES: readonly string[] = ['clerk', 'decision-maker', 'supervisor', 'agency-admin'];
const has = (signedIn: SignedIn, roles: readonly string[]) => signedIn.staff.some((s) => roles.includes(s.role));

export function officeNavItems(signedIn: SignedIn): OfficeNavItems {
  return {
    queue: has(signedIn, ['clerk', 'decision-maker', 'supervisor']),
    payments: has(signedIn, ['supervisor']),
    admin: has(signedIn, ['agency-admin', 'national-admin']),
    deadLetters: has(signedIn, ['supervisor']),
    letters: has(signedIn, ['clerk', 'decision-maker', 'supervisor']),
    assisted: has(signedIn, ['clerk', 'front-desk', 'contact-centre']),
    noticeTemplates: has(signedIn, ['supervisor', 'agency-admin']),
    calls: has(signedIn, ['contact-centre']),
    appeals: has(signedIn, ['clerk', 'decision-maker', 'supervisor', 'contact-centre', 'national-admin']),
    collections: has(signedIn, ['front-desk']),
    feedback: signedIn.staff.some((s) => FEEDBACK_ROLES.includes(s.role) && s.agencyId !== null),
    contentGaps: has(signedIn, ['catalogue-editor']),
    catalogue: has(signedIn, ['catalogue-editor']),
  };
}

/** The back office's sub navigation (the MoJ pattern): the staff home, then the sections the roles open. */
export function OfficeNav({ ctx, items, current }: { ctx: PageContext; items: OfficeNavItems; current: OfficeSection }) {
  const { t, lang } = ctx;
  const links: Array<[OfficeSection, string, string]> = [
    ['home', paths.staffHome(lang), t('staff.title')],
    ...(items.queue ? [['queue', paths.officeCases(lang), t('office.queue.title')] as [OfficeSection, string, string]] : []),
    ...(items.payments ? [['payments', paths.officePayments(lang), t('office.payments.title')] as [OfficeSection, string, string]] : []),
    ...(items.letters ? [['letters', paths.letters(lang), t('office.letters.nav')] as [OfficeSection, string, string]] : []),
    ...(items.assisted ? [['assisted', paths.assisted(lang), t('assisted.nav')] as [OfficeSection, string, string]] : []),
    ...(items.collections ? [['collections', PATHS.collections.url(lang), t('collection.desk.title')] as [OfficeSection, string, string]] : []),
    ...(items.appeals ? [['appeals', paths.officeAppeals(lang), t('appeals.office.nav')] as [OfficeSection, string, string]] : []),
    ...(items.deadLetters ? [['dead-letters', paths.deadLetters(lang), t('office.deadLetters.nav')] as [OfficeSection, string, string]] : []),
    ...(items.noticeTemplates ? [['notice-templates', paths.noticeTemplates(lang), t('office.noticeTemplates.nav')] as [OfficeSection, string, string]] : []),
    ...(items.calls ? [['calls', paths.calls(lang), t('calls.nav')] as [OfficeSection, string, string], ['callbacks', paths.callbacks(lang), t('callbacks.title')] as [OfficeSection, string, string]] : []),
    ...(items.feedback ? [['feedback', PATHS.officeFeedback.url(lang), t('feedback.officeTitle')] as [OfficeSection, string, string]] : []),
    ...(items.contentGaps ? [['content-gaps', PATHS.contentGaps.url(lang), t('gaps.title')] as [OfficeSection, string, string]] : []),
    ...(items.catalogue ? [['catalogue', PATHS.officeCatalogue.url(lang), t('catEdit.nav')] as [OfficeSection, string, string]] : []),
    ...(items.admin ? [['admin', paths.staffAdmin(lang), t('staffAdmin.title')] as [OfficeSection, string, string]] : []),
  ];
  return <SubNavigation label={t('officeNav.label')} items={links.map(([section, href, text]) => ({ href, text, current: section === current }))} />;
}
