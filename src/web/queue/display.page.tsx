import type { DisplayBoard } from '../../modules/queue/index.ts';
import { Layout, type PageContext } from '../common/layout.tsx';
import { PATHS } from '../common/paths.ts';

/** How often the display asks again (the `Refresh` header). */
export const DISPLAY_REFRESH_SECONDS = 15;

/**
 * The centre's display: the numbers called, newest first, with their desks. It updates without
 * script: the response carries `Refresh` (the header form of a meta refresh), unless the viewer
 * stopped it (WCAG 2.2.1: a link turns the updating off and on).
 */
export function DisplayPage({ ctx, board, updating }: { ctx: PageContext; board: DisplayBoard; updating: boolean }) {
  const { t, lang } = ctx;
  const th = (text: string) => <th scope="col" class="govuk-table__header">{text}</th>;
  return (
    <Layout ctx={ctx} title={`${t('queue.display.title')}: ${board.centre.name[lang]}`} searchBox={false}>
      <span class="govuk-caption-l app-break-anywhere">{board.centre.name[lang]}</span>
      <h1 class="govuk-heading-xl">{t('queue.display.title')}</h1>
      <p class="govuk-body-l">{t('queue.display.waiting', { count: board.waiting })}</p>
      {board.called.length === 0 ? <p class="govuk-body-l">{t('queue.display.none')}</p> : (
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-table__caption--m">{t('queue.display.caption')}</caption>
          <thead class="govuk-table__head"><tr class="govuk-table__row">{th(t('queue.display.ticket'))}{th(t('queue.display.desk'))}</tr></thead>
          <tbody class="govuk-table__body">
            {board.called.map((c, i) => (
              <tr class="govuk-table__row" key={c.id}>
                <td class={`govuk-table__cell ${i === 0 ? 'govuk-!-font-size-48' : 'govuk-!-font-size-27'} govuk-!-font-weight-bold`}>{c.label}</td>
                <td class={`govuk-table__cell ${i === 0 ? 'govuk-!-font-size-48' : 'govuk-!-font-size-27'}`}>{c.desk ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {updating ? (
        <p class="govuk-body">{t('queue.display.refreshing', { seconds: DISPLAY_REFRESH_SECONDS })} <a class="govuk-link" href={PATHS.queueDisplay.url(lang, { id: board.centre.id }, { updates: 'off' })}>{t('queue.display.stop')}</a></p>
      ) : (
        <p class="govuk-body">{t('queue.display.stopped')} <a class="govuk-link" href={PATHS.queueDisplay.url(lang, { id: board.centre.id })}>{t('queue.display.start')}</a></p>
      )}
    </Layout>
  );
}
