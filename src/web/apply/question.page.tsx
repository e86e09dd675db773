import type { DraftView } from '../../modules/applications/index.ts';
import { visibleFields } from '../../modules/forms/index.ts';
import type { FormPage } from '../../modules/forms/index.ts';
import { paths } from '../common/paths.ts';
import { ErrorSummary, type FieldError } from '../common/components.tsx';
import { FileQuestion, Question, maxLengthOf } from '../common/form-fields.tsx';
import { Layout, type PageContext } from '../common/layout.tsx';

export interface QuestionView {
  readonly draft: DraftView;
  readonly page: FormPage;
  readonly step: number;
  readonly steps: number;
  readonly previous: string | null;
  readonly errors: readonly FieldError[];
  readonly notice: string | null;
  readonly csrf: string;
}

/** One page of an application form: its questions, one topic, a Continue button; file questions upload on their own. */
export function QuestionPage({ ctx, view }: { ctx: PageContext; view: QuestionView }) {
  const { t, lang } = ctx;
  const { draft, service, form, attachments } = view.draft;
  const fields = visibleFields(view.page, draft.answers);
  const error = (name: string) => view.errors.find((e) => e.field === name)?.message;
  const plain = fields.filter((f) => f.kind !== 'file');
  const files = fields.filter((f) => f.kind === 'file');
  return (
    <Layout ctx={ctx} title={`${view.errors.length > 0 ? `${t('error.prefix')} ` : ''}${view.page.title[lang]} — ${service.name[lang]}`} searchBox={false}
      crumbs={[{ href: paths.myApplications(lang), label: t('cases.mine') }]}>
      {view.previous ? <p><a class="back-link" href={view.previous}>{t('apply.back')}</a></p> : null}
      <ErrorSummary ctx={ctx} errors={view.errors} />
      {view.notice ? <div class="notice" role="status">{view.notice}</div> : null}
      <p class="caption">{service.name[lang]} · {t('apply.step', { n: view.step, of: view.steps })}</p>
      <h1>{view.page.title[lang]}</h1>
      {draft.party.kind === 'self' ? null : <p class="notice">{t('apply.forParty', { name: draft.party.name })}</p>}
      {view.page.intro ? <p class="lead">{view.page.intro[lang]}</p> : null}
      {files.map((f) => (
        <FileQuestion key={f.name} ctx={ctx} field={f} csrf={view.csrf} maxMb={form.maxAttachmentMb} error={error(f.name)}
          attachment={attachments.find((a) => a.id === draft.answers[f.name]) ?? null}
          uploadAction={paths.applyUpload(lang, draft.id, view.page.id, f.name)} removeAction={paths.applyRemoveFile(lang, draft.id, view.page.id, f.name)} />
      ))}
      <form method="post" action={paths.applyPage(lang, draft.id, view.page.id)} novalidate>
        <input type="hidden" name="_csrf" value={view.csrf} />
        <input type="hidden" name="_shown" value={plain.map((f) => f.name).join(',')} />
        {plain.map((f) => <Question key={f.name} ctx={ctx} field={f} value={draft.answers[f.name]} error={error(f.name)} maxLength={maxLengthOf(form.schema, f.name)} />)}
        <button type="submit">{t('apply.continue')}</button>
      </form>
      <p class="hint">{t('apply.savedNote', { days: form.draftRetentionDays })}</p>
    </Layout>
  );
}
