import type { ApplicationProblem, ApplicationRefused } from '../../modules/applications/index.ts';
import type { AnswerIssue, FormField } from '../../modules/forms/index.ts';
import type { Translator } from '../locales/messages.ts';

const CHOICE_KINDS = new Set<FormField['kind']>(['radio', 'select', 'checkboxes', 'yes-no']);

/** The message for a problem with an answer: the form's own wording if it has one, else the portal's. */
export function answerMessage(t: Translator, field: FormField, issue: Pick<AnswerIssue, 'keyword' | 'params'>): string {
  const own = field.errors?.[issue.keyword];
  if (own !== undefined) {
    return own[t.lang];
  }
  const label = field.label[t.lang];
  const n = (key: string) => Number(issue.params[key] ?? 0);
  switch (issue.keyword) {
    case 'required':
      return field.kind === 'file' ? t('answer.upload', { label }) : CHOICE_KINDS.has(field.kind) ? t('answer.choose', { label }) : t('answer.required', { label });
    case 'format':
      return issue.params['format'] === 'date' ? t('form.date', { label }) : issue.params['format'] === 'email' ? t('answer.email', { label }) : t('answer.invalid', { label });
    case 'minLength':
      return t.plural('form.minLength', n('limit'), { label });
    case 'maxLength':
      return t.plural('form.maxLength', n('limit'), { label });
    case 'minimum':
      return t('answer.minimum', { label, n: n('limit') });
    case 'maximum':
      return t('answer.maximum', { label, n: n('limit') });
    case 'type':
      return field.kind === 'number' ? t('answer.number', { label }) : t('answer.invalid', { label });
    case 'minItems':
      return t('answer.choose', { label });
    default:
      return t('answer.invalid', { label });
  }
}

/** The message for a refused application step (`limit`: the quota or count a refusal names). */
export function applicationMessage(t: Translator, problem: ApplicationProblem, maxMb: number, limit: number | null = null): string {
  switch (problem) {
    case 'file-too-large':
      return t('applyError.file-too-large', { mb: maxMb });
    case 'quota-drafts':
      return t.plural('form.quotaDrafts', limit ?? 0);
    case 'too-many-files':
      return t(`applyError.${problem}`, { n: limit ?? 0 });
    case 'quota-bytes':
      return t('applyError.quota-bytes', { mb: limit ?? 0 });
    case 'storage-full':
    case 'service-not-found':
    case 'not-online':
    case 'not-allowed':
    case 'audience':
    case 'draft-not-found':
    case 'page-not-found':
    case 'other-party':
    case 'stale':
    case 'not-a-file-question':
    case 'file-empty':
    case 'file-type':
    case 'declaration-required':
    case 'incomplete':
      return t(`applyError.${problem}`);
  }
}

/** The status of a refusal: 404 for what is not there (or not theirs), 403, 507 when storage is full, else 400. */
export function refusalStatus(e: ApplicationRefused): number {
  switch (e.problem) {
    case 'draft-not-found':
    case 'service-not-found':
    case 'page-not-found':
      return 404;
    case 'not-allowed':
    case 'quota-drafts':
    case 'quota-bytes':
      return 403;
    case 'storage-full':
      return 507;
    case 'not-online':
    case 'audience':
    case 'other-party':
    case 'stale':
    case 'not-a-file-question':
    case 'file-empty':
    case 'file-too-large':
    case 'file-type':
    case 'too-many-files':
    case 'declaration-required':
    case 'incomplete':
      return 400;
  }
}
