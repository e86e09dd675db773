import type { CaseDeadLetter } from '../../modules/notifications/index.ts';
import { Button, NotificationBanner } from '../common/components.tsx';
import { Layout, type PageContext } from '../common/layout.tsx';
import type { TextKey } from '../locales/messages.ts';
import { paths } from '../common/paths.ts';
import { formatTime } from './format.tsx';
import { OfficeNav, type OfficeNavItems } from './office-nav.tsx';

export interface DeadLettersView {
  readonly letters: readonly CaseDeadLetter[];
  readonly nav: OfficeNavItems;
  readonly csrf: string;
  /** The case number of a message just requeued, for the banner. */
  readonly requeued: string | null;
}

const TOPICS = ['notice.email', 'notice.sms', 'case.submitted', 'case.changed', 'case.reminder', 'case.escalation'] as const;

const topicLabel = (ctx: PageContext, topic: string): string =>
  ((TOPICS as readonly string[]).includes(topic) ? ctx.t(`office.deadLetters.topic.${topic}` as TextKey) : ctx.t('office.deadLetters.topic.other', { topic }));

/** Undelivered messages about the supervisor's agencies' cases, each with a "Send again" form. */
export function DeadLettersPage({ ctx, view }: { ctx: PageContext; view: DeadLettersView }) {
  const { t, lang } = ctx;
  const th = (key: TextKey) => <th scope="col" class="govuk-table__header">{t(key)}</th>;
  return (
    <Layout ctx={ctx} title={t('office.deadLetters.title')} searchBox={false} wide>
      <OfficeNav ctx={ctx} items={view.nav} current="dead-letters" />
      {view.requeued === null ? null : <NotificationBanner t={t} kind="success" heading={t('office.deadLetters.requeued', { number: view.requeued })} />}
      <h1 class="govuk-heading-l">{t('office.deadLetters.title')}</h1>
      <p class="govuk-body-l">{t('office.deadLetters.lead')}</p>
      {view.letters.length === 0 ? <p class="govuk-body">{t('office.deadLetters.none')}</p> : (
        <div class="app-table-scroll" role="region" aria-labelledby="dead-letters-caption" tabIndex={0}>
          <table class="govuk-table">
            <caption class="govuk-table__caption govuk-table__caption--m" id="dead-letters-caption">{t('office.deadLetters.caption')}</caption>
            <thead class="govuk-table__head"><tr class="govuk-table__row">{th('office.deadLetters.case')}{th('office.deadLetters.kind')}{th('office.deadLetters.attempts')}{th('office.deadLetters.deadAt')}{th('office.deadLetters.error')}{th('office.deadLetters.action')}</tr></thead>
            <tbody class="govuk-table__body">
              {view.letters.map((d) => (
                <tr class="govuk-table__row" key={d.id}>
                  <th scope="row" class="govuk-table__header app-nowrap"><a class="govuk-link" href={paths.officeCase(lang, d.caseId)}>{d.caseNumber}</a></th>
                  <td class="govuk-table__cell">{topicLabel(ctx, d.topic)}</td>
                  <td class="govuk-table__cell govuk-table__cell--numeric">{d.attempts}</td>
                  <td class="govuk-table__cell">{formatTime(lang, d.deadAt)}</td>
                  <td class="govuk-table__cell app-break-anywhere">{d.lastError ?? ''}</td>
                  <td class="govuk-table__cell">
                    <form method="post" action={paths.deadLetterRequeue(lang, d.id)}>
                      <input type="hidden" name="_csrf" value={view.csrf} />
                      <Button kind="secondary" class="govuk-!-margin-bottom-0">{t('office.deadLetters.requeue')}<span class="govuk-visually-hidden"> {t('office.deadLetters.requeueFor', { number: d.caseNumber })}</span></Button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
