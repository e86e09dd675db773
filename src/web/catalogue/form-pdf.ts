import type { Lang } from '../../kernel/text.ts';
import type { Organisation, Service } from '../../modules/catalogue/index.ts';
import type { PrintableForm, PrintedQuestion } from '../../modules/documents/index.ts';
import type { FormField } from '../../modules/forms/index.ts';
import type { Translator } from '../locales/messages.ts';

const ANSWER: Record<FormField['kind'], PrintedQuestion['answer']> = {
  text: 'line', email: 'line', tel: 'line', number: 'line', textarea: 'lines', date: 'date',
  select: 'choices', radio: 'choices', checkboxes: 'choices', 'yes-no': 'yes-no', file: 'enclose',
};

/** The words of a field's condition: "Only if the answer to “…” is: …". */
function conditionOf(t: Translator, lang: Lang, fields: readonly FormField[], when: FormField['when']): string | undefined {
  if (when === undefined) {
    return undefined;
  }
  const asked = fields.find((f) => f.name === when.field);
  const answer = when.in.map((v) => asked?.options?.find((o) => o.value === v)?.label[lang] ?? (v === true ? t('formPdf.yes') : v === false ? t('formPdf.no') : String(v))).join(' / ');
  return t('formPdf.condition', { question: asked?.label[lang] ?? when.field, answer });
}

/** A service's application form as printed: the same pages and questions as online, in the reader's language. */
export function printableForm(t: Translator, lang: Lang, service: Service, organisation: Organisation | null): PrintableForm {
  const form = service.form;
  const fields = form?.pages.flatMap((p) => p.fields) ?? [];
  const post = service.channels.find((c) => c.type === 'post' && c.postalAddress !== undefined)?.postalAddress;
  const address = post === undefined ? null : `${post.street[lang]}, ${post.city[lang]}, ${post.postCode}`;
  return {
    title: t('formPdf.title', { service: service.name[lang] }),
    subtitle: [t('formPdf.code', { code: service.identifier, agency: organisation?.name[lang] ?? '' }).trim()],
    instructions: [
      t('formPdf.instructions'),
      ...(address === null ? [] : [t('formPdf.sendTo', { address })]),
      ...(service.channels.some((c) => c.type === 'in-person') ? [t('formPdf.bringTo')] : []),
    ],
    sections: (form?.pages ?? []).map((page) => ({
      title: page.title[lang],
      ...(page.intro === undefined ? {} : { intro: page.intro[lang] }),
      questions: page.fields.map((f): PrintedQuestion => {
        const condition = conditionOf(t, lang, fields, f.when ?? page.when);
        return {
          label: f.label[lang],
          answer: ANSWER[f.kind],
          ...(f.hint === undefined ? {} : { hint: f.hint[lang] }),
          ...(f.options === undefined ? {} : { choices: f.options.map((o) => o.label[lang]) }),
          ...(condition === undefined ? {} : { condition }),
        };
      }),
    })),
    declaration: form?.declaration?.[lang] ?? t('formPdf.declaration'),
    signature: t('formPdf.signature'),
    words: { yes: t('formPdf.yes'), no: t('formPdf.no'), date: t('formPdf.date'), enclose: t('formPdf.enclose'), page: (n, of) => t('formPdf.page', { n, of }) },
  };
}
