import type { Letter } from '../../modules/notifications/index.ts';
import { Button, ErrorSummary, type FieldError, NotificationBanner } from '../common/components.tsx';
import type { DateParts, DateProblem } from '../common/form-values.ts';
import { DateInput } from '../common/inputs.tsx';
import { Layout, type PageContext } from '../common/layout.tsx';
import { paths } from '../common/paths.ts';
import type { TextKey } from '../locales/messages.ts';
import { formatTime } from './format.tsx';
import { OfficeNav, type OfficeNavItems } from './office-nav.tsx';

export interface LettersView {
  readonly letters: readonly Letter[];
  readonly csrf: string;
  /** The batch form's day as its three boxes show it (today in Kyiv by default), and its problem when it could not be read. */
  readonly day: DateParts;
  readonly dayProblem: DateProblem | null;
  readonly errors: readonly FieldError[];
  /** The case number of a letter just marked dispatched, for the banner. */
  readonly dispatched: string | null;
  readonly nav: OfficeNavItems;
}

/** Letters to print and post: each letter's PDF and "Mark dispatched"; a day's batch as one PDF. */
export function LettersPage({ ctx, view }: { ctx: PageContext; view: LettersView }) {
  const { t, lang } = ctx;
  const th = (key: TextKey) => <th scope="col" class="govuk-table__header">{t(key)}</th>;
  return (
    <Layout ctx={ctx} title={t('office.letters.title')} searchBox={false} wide>
      <OfficeNav ctx={ctx} items={view.nav} current="letters" />
      {view.dispatched === null ? null : <NotificationBanner t={t} kind="success" heading={t('office.letters.dispatched', { number: view.dispatched })} />}
      <ErrorSummary ctx={ctx} errors={view.errors} />
      <h1 class="govuk-heading-l">{t('office.letters.title')}</h1>
      <p class="govuk-body">{t('office.letters.lead')}</p>
      <form method="get" action={paths.letterBatch(lang)} class="govuk-!-margin-bottom-6">
        <DateInput t={t} name="day" legend={t('office.letters.day')} hint={t('office.letters.dayHint')} value={view.day} problem={view.dayProblem}
          error={view.errors.find((e) => e.field === 'day')?.message} />
        <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">{t('office.letters.batch')}</button>
      </form>
      {view.letters.length === 0 ? <p class="govuk-body">{t('office.letters.none')}</p> : (
        <div class="app-table-scroll" role="region" aria-labelledby="letters-caption" tabIndex={0}>
          <table class="govuk-table">
            <caption class="govuk-table__caption govuk-table__caption--m" id="letters-caption">{t('office.letters.caption')}</caption>
            <thead class="govuk-table__head"><tr class="govuk-table__row">{th('office.letters.case')}{th('office.letters.subject')}{th('office.letters.created')}{th('office.letters.action')}</tr></thead>
            <tbody class="govuk-table__body">
              {view.letters.map((l) => (
                <tr class="govuk-table__row" key={l.id}>
                  <th scope="row" class="govuk-table__header app-nowrap">{l.caseNumber}</th>
                  <td class="govuk-table__cell app-break-anywhere"><a class="govuk-link" href={paths.letterPdf(lang, l.id)}>{l.subject}<span class="govuk-visually-hidden"> {t('office.letters.pdf')}</span></a></td>
                  <td class="govuk-table__cell">{formatTime(lang, l.createdAt)}</td>
                  <td class="govuk-table__cell">
                    <form method="post" action={paths.letterDispatch(lang, l.id)}>
                      <input type="hidden" name="_csrf" value={view.csrf} />
                      <Button kind="secondary" class="govuk-!-margin-bottom-0">{t('office.letters.markDispatched')}<span class="govuk-visually-hidden"> {t('office.letters.markFor', { number: l.caseNumber })}</span></Button>
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
