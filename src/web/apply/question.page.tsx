import type { DraftView } from '../../modules/applications/index.ts';
import { paths } from '../common/paths.ts';
import { ErrorSummary, type FieldError } from '../common/components.tsx';
import { maxLengthOf } from '../common/form-fields.tsx';
import { Layout, type PageContext } from '../common/layout.tsx';
import { answerValue } from './check.view.ts';
import { FileField, Question, RegisterAnswers } from './fields.tsx';
import { type Screen, screenPath } from './screens.view.ts';
import { sourceText } from './sources.view.ts';

export interface QuestionView {
  readonly draft: DraftView;
  readonly screen: Screen;
  readonly progress: { readonly n: number; readonly of: number | null };
  readonly previous: string | null;
  /** On a follow-up screen: the answer that revealed it, and its question. */
  readonly followUp: { readonly answer: string; readonly question: string } | null;
  readonly errors: readonly FieldError[];
  readonly notice: string | null;
  readonly csrf: string;
}

/**
 * One screen of an application form: its questions in one form (multipart when it asks for files, so
 * a chosen file is stored by Save and continue as by its Upload button), register data read-only.
 */
export function QuestionPage({ ctx, view }: { ctx: PageContext; view: QuestionView }) {
  const { t, lang } = ctx;
  const { draft, service, form, attachments, locked, sources } = view.draft;
  const { page, about, fields } = view.screen;
  const error = (name: string) => view.errors.find((e) => e.field === name)?.message;
  const fromRegister = fields.filter((f) => locked.includes(f.name) && draft.answers[f.name] !== undefined);
  const asked = fields.filter((f) => !fromRegister.includes(f));
  const files = asked.filter((f) => f.kind === 'file');
  const plain = asked.filter((f) => f.kind !== 'file');
  const action = screenPath(lang, draft.id, view.screen);
  const register = fromRegister.map((f) => {
    const v = answerValue(f, draft.answers[f.name], [], lang);
    const source = sources[f.name];
    return { field: f.name, label: f.label[lang], value: v.kind === 'text' ? v.text : '', source: source === undefined ? null : sourceText(t, lang, source) };
  });
  return (
    <Layout ctx={ctx} title={`${view.errors.length > 0 ? `${t('error.prefix')} ` : ''}${page.title[lang]} — ${service.name[lang]}`} searchBox={false}
      crumbs={[{ href: paths.myApplications(lang), label: t('cases.mine') }]}>
      {view.previous ? <a class="govuk-back-link" href={view.previous}>{t('apply.back')}</a> : null}
      <ErrorSummary ctx={ctx} errors={view.errors} />
      {view.notice ? (
        <div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="notice-title">
          <div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="notice-title">{t('form.success')}</h2></div>
          <div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">{view.notice}</p></div>
        </div>
      ) : null}
      <span class="govuk-caption-l">{service.name[lang]} · {view.progress.of === null ? t('form.step', { n: view.progress.n }) : t('form.stepOf', { n: view.progress.n, of: view.progress.of })}</span>
      <h1 class="govuk-heading-l">{page.title[lang]}</h1>
      {draft.party.kind === 'self' ? null : <p class="govuk-body">{t('apply.forParty', { name: draft.party.name })}</p>}
      {about === null && page.intro ? <p class="govuk-body-l">{page.intro[lang]}</p> : null}
      {view.followUp ? <div class="govuk-inset-text" id="follow-up-lead">{t('form.followUpLead', view.followUp)}</div> : null}
      <RegisterAnswers ctx={ctx} rows={register} />
      <form method="post" action={action} novalidate encType={files.length > 0 ? 'multipart/form-data' : undefined}>
        <input type="hidden" name="_csrf" value={view.csrf} />
        {plain.map((f) => <Question key={f.name} ctx={ctx} field={f} value={draft.answers[f.name]} error={error(f.name)} maxLength={maxLengthOf(form.schema, f.name)} />)}
        {files.map((f) => (
          <FileField key={f.name} ctx={ctx} field={f} maxMb={form.maxAttachmentMb} error={error(f.name)} removeForm={`remove-${f.name}`}
            attachment={attachments.find((a) => a.id === draft.answers[f.name]) ?? null} />
        ))}
        <button type="submit" class="govuk-button">{t('apply.continue')}</button>
      </form>
      {files.map((f) => (
        <form key={f.name} id={`remove-${f.name}`} method="post" action={paths.applyRemoveFile(lang, draft.id, page.id, f.name)}>
          <input type="hidden" name="_csrf" value={view.csrf} />
        </form>
      ))}
      <p class="govuk-body-s">{t.plural('form.savedNote', form.draftRetentionDays)}</p>
    </Layout>
  );
}
