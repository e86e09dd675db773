import type { SearchPage } from '../../modules/catalogue/index.ts';
import { paths } from '../common/paths.ts';
import { ServiceList } from '../common/components.tsx';
import type { PageContext } from '../common/layout.tsx';
import { filterInput, isPastLastPage, pageLinks, type SearchView, zeroResultView } from './search.view.ts';

export function SearchResults({ ctx, view, result }: { ctx: PageContext; view: SearchView; result: SearchPage }) {
  const { t, lang } = ctx;
  const pages = Math.max(1, Math.ceil(result.total / view.pageSize));
  if (isPastLastPage(result, view)) {
    const total = t.plural('results.count', result.total);
    return (
      <section aria-labelledby="results-count">
        <h2 id="results-count" class="govuk-heading-m">
          {pages === 1 ? t('results.pastEndOne', { page: view.page, total }) : t('results.pastEnd', { page: view.page, total, pages })}
        </h2>
        <p class="govuk-body"><a class="govuk-link" href={paths.search(lang, { ...view.values, page: pages === 1 ? undefined : pages })}>{t('results.backToLast')}</a></p>
      </section>
    );
  }
  return (
    <section aria-labelledby="results-count">
      <h2 id="results-count" class="govuk-heading-m">{t.plural('results.count', result.total)}</h2>
      {result.total === 0 ? <ZeroResults ctx={ctx} view={view} /> : <ServiceList ctx={ctx} services={result.items} />}
      {pages > 1 ? <Pagination ctx={ctx} view={view} pages={pages} /> : null}
    </section>
  );
}

/** A search that found nothing offers a way on: spellings, the words unfiltered, life events, other channels. */
function ZeroResults({ ctx, view }: { ctx: PageContext; view: SearchView }) {
  const { t, lang } = ctx;
  const zero = zeroResultView(filterInput(lang, view), view.spellings);
  return (
    <div id="zero-results">
      {zero.suggestions.length > 0 ? (
        <>
          <p class="govuk-body govuk-!-font-weight-bold" id="did-you-mean">{t('zero.didYouMean')}</p>
          <ul class="govuk-list" aria-labelledby="did-you-mean">
            {zero.suggestions.map((s) => (
              <li key={s.text}>
                <a class="govuk-link" href={s.href} lang={lang}>{s.text}</a> <span class="govuk-hint govuk-!-display-inline">({t.plural('zero.suggestionCount', s.total)})</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {zero.withoutFilters ? <p class="govuk-body"><a class="govuk-link" href={zero.withoutFilters}>{t('zero.withoutFilters')}</a></p> : null}
      <p class="govuk-body">{t('zero.tips')}</p>
      <h3 class="govuk-heading-s">{t('zero.events')}</h3>
      <ul class="govuk-list govuk-list--bullet">
        {zero.events.map((e) => <li key={e.id}><a class="govuk-link" href={paths.event(lang, e.id)}>{e.name}</a></li>)}
        <li><a class="govuk-link" href={paths.events(lang)}>{t('zero.allEvents')}</a></li>
      </ul>
      <h3 class="govuk-heading-s">{t('zero.otherWays')}</h3>
      <ul class="govuk-list govuk-list--bullet" id="other-channels">
        <li>{t('zero.phone')} <a class="govuk-link" href={paths.search(lang, { channel: 'phone' })}>{t('zero.phoneServices')}</a></li>
        <li><a class="govuk-link" href={paths.search(lang, { channel: 'sms' })}>{t('zero.sms')}</a></li>
        <li><a class="govuk-link" href={paths.centres(lang)}>{t('zero.centres')}</a></li>
      </ul>
    </div>
  );
}

const PREV_ARROW = 'm6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z';
const NEXT_ARROW = 'm8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z';

function Arrow({ d, side }: { d: string; side: 'prev' | 'next' }) {
  return (
    <svg class={`govuk-pagination__icon govuk-pagination__icon--${side}`} xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13">
      <path d={d} />
    </svg>
  );
}

function Pagination({ ctx, view, pages }: { ctx: PageContext; view: SearchView; pages: number }) {
  const { t, lang } = ctx;
  const links = pageLinks(lang, view.values, view.page, pages);
  return (
    <nav class="govuk-pagination" aria-label={t('results.pagination')}>
      {links.previous ? (
        <div class="govuk-pagination__prev">
          <a class="govuk-link govuk-pagination__link" href={links.previous} rel="prev">
            <Arrow d={PREV_ARROW} side="prev" /><span class="govuk-pagination__link-title">{t('results.previous')}</span>
          </a>
        </div>
      ) : null}
      <ul class="govuk-pagination__list">
        {links.items.map((item, i) => item === 'gap' ? (
          <li key={`gap-${i}`} class="govuk-pagination__item govuk-pagination__item--ellipses">&ctdot;</li>
        ) : (
          <li key={item.page} class={`govuk-pagination__item${item.current ? ' govuk-pagination__item--current' : ''}`}>
            <a class="govuk-link govuk-pagination__link" href={item.href} aria-label={t('results.page', { page: item.page, pages })} aria-current={item.current ? 'page' : undefined}>{item.page}</a>
          </li>
        ))}
      </ul>
      {links.next ? (
        <div class="govuk-pagination__next">
          <a class="govuk-link govuk-pagination__link" href={links.next} rel="next">
            <span class="govuk-pagination__link-title">{t('results.next')}</span><Arrow d={NEXT_ARROW} side="next" />
          </a>
        </div>
      ) : null}
    </nav>
  );
}
