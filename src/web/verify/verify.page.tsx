import { type ComponentChildren, Fragment } from 'preact';

import type { LocalText } from '../../kernel/text.ts';
import { formatInstant } from '../common/dates.ts';
import { Layout, type PageContext } from '../common/layout.tsx';
import { hexGroups, verdictOf } from './verify.view.ts';

export interface VerifyView {
  readonly kind: string;
  readonly number: string;
  readonly caseNumber: string;
  readonly issuer: LocalText;
  readonly issuedAt: Date;
  readonly status: 'valid' | 'revoked';
  readonly sealValid: boolean;
  readonly sha256: string;
  readonly keyId: string;
}

/** The public verification of a document: authentic or not, valid or revoked, issuer and date — no personal data. */
export function VerifyPage({ ctx, view }: { ctx: PageContext; view: VerifyView | null }) {
  const { t, lang } = ctx;
  if (view === null) {
    return (
      <Layout ctx={ctx} title={t('verify.title')} searchBox={false}>
        <h1 class="govuk-heading-l">{t('verify.title')}</h1>
        <Banner kind="important" title={t('verify.status')}><p class="govuk-notification-banner__heading">{t('verify.unknown')}</p></Banner>
      </Layout>
    );
  }
  const verdict = verdictOf(view);
  const kind = view.kind === 'decision-refused' || view.kind === 'silent-consent' || view.kind === 'decision-granted' ? view.kind : 'decision-granted';
  const tag = <strong class={`govuk-tag govuk-tag--${verdict.tagColour}`}>{t(verdict.tag)}</strong>;
  return (
    <Layout ctx={ctx} title={t('verify.title')} searchBox={false}>
      <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-l">{t('verify.title')}</h1>
        <Banner kind={verdict.banner} title={t('verify.status')}>
          <p class="govuk-notification-banner__heading" data-verdict={verdict.verdict}>{t(verdict.message)}</p>
        </Banner>
        <dl class="govuk-summary-list">
          <Row label={t('verify.status')}>{tag}</Row>
          <Row label={t('verify.kind')}>{t(`document.${kind}`)}</Row>
          <Row label={t('verify.number')}>{view.number}</Row>
          <Row label={t('verify.case')}>{view.caseNumber}</Row>
          <Row label={t('verify.issuer')}>{view.issuer[lang]}</Row>
          <Row label={t('verify.issued')}>{formatInstant(view.issuedAt, lang)}</Row>
          <Row label={t('verify.hash')}><code class="govuk-!-text-break-word" id="document-hash">{hexGroups(view.sha256).map((g, i) => <Fragment key={i}>{i > 0 ? <wbr /> : null}{g}</Fragment>)}</code></Row>
          <Row label={t('verify.key')}><code class="govuk-!-text-break-word">{view.keyId}</code></Row>
        </dl>
        <p class="govuk-hint">{t('verify.privacy')}</p>
      </div></div>
    </Layout>
  );
}

function Row({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="govuk-summary-list__row">
      <dt class="govuk-summary-list__key">{label}</dt>
      <dd class="govuk-summary-list__value govuk-!-text-break-word">{children}</dd>
    </div>
  );
}

/** The notification banner: success for good news, the default ("important") otherwise. */
function Banner({ kind, title, children }: { kind: 'success' | 'important'; title: string; children: ComponentChildren }) {
  return (
    <div class={`govuk-notification-banner${kind === 'success' ? ' govuk-notification-banner--success' : ''}`} role="region" aria-labelledby="verify-banner-title" data-module="govuk-notification-banner">
      <div class="govuk-notification-banner__header">
        <h2 class="govuk-notification-banner__title" id="verify-banner-title">{title}</h2>
      </div>
      <div class="govuk-notification-banner__content">{children}</div>
    </div>
  );
}

/** The public check behind a receipt's QR code. */
export function ReceiptCheckPage({ ctx, found }: { ctx: PageContext; found: { number: string; submittedAt: Date; serviceName: LocalText | null; organisationName: LocalText } | null }) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('verify.receiptTitle')} searchBox={false}>
      <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-l">{t('verify.receiptTitle')}</h1>
        {found === null ? (
          <Banner kind="important" title={t('verify.status')}><p class="govuk-notification-banner__heading">{t('verify.receiptUnknown')}</p></Banner>
        ) : (
          <>
            <Banner kind="success" title={t('verify.status')}><p class="govuk-notification-banner__heading">{t('verify.receiptFound', { number: found.number })}</p></Banner>
            <dl class="govuk-summary-list">
              <Row label={t('verify.issuer')}>{found.organisationName[lang]}</Row>
              {found.serviceName ? <Row label={t('cases.service')}>{found.serviceName[lang]}</Row> : null}
              <Row label={t('cases.submitted')}>{formatInstant(found.submittedAt, lang)}</Row>
            </dl>
          </>
        )}
        <p class="govuk-hint">{t('verify.privacy')}</p>
      </div></div>
    </Layout>
  );
}
