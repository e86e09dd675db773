import type { ComponentChildren } from 'preact';

import type { Lang } from '../../kernel/text.ts';
import type { Translator } from '../locales/messages.ts';
import { PageFeedback } from './page-feedback.tsx';
import { paths, switchLanguage } from './paths.ts';
import { SESSION_SLOT } from './session-bar.tsx';
import { stylesheet } from './stylesheet.ts';

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
  /** The back office: a fluid container over the whole width instead of the reading column. */
  readonly wide?: boolean;
  /** The phase banner saying the portal is a demonstration. */
  readonly phase?: boolean;
  /** "Was this page useful?" under the content (every page but the answer's own). */
  readonly feedback?: boolean;
  readonly children: ComponentChildren;
}

/** The page on govuk-frontend's template: skip link, header, service navigation, breadcrumbs, main, footer. */
export function Layout({ ctx, title, crumbs, searchBox = true, wide = false, phase = false, feedback = true, children }: LayoutProps) {
  const { t, lang } = ctx;
  const container = wide ? 'govuk-width-container app-width-container--fluid' : 'govuk-width-container';
  return (
    <html lang={lang} class="govuk-template">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        <meta name="theme-color" content="#0b3b60" />
        <title>{`${title} — ${t('site.name')}`}</title>
        <link rel="stylesheet" href={stylesheet().href} />
        <link rel="icon" href="/favicon.ico" sizes="32x32" />
        <link rel="icon" href={paths.iconSvg} type="image/svg+xml" />
        <link rel="alternate" hrefLang={lang === 'uk' ? 'en' : 'uk'} href={switchLanguage(ctx.url, lang === 'uk' ? 'en' : 'uk')} />
      </head>
      <body class="govuk-template__body">
        <a href="#main-content" class="govuk-skip-link">{t('site.skip')}</a>
        <header class="govuk-template__header">
          <Header ctx={ctx} container={container} />
          <ServiceNavigation ctx={ctx} container={container} />
        </header>
        <div class={container}>
          {phase ? <PhaseBanner ctx={ctx} /> : null}
          {crumbs && crumbs.length > 0 ? <Breadcrumbs ctx={ctx} crumbs={crumbs} /> : null}
          {searchBox ? <SearchForm ctx={ctx} id="site-search" compact /> : null}
          <main class="govuk-main-wrapper" id="main-content" tabIndex={-1}>
            {children}
          </main>
          {feedback ? <PageFeedback ctx={ctx} /> : null}
        </div>
        <Footer ctx={ctx} container={container} />
      </body>
    </html>
  );
}

function Header({ ctx, container }: { ctx: PageContext; container: string }) {
  const { t, lang } = ctx;
  return (
    <div class="govuk-header">
      <div class={`govuk-header__container ${container}`}>
        <div class="app-header__row">
          <div class="govuk-header__logo">
            <a href={paths.home(lang)} class="govuk-header__homepage-link">
              <span class="app-header__wordmark">{t('site.name')}</span>
              <span class="app-header__tagline">{t('site.tagline')}</span>
            </a>
          </div>
          <div class="app-header__tools">
            <LanguageNavigation ctx={ctx} />
            <div dangerouslySetInnerHTML={{ __html: SESSION_SLOT }} />
          </div>
        </div>
      </div>
    </div>
  );
}

