import type { LocalText } from '../../kernel/text.ts';
import { formatInstant } from '../common/dates.ts';
import { Layout, type PageContext } from '../common/layout.tsx';

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
        <h1>{t('verify.title')}</h1>
        <div class="error-summary" role="alert"><p>{t('verify.unknown')}</p></div>
      </Layout>
    );
  }
  const ok = view.sealValid && view.status === 'valid';
  const kind = view.kind === 'decision-refused' || view.kind === 'silent-consent' || view.kind === 'decision-granted' ? view.kind : 'decision-granted';
  return (
    <Layout ctx={ctx} title={t('verify.title')} searchBox={false}>
      <h1>{t('verify.title')}</h1>
      <div class={ok ? 'panel-confirmation' : 'error-summary'} role="status">
        <p class="verdict"><strong>{!view.sealValid ? t('verify.notAuthentic') : view.status === 'revoked' ? t('verify.revoked') : t('verify.valid')}</strong></p>
      </div>
      <dl class="summary-list">
        <div class="summary-row"><dt>{t('verify.kind')}</dt><dd>{t(`document.${kind}`)}</dd></div>
        <div class="summary-row"><dt>{t('verify.number')}</dt><dd>{view.number}</dd></div>
        <div class="summary-row"><dt>{t('verify.case')}</dt><dd>{view.caseNumber}</dd></div>
        <div class="summary-row"><dt>{t('verify.issuer')}</dt><dd>{view.issuer[lang]}</dd></div>
        <div class="summary-row"><dt>{t('verify.issued')}</dt><dd>{formatInstant(view.issuedAt, lang)}</dd></div>
        <div class="summary-row"><dt>{t('verify.hash')}</dt><dd><code class="hash">{view.sha256}</code></dd></div>
        <div class="summary-row"><dt>{t('verify.key')}</dt><dd><code>{view.keyId}</code></dd></div>
      </dl>
      <p class="hint">{t('verify.privacy')}</p>
    </Layout>
  );
}

/** The public check behind a receipt's QR code. */
export function ReceiptCheckPage({ ctx, found }: { ctx: PageContext; found: { number: string; submittedAt: Date; serviceName: LocalText | null; organisationName: LocalText } | null }) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('verify.receiptTitle')} searchBox={false}>
      <h1>{t('verify.receiptTitle')}</h1>
      {found === null ? <div class="error-summary" role="alert"><p>{t('verify.receiptUnknown')}</p></div> : (
        <>
          <div class="panel-confirmation" role="status"><p><strong>{t('verify.receiptFound', { number: found.number })}</strong></p></div>
          <dl class="summary-list">
            <div class="summary-row"><dt>{t('verify.issuer')}</dt><dd>{found.organisationName[lang]}</dd></div>
            {found.serviceName ? <div class="summary-row"><dt>{t('cases.service')}</dt><dd>{found.serviceName[lang]}</dd></div> : null}
            <div class="summary-row"><dt>{t('cases.submitted')}</dt><dd>{formatInstant(found.submittedAt, lang)}</dd></div>
          </dl>
        </>
      )}
      <p class="hint">{t('verify.privacy')}</p>
    </Layout>
  );
}
