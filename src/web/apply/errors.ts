import type { ApplicationError } from '../../modules/applications/index.ts';
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

/** The message for a refused application step, by its code (`maxMb`: the service's file size limit). */
export function applicationMessage(t: Translator, e: ApplicationError, maxMb: number): string {
  switch (e.code) {
    case 'applications.file_too_large':
      return t('applyError.file-too-large', { mb: maxMb });
    case 'applications.quota_drafts':
      return t.plural('form.quotaDrafts', e.limit);
    case 'applications.too_many_files':
      return t('applyError.too-many-files', { n: e.limit });
    case 'applications.quota_bytes':
      return t('applyError.quota-bytes', { mb: e.limit });
    case 'applications.storage_full':
      return t('applyError.storage-full');
    case 'applications.service_not_found':
      return t('applyError.service-not-found');
    case 'applications.not_online':
      return t('applyError.not-online');
    case 'applications.not_allowed':
      return t('applyError.not-allowed');
    case 'applications.audience':
      return t('applyError.audience');
    case 'applications.draft_not_found':
      return t('applyError.draft-not-found');
    case 'applications.page_not_found':
      return t('applyError.page-not-found');
    case 'applications.other_party':
      return t('applyError.other-party');
    case 'applications.stale':
      return t('applyError.stale');
    case 'applications.not_a_file_question':
      return t('applyError.not-a-file-question');
    case 'applications.file_empty':
      return t('applyError.file-empty');
    case 'applications.file_type':
      return t('applyError.file-type');
    case 'applications.declaration_required':
      return t('applyError.declaration-required');
    case 'applications.applied_already':
      return e.own === null ? t('applyError.applied-already') : t('applyError.applied-already-own', { number: e.own.caseNumber });
    case 'applications.incomplete':
      return t('applyError.incomplete');
  }
}

/** The status of a refusal: 404 for what is not there (or not theirs), 403, 507 when storage is full, else 400. */
export function refusalStatus(e: ApplicationError): number {
  switch (e.code) {
    case 'applications.draft_not_found':
    case 'applications.service_not_found':
    case 'applications.page_not_found':
      return 404;
    case 'applications.not_allowed':
    case 'applications.quota_drafts':
    case 'applications.quota_bytes':
      return 403;
    case 'applications.storage_full':
      return 507;
    case 'applications.not_online':
    case 'applications.audience':
    case 'applications.other_party':
    case 'applications.stale':
    case 'applications.not_a_file_question':
    case 'applications.file_empty':
    case 'applications.file_too_large':
    case 'applications.file_type':
    case 'applications.too_many_files':
    case 'applications.declaration_required':
    case 'applications.incomplete':
      return 400;
    case 'applications.applied_already':
      return 409;
  }
}
