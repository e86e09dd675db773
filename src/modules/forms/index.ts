/** The forms module's public surface: application forms as data, their checks, answers and prefill. Pure. */
export {
  ApplicationForm as ApplicationFormSchema,
  type ApplicationForm,
  type Answers,
  type Condition,
  FIELD_KINDS,
  type FieldOption,
  type FormField,
  type FormPage,
  PREFILL_SOURCES,
  type PrefillSource,
  type RegistryPrefill,
  RegistryServiceName,
} from './form.schemas.ts';
export { checkForm, type FormProblem } from './form-check.ts';
export {
  type AnswerIssue,
  checkAnswers,
  checkPage,
  fileAnswers,
  findPage,
  holds,
  mergeAnswers,
  nextPage,
  previousPage,
  pruneHidden,
  type RawBody,
  type ReadOptions,
  readPage,
  visibleFields,
  visiblePages,
} from './form-answers.ts';
export { lockedFields, prefill, type PrefillProfile, REGISTER_SOURCES, registryFields } from './prefill.ts';