/** Both languages, the current one marked; the other links to this page in it (hreflang, lang). */
function LanguageNavigation({ ctx }: { ctx: PageContext }) {
  const { t, lang } = ctx;
  const names: Record<Lang, string> = { uk: t('common.languageUk'), en: t('common.languageEn') };
  return (
    <nav class="govuk-language-navigation" aria-label={t('common.language')}>
      <ul class="govuk-language-navigation__list">
        {(['uk', 'en'] as const).map((code) => (
          <li class="govuk-language-navigation__list-item" key={code}>
            {code === lang ? (
              <span class="govuk-language-navigation__text" aria-current="true" lang={code}>{names[code]}</span>
            ) : (
              <a class="govuk-language-navigation__link" href={switchLanguage(ctx.url, code)} rel="alternate" lang={code} hrefLang={code}>{names[code]}</a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

function ServiceNavigation({ ctx, container }: { ctx: PageContext; container: string }) {
  const { t, lang } = ctx;
  const here = ctx.url.split('?')[0] ?? '';
  const items = [
    { href: paths.search(lang), label: t('nav.services') },
    { href: paths.events(lang), label: t('nav.events') },
    { href: paths.agencies(lang), label: t('nav.agencies') },
    { href: paths.centres(lang), label: t('nav.centres') },
  ];
  return (
    <div class="govuk-service-navigation">
      <div class={container}>
        <div class="govuk-service-navigation__container">
          <nav aria-label={t('nav.label')} class="govuk-service-navigation__wrapper">
            <ul class="govuk-service-navigation__list" id="navigation">
              {items.map((item) => {
                const current = here === item.href ? 'page' : here.startsWith(`${item.href}/`) ? 'true' : undefined;
                return (
                  <li key={item.href} class={`govuk-service-navigation__item${current ? ' govuk-service-navigation__item--active' : ''}`}>
                    <a class="govuk-service-navigation__link" href={item.href} aria-current={current}>
                      {current ? <strong class="govuk-service-navigation__active-fallback">{item.label}</strong> : item.label}
                    </a>
                  </li>
                );
              })}
            </ul>
          </nav>
        </div>
      </div>
    </div>
  );
}

function PhaseBanner({ ctx }: { ctx: PageContext }) {
  return (
    <div class="govuk-phase-banner">
      <p class="govuk-phase-banner__content">
        <strong class="govuk-tag govuk-phase-banner__content__tag">{ctx.t('common.phase')}</strong>
        <span class="govuk-phase-banner__text">{ctx.t('common.phaseText')}</span>
      </p>
    </div>
  );
}

function Breadcrumbs({ ctx, crumbs }: { ctx: PageContext; crumbs: readonly Crumb[] }) {
  return (
    <nav class="govuk-breadcrumbs govuk-breadcrumbs--collapse-on-mobile" aria-label={ctx.t('breadcrumbs.label')}>
      <ol class="govuk-breadcrumbs__list">
        <li class="govuk-breadcrumbs__list-item"><a class="govuk-breadcrumbs__link" href={paths.home(ctx.lang)}>{ctx.t('breadcrumbs.home')}</a></li>
        {crumbs.map((c) => (
          <li class="govuk-breadcrumbs__list-item" key={c.href}><a class="govuk-breadcrumbs__link" href={c.href}>{c.label}</a></li>
        ))}
      </ol>
    </nav>
  );
}

function Footer({ ctx, container }: { ctx: PageContext; container: string }) {
  const { t, lang } = ctx;
  return (
    <footer class="govuk-footer">
      <div class={container}>
        <div class="govuk-footer__meta">
          <div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
            <h2 class="govuk-visually-hidden">{t('common.supportLinks')}</h2>
            <ul class="govuk-footer__inline-list">
              <li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href={paths.accessibility(lang)}>{t('footer.accessibility')}</a></li>
              <li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href={paths.privacy(lang)}>{t('footer.privacy')}</a></li>
              <li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href={paths.maturity(lang)}>{t('maturity.footer')}</a></li>
              <li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href={paths.performance(lang)}>{t('footer.performance')}</a></li>
            </ul>
            <div class="govuk-footer__meta-custom">
              {t('footer.about')}
              <a class="govuk-footer__link" href={paths.openapi}>{t('footer.api')}</a>, <a class="govuk-footer__link" href={paths.jsonld}>{t('footer.jsonld')}</a>.
            </div>
            <p class="govuk-body-s">{t('footer.demo')}</p>
          </div>
        </div>
      </div>
    </footer>
  );
}

/** The site search: a labelled search field and its button (compact under the header, full on the home page). */
export function SearchForm({ ctx, id, value = '', compact = false }: { ctx: PageContext; id: string; value?: string; compact?: boolean }) {
  const hintId = `${id}-hint`;
  return (
    <form class={compact ? 'app-search' : 'app-search govuk-!-margin-bottom-6'} action={paths.search(ctx.lang)} method="get" role="search">
      <div class="govuk-form-group govuk-!-margin-bottom-0">
        <label for={id} class={compact ? 'govuk-visually-hidden' : 'govuk-label govuk-label--m'}>
          {ctx.t('search.label')}
        </label>
        {compact ? null : <div class="govuk-hint" id={hintId}>{ctx.t('search.placeholderHint')}</div>}
        <div class="app-search__row">
          <input class="govuk-input" id={id} name="q" type="search" value={value} maxLength={200} autoComplete="off" aria-describedby={compact ? undefined : hintId} />
          <button type="submit" class="govuk-button">{ctx.t('search.button')}</button>
        </div>
      </div>
    </form>
  );
}
