import type { ConsentOffer } from '../../modules/consent/index.ts';
import { ErrorSummary, type FieldError } from '../common/components.tsx';
import { formatInstant } from '../common/dates.ts';
import { NotificationBanner, SummaryList, Tag, WarningText } from '../common/govuk.tsx';
import { Layout, type PageContext } from '../common/layout.tsx';
import { paths } from '../common/paths.ts';
import { type ConsentWithState, consentRows, isActive, sourceText, stateText } from './consent.view.ts';

export type ConsentOutcome = 'granted' | 'revoked' | 'declined' | null;

function OutcomeBanner({ ctx, outcome }: { ctx: PageContext; outcome: ConsentOutcome }) {
  const { t } = ctx;
  if (outcome === null) {
    return null;
  }
  return outcome === 'declined'
    ? <NotificationBanner t={t} heading={t('consent.bannerDeclined')} />
    : <NotificationBanner t={t} kind="success" heading={t(outcome === 'granted' ? 'consent.bannerGranted' : 'consent.bannerRevoked')} />;
}

/** One consent as a summary card: the recipient as its title, the words and dates, its state, and "Revoke" while it is in force. */
function ConsentCard({ ctx, consent, mayChange }: { ctx: PageContext; consent: ConsentWithState; mayChange: boolean }) {
  const { t, lang } = ctx;
  const recipient = consent.words.recipient[lang];
  const active = isActive(consent);
  return (
    <div class="govuk-summary-card" id={`consent-${consent.id}`}>
      <div class="govuk-summary-card__title-wrapper">
        <h3 class="govuk-summary-card__title">{recipient}</h3>
        {active && mayChange ? (
          <ul class="govuk-summary-card__actions">
            <li class="govuk-summary-card__action">
              <a class="govuk-link" href={paths.revokeConsent(lang, consent.id)}>{t('consent.revoke')}<span class="govuk-visually-hidden"> {t('consent.revokeHidden', { recipient })}</span></a>
            </li>
          </ul>
        ) : null}
      </div>
      <div class="govuk-summary-card__content">
        <SummaryList t={t} rows={[
          ...consentRows(t, lang, consent).slice(1),
          { key: t('consent.status'), value: <Tag colour={consent.state === 'in-force' ? 'green' : 'grey'}>{stateText(t, lang, consent)}</Tag> },
        ]} />
      </div>
    </div>
  );
}

/** The cabinet's "Data sharing consents": the person's consents in force and past, newest first; each in force may be revoked. */
export function ConsentsPage({ ctx, consents, mayChange, outcome }: { ctx: PageContext; consents: readonly ConsentWithState[]; mayChange: boolean; outcome: ConsentOutcome }) {
  const { t, lang } = ctx;
  const active = consents.filter(isActive);
  const past = consents.filter((c) => !isActive(c));
  return (
    <Layout ctx={ctx} title={t('consent.title')} searchBox={false} crumbs={[{ href: paths.cabinet(lang), label: t('cabinet.title') }]}>
      <OutcomeBanner ctx={ctx} outcome={outcome} />
      <h1 class="govuk-heading-l">{t('consent.title')}</h1>
      <p class="govuk-body">{t('consent.lead')}</p>
      {mayChange ? null : <p class="govuk-body">{t('consent.actForYourself')} <a class="govuk-link" href={paths.actAs(lang)}>{t('session.changeActing')}</a></p>}
      <h2 class="govuk-heading-m" id="active">{t('consent.active')}</h2>
      {active.length === 0 ? <p class="govuk-body">{t('consent.noneActive')}</p> : active.map((c) => <ConsentCard key={c.id} ctx={ctx} consent={c} mayChange={mayChange} />)}
      <h2 class="govuk-heading-m" id="past">{t('consent.past')}</h2>
      {past.length === 0 ? <p class="govuk-body">{t('consent.nonePast')}</p> : past.map((c) => <ConsentCard key={c.id} ctx={ctx} consent={c} mayChange={false} />)}
    </Layout>
  );
}

