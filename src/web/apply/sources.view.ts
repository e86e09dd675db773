/** Where a value came from, in words: "From the population register, 4 December 2026" (once-only prefill, ADR 0027). */
import { kyivDay } from '../../kernel/state-time.ts';
import type { Lang } from '../../kernel/text.ts';
import { formatDay } from '../common/dates.ts';
import { registerName } from '../common/registry-evidence.tsx';
import type { Translator } from '../locales/messages.ts';

export const sourceText = (t: Translator, lang: Lang, source: { readonly service: string; readonly at: Date }): string =>
  t('form.fromRegistry', { register: registerName(t, source.service), day: formatDay(kyivDay(source.at), lang) });
