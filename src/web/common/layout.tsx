import type { ComponentChildren } from 'preact';

import type { Lang } from '../../kernel/text.ts';
import type { Translator } from '../locales/messages.ts';
import { paths, switchLanguage } from './paths.ts';
import { SESSION_SLOT } from './session-bar.tsx';

export interface PageContext {
  readonly t: Translator;
  readonly lang: Lang;
  /** The request path with its query string, for the language switch. */
  readonly url: string;
}

export interface Crumb {
  readonly href: string;
  readonly label: string;
}

interface LayoutProps {
  readonly ctx: PageContext;
  readonly title: string;
  readonly crumbs?: readonly Crumb[];
  readonly searchBox?: boolean;
  readonly children: ComponentChildren;
}

export function Layout({ ctx, title, crumbs, searchBox = true, children }: LayoutProps) {
  const { t, lang } = ctx;
  const other: Lang = lang === 'uk' ? 'en' : 'uk';
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} — ${t('site.name')}`}</title>
        <link rel="stylesheet" href={paths.stylesheet} />
        <link rel="icon" href="/favicon.ico" sizes="32x32" />
        <link rel="icon" href={paths.iconSvg} type="image/svg+xml" />
        <link rel="alternate" hrefLang={other} href={switchLanguage(ctx.url, other)} />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('site.skip')}
        </a>
        <header class="site-header">
          <div class="container header-row">
            <a class="brand" href={paths.home(lang)}>
              <span class="brand-name">{t('site.name')}</span>
              <span class="brand-tagline">{t('site.tagline')}</span>
            </a>
            <a class="lang-switch" href={switchLanguage(ctx.url, other)} hrefLang={other} lang={other} aria-label={t('site.switchLanguageLabel')}>
              {t('site.switchLanguage')}
            </a>
          </div>
          <div class="container" dangerouslySetInnerHTML={{ __html: SESSION_SLOT }} />
          <nav class="container site-nav" aria-label={t('nav.label')}>
            <ul>
              <li><a href={paths.search(lang)}>{t('nav.services')}</a></li>
              <li><a href={paths.events(lang)}>{t('nav.events')}</a></li>
              <li><a href={paths.agencies(lang)}>{t('nav.agencies')}</a></li>
              <li><a href={paths.centres(lang)}>{t('nav.centres')}</a></li>
            </ul>
          </nav>
        </header>
        <div class="container">
          {crumbs && crumbs.length > 0 ? <Breadcrumbs ctx={ctx} crumbs={crumbs} /> : null}
          {searchBox ? <SearchForm ctx={ctx} id="site-search" compact /> : null}
          <main id="main" tabIndex={-1}>
            {children}
          </main>
        </div>
        <footer class="site-footer">
          <div class="container">
            <p>
              {t('footer.about')}
              <a href={paths.openapi}>{t('footer.api')}</a>, <a href={paths.jsonld}>{t('footer.jsonld')}</a>.
            </p>
            <p>
              <a href={paths.accessibility(lang)}>{t('footer.accessibility')}</a>
            </p>
            <p>{t('footer.demo')}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}

function Breadcrumbs({ ctx, crumbs }: { ctx: PageContext; crumbs: readonly Crumb[] }) {
  return (
    <nav class="breadcrumbs" aria-label={ctx.t('breadcrumbs.label')}>
      <ol>
        <li><a href={paths.home(ctx.lang)}>{ctx.t('breadcrumbs.home')}</a></li>
        {crumbs.map((c) => (
          <li key={c.href}><a href={c.href}>{c.label}</a></li>
        ))}
      </ol>
    </nav>
  );
}

export function SearchForm({ ctx, id, value = '', compact = false }: { ctx: PageContext; id: string; value?: string; compact?: boolean }) {
  return (
    <form class={compact ? 'search search-compact' : 'search'} action={paths.search(ctx.lang)} method="get" role="search">
      <label for={id} class={compact ? 'visually-hidden' : 'search-label'}>
        {ctx.t('search.label')}
      </label>
      {compact ? null : (
        <p class="hint" id={`${id}-hint`}>
          {ctx.t('search.placeholderHint')}
        </p>
      )}
      <div class="search-row">
        <input id={id} name="q" type="search" value={value} maxLength={200} autoComplete="off" aria-describedby={compact ? undefined : `${id}-hint`} />
        <button type="submit">{ctx.t('search.button')}</button>
      </div>
    </form>
  );
}
