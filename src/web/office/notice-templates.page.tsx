import type { NoticePreview } from '../../modules/notifications/index.ts';
import type { Lang } from '../../kernel/text.ts';
import { SummaryList, type SummaryRow } from '../common/components.tsx';
import { Layout, type PageContext } from '../common/layout.tsx';
import { paths } from '../common/paths.ts';
import { OfficeNav, type OfficeNavItems } from './office-nav.tsx';

export interface NoticeTemplatesView {
  readonly previews: readonly NoticePreview[];
  readonly nav: OfficeNavItems;
}

const LANG_NAME: Record<Lang, string> = { uk: 'Українська', en: 'English' };

function Message({ subject, text }: { subject: string; text: string }) {
  return (
    <>
      <p class="govuk-body govuk-!-font-weight-bold app-break-anywhere">{subject}</p>
      <p class="govuk-body app-office-text">{text}</p>
    </>
  );
}

/** Every message per purpose, channel and language, rendered from a sample case: what people and officers receive. */
export function NoticeTemplatesPage({ ctx, view }: { ctx: PageContext; view: NoticeTemplatesView }) {
  const { t, lang } = ctx;
  const purposes = [...new Set(view.previews.map((p) => p.purpose))];
  return (
    <Layout ctx={ctx} title={t('office.noticeTemplates.title')} searchBox={false} wide>
      <OfficeNav ctx={ctx} items={view.nav} current="notice-templates" />
      <h1 class="govuk-heading-l">{t('office.noticeTemplates.title')}</h1>
      <p class="govuk-body">{t('office.noticeTemplates.lead')}</p>
      <nav aria-labelledby="purposes-title">
        <h2 class="govuk-heading-s" id="purposes-title">{t('office.noticeTemplates.contents')}</h2>
        <ul class="govuk-list">
          {purposes.map((p) => <li key={p}><a class="govuk-link" href={`#${p}`}>{t(`office.noticeTemplates.purpose.${p}`)}</a></li>)}
        </ul>
      </nav>
      {purposes.map((purpose) => (
        <section key={purpose} aria-labelledby={purpose} class="govuk-!-margin-top-8">
          <h2 class="govuk-heading-m" id={purpose}>{t(`office.noticeTemplates.purpose.${purpose}`)}</h2>
          {view.previews.filter((p) => p.purpose === purpose).map((p) => {
            const rows: SummaryRow[] = [
              ...(p.inbox === null ? [] : [{ key: t('office.noticeTemplates.inbox'), value: <Message subject={p.inbox.subject} text={p.inbox.text} /> }]),
              ...(p.email === null ? [] : [{ key: t('office.noticeTemplates.email'), value: <Message subject={p.email.subject} text={p.email.text} /> }]),
              ...(p.sms === null ? [] : [{
                key: t('office.noticeTemplates.sms'),
                value: (
                  <>
                    <p class="govuk-body app-office-text" lang={p.lang}>{p.sms.text}</p>
                    <p class="govuk-hint">{t.plural('office.noticeTemplates.segments', p.sms.segments, { encoding: p.sms.encoding === 'gsm7' ? 'GSM-7' : 'UCS-2', units: p.sms.units })}</p>
                  </>
                ),
              }]),
              ...(p.letter === null ? [] : [{
                key: t('office.noticeTemplates.letter'),
                value: <a class="govuk-link" href={paths.noticeTemplateLetter(lang, p.id)}>{t('office.noticeTemplates.letterPdf', { subject: p.letter.subject })}</a>,
              }]),
            ];
            return (
              <div key={p.id} lang={p.lang}>
                <h3 class="govuk-heading-s" lang={lang}>{LANG_NAME[p.lang]}</h3>
                <SummaryList t={t} rows={rows} />
              </div>
            );
          })}
        </section>
      ))}
    </Layout>
  );
}
