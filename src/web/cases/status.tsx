import type { Lang, LocalText } from '../../kernel/text.ts';
import { type CaseTurn, formatMoney } from '../../modules/cases/index.ts';
import { formatDay } from '../common/dates.ts';
import type { Translator } from '../locales/messages.ts';
import type { TagTone } from './cabinet.view.ts';

const TAG_CLASS: Record<TagTone, string> = {
  'your-turn': 'govuk-tag govuk-tag--orange',
  agency: 'govuk-tag govuk-tag--blue',
  granted: 'govuk-tag govuk-tag--green',
  refused: 'govuk-tag govuk-tag--red',
  ended: 'govuk-tag govuk-tag--grey',
};

/** A case's state as a tag: its name from the workflow, coloured by whose turn it is. */
export function StatusTag({ lang, tone, label }: { lang: Lang; tone: TagTone; label: LocalText }) {
  return <strong class={TAG_CLASS[tone]}>{label[lang]}</strong>;
}

/** Whose turn it is, in words that say who waits for whom and until when. */
export function turnText(t: Translator, turn: CaseTurn): string {
  const lang = t.lang;
  switch (turn.kind) {
    case 'answer':
      return t('cases.turn.answer', { due: formatDay(turn.request.answerDueOn, lang) });
    case 'pay':
      return t('cases.turn.pay', { amount: formatMoney(turn.amount, lang) });
    case 'confirming-payment':
      return t('cases.turn.confirming');
    case 'agency':
      return turn.dueOn === null ? t('cases.turn.agencyUndated') : t('cases.turn.agency', { due: formatDay(turn.dueOn, lang) });
    case 'decided':
      return t(`cases.turn.${turn.outcome}`);
    case 'closed':
      return t('cases.turn.closed');
  }
}

/** The name of an issued document's kind. */
export const documentName = (t: Translator, kind: string): string =>
  t(`document.${kind === 'decision-refused' ? 'decision-refused' : kind === 'silent-consent' ? 'silent-consent' : 'decision-granted'}`);
