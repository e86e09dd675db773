import type { AgencyFeedback, SearchGap } from '../../modules/feedback/index.ts';
import { TableScroll } from '../common/components.tsx';
import { Layout, type PageContext } from '../common/layout.tsx';
import { paths } from '../common/paths.ts';
import { OfficeNav, type OfficeNavItems } from '../office/office-nav.tsx';

/** After an answer: thanks, and the way back to the page it was about. */
export function ThanksPage({ ctx, back }: { ctx: PageContext; back: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('feedback.thanksTitle')} feedback={false}>
      <div class="govuk-panel govuk-panel--confirmation"><h1 class="govuk-panel__title">{t('feedback.thanksTitle')}</h1></div>
      <p class="govuk-body">{t('feedback.thanksText')}</p>
      <p class="govuk-body"><a class="govuk-link" href={back}>{t('feedback.back')}</a></p>
    </Layout>
  );
}

/** An answer that could not be taken (too many, or not from a page of the portal). */
export function FeedbackRefusedPage({ ctx, text, back }: { ctx: PageContext; text: string; back: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('feedback.question')} feedback={false}>
      <h1 class="govuk-heading-l">{t('feedback.question')}</h1>
      <p class="govuk-body">{text}</p>
      <p class="govuk-body"><a class="govuk-link" href={back}>{t('feedback.back')}</a></p>
    </Layout>
  );
}

const Head = ({ cols }: { cols: readonly string[] }) => (
  <thead class="govuk-table__head"><tr class="govuk-table__row">{cols.map((c) => <th scope="col" class="govuk-table__header" key={c}>{c}</th>)}</tr></thead>
);

/** The agency's ratings after its services and the answers on its services' pages; nobody is named. */
export function AgencyFeedbackPage({ ctx, view, names, nav }: { ctx: PageContext; view: AgencyFeedback; names: ReadonlyMap<string, string>; nav: OfficeNavItems }) {
  const { t, lang } = ctx;
  const name = (id: string | null) => (id === null ? '—' : names.get(id) ?? id);
  return (
    <Layout ctx={ctx} title={t('feedback.officeTitle')} wide>
      <OfficeNav ctx={ctx} items={nav} current="feedback" />
      <h1 class="govuk-heading-l">{t('feedback.officeTitle')}</h1>
      <p class="govuk-body">{t('feedback.officeIntro')}</p>
      {view.agencies.length === 0 ? <p class="govuk-body">{t('feedback.noAgency')}</p> : null}
      <h2 class="govuk-heading-m">{t('feedback.ratingsHeading')}</h2>
      {view.ratings.length === 0 ? <p class="govuk-body">{t('feedback.none')}</p> : (
        <TableScroll label={t('feedback.ratingsTable')}>
          <table class="govuk-table" id="agency-ratings">
            <Head cols={[t('feedback.service'), t('feedback.ratingCount'), t('feedback.average'), ...[1, 2, 3, 4, 5].map((s) => t('feedback.stars', { stars: s }))]} />
            <tbody class="govuk-table__body">
              {view.ratings.map((r) => (
                <tr class="govuk-table__row" key={r.serviceId}>
                  <th scope="row" class="govuk-table__header"><a class="govuk-link" href={paths.service(lang, r.serviceId)}>{name(r.serviceId)}</a></th>
                  <td class="govuk-table__cell govuk-table__cell--numeric">{r.ratings}</td>
                  <td class="govuk-table__cell govuk-table__cell--numeric">{r.average ?? '—'}</td>
                  {r.byStars.map((c, i) => <td class="govuk-table__cell govuk-table__cell--numeric" key={i}>{c}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <h2 class="govuk-heading-m">{t('feedback.commentsHeading')}</h2>
      {view.comments.length === 0 ? <p class="govuk-body">{t('feedback.none')}</p> : (
        <TableScroll label={t('feedback.commentsTable')}>
          <table class="govuk-table" id="agency-rating-comments">
            <Head cols={[t('feedback.day'), t('feedback.service'), t('feedback.rating'), t('feedback.comment')]} />
            <tbody class="govuk-table__body">
              {view.comments.map((c, i) => (
                <tr class="govuk-table__row" key={i}>
                  <td class="govuk-table__cell">{c.day}</td><td class="govuk-table__cell">{name(c.serviceId)}</td>
                  <td class="govuk-table__cell govuk-table__cell--numeric">{c.rating}</td><td class="govuk-table__cell">{c.comment}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <h2 class="govuk-heading-m">{t('feedback.pageHeading')}</h2>
      {view.pageCounts.length === 0 ? <p class="govuk-body">{t('feedback.none')}</p> : (
        <>
          <TableScroll label={t('feedback.countsTable')}>
            <table class="govuk-table" id="agency-page-counts">
              <Head cols={[t('feedback.service'), t('feedback.useful'), t('feedback.notUseful')]} />
              <tbody class="govuk-table__body">
                {view.pageCounts.map((c) => (
                  <tr class="govuk-table__row" key={c.serviceId}>
                    <th scope="row" class="govuk-table__header">{name(c.serviceId)}</th>
                    <td class="govuk-table__cell govuk-table__cell--numeric">{c.useful}</td><td class="govuk-table__cell govuk-table__cell--numeric">{c.notUseful}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <TableScroll label={t('feedback.pageTable')}>
            <table class="govuk-table" id="agency-page-feedback">
              <Head cols={[t('feedback.day'), t('feedback.page'), t('feedback.answer'), t('feedback.comment')]} />
              <tbody class="govuk-table__body">
                {view.pageFeedback.map((f, i) => (
                  <tr class="govuk-table__row" key={i}>
                    <td class="govuk-table__cell">{f.day}</td><td class="govuk-table__cell">{f.path}</td>
                    <td class="govuk-table__cell">{f.useful ? t('feedback.useful') : t('feedback.notUseful')}</td><td class="govuk-table__cell">{f.comment ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </Layout>
  );
}

/** The searches that found nothing, most frequent first: what the catalogue lacks. */
export function ContentGapsPage({ ctx, gaps, nav }: { ctx: PageContext; gaps: readonly SearchGap[]; nav: OfficeNavItems }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('gaps.title')} wide>
      <OfficeNav ctx={ctx} items={nav} current="content-gaps" />
      <h1 class="govuk-heading-l">{t('gaps.title')}</h1>
      <p class="govuk-body">{t('gaps.intro')}</p>
      {gaps.length === 0 ? <p class="govuk-body">{t('gaps.none')}</p> : (
        <TableScroll label={t('gaps.table')}>
          <table class="govuk-table" id="content-gaps">
            <Head cols={[t('gaps.query'), t('gaps.lang'), t('gaps.searches'), t('gaps.first'), t('gaps.last')]} />
            <tbody class="govuk-table__body">
              {gaps.map((g) => (
                <tr class="govuk-table__row" key={`${g.lang}:${g.query}`}>
                  <th scope="row" class="govuk-table__header" lang={g.lang}>{g.query}</th>
                  <td class="govuk-table__cell">{g.lang}</td>
                  <td class="govuk-table__cell govuk-table__cell--numeric">{g.searches}</td>
                  <td class="govuk-table__cell">{g.firstDay}</td><td class="govuk-table__cell">{g.lastDay}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Layout>
  );
}