/** Revoking, confirmed: the consent as agreed, what revoking does, and the button (a form with the session's CSRF token). */
export function RevokeConsentPage({ ctx, consent, csrf }: { ctx: PageContext; consent: ConsentWithState; csrf: string }) {
  const { t, lang } = ctx;
  const recipient = consent.words.recipient[lang];
  return (
    <Layout ctx={ctx} title={t('consent.revokeTitle')} searchBox={false} crumbs={[{ href: paths.cabinet(lang), label: t('cabinet.title') }, { href: paths.consents(lang), label: t('consent.title') }]}>
      <h1 class="govuk-heading-l">{t('consent.revokeTitle')}</h1>
      <SummaryList t={t} rows={consentRows(t, lang, consent)} />
      <WarningText t={t}>{t('consent.revokeWarning', { recipient })}</WarningText>
      <form method="post" action={paths.revokeConsent(lang, consent.id)} novalidate>
        <input type="hidden" name="_csrf" value={csrf} />
        <div class="govuk-button-group">
          <button type="submit" class="govuk-button govuk-button--warning" data-module="govuk-button">{t('consent.revokeConfirm')}</button>
          <a class="govuk-link" href={paths.consents(lang)}>{t('consent.back')}</a>
        </div>
      </form>
    </Layout>
  );
}

export interface OfferView {
  readonly offer: ConsentOffer;
  /** Until when a consent given now would last. */
  readonly until: Date;
  /** The person's consent to this offer in force already, if any. */
  readonly inForceUntil: Date | null;
  readonly mayConsent: boolean;
  readonly csrf: string;
  readonly errors: readonly FieldError[];
}

/** A partner's request for consent in plain words — who, what data, what for, from where, for how long — with "Allow" and "Do not allow". */
export function ConsentOfferPage({ ctx, view }: { ctx: PageContext; view: OfferView }) {
  const { t, lang } = ctx;
  const { offer } = view;
  const recipient = offer.words.recipient[lang];
  const title = t('consent.offerTitle', { recipient });
  return (
    <Layout ctx={ctx} title={title} searchBox={false} crumbs={[{ href: paths.cabinet(lang), label: t('cabinet.title') }, { href: paths.consents(lang), label: t('consent.title') }]}>
      <ErrorSummary ctx={ctx} errors={view.errors} />
      <h1 class="govuk-heading-l">{title}</h1>
      <p class="govuk-body">{t('consent.offerLead')}</p>
      <SummaryList t={t} rows={[
        { key: t('consent.recipient'), value: recipient },
        { key: t('consent.data'), value: offer.words.data[lang] },
        { key: t('consent.purpose'), value: offer.words.purpose[lang] },
        { key: t('consent.source'), value: sourceText(t, offer.service) },
        { key: t('consent.duration'), value: t.plural('consent.forDays', offer.days, { count: offer.days, until: formatInstant(view.until, lang) }) },
      ]} />
      {!view.mayConsent ? <p class="govuk-body">{t('consent.notAllowed')} <a class="govuk-link" href={paths.actAs(lang)}>{t('session.changeActing')}</a></p>
        : view.inForceUntil !== null ? <p class="govuk-body">{t('consent.alreadyGiven', { until: formatInstant(view.inForceUntil, lang) })} <a class="govuk-link" href={paths.consents(lang)}>{t('consent.back')}</a></p>
          : (
            <form method="post" action={paths.consentOffer(lang, offer.id)} novalidate>
              <input type="hidden" name="_csrf" value={view.csrf} />
              <div class="govuk-button-group" id="decision">
                <button type="submit" name="decision" value="allow" class="govuk-button" data-module="govuk-button">{t('consent.allow')}</button>
                <button type="submit" name="decision" value="deny" class="govuk-button govuk-button--secondary" data-module="govuk-button">{t('consent.deny')}</button>
              </div>
            </form>
          )}
    </Layout>
  );
}
