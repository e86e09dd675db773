/** A consent in the person's words: who gets what, why, from which register, since and until when, in what state. */
import type { Lang } from '../../kernel/text.ts';
import type { Consent, ConsentState } from '../../modules/consent/index.ts';
import { formatInstant } from '../common/dates.ts';
import type { SummaryRow } from '../common/govuk.tsx';
import type { Translator } from '../locales/messages.ts';

const REGISTERS = new Set(['population', 'business', 'vehicles', 'property', 'tax', 'social-insurance']);

/** The register an exchange service (`INSTANCE/CLASS/MEMBER/SUBSYSTEM/SERVICE`) belongs to, by its subsystem; else the service as named. */
export function sourceText(t: Translator, service: string): string {
  const subsystem = service.split('/')[3] ?? '';
  return REGISTERS.has(subsystem) ? t('consent.sourceRegister', { register: t(`registers.${subsystem}` as 'registers.tax') }) : service;
}

export type ConsentWithState = Consent & { readonly state: ConsentState };

/** Whether a consent still lets (or will let) data go: listed among those in force, with a way to revoke it. */
export const isActive = (c: ConsentWithState): boolean => c.state === 'in-force' || c.state === 'not-yet';

/** The rows of a consent's summary: the words the person agreed to, as shown then, and its dates. */
export function consentRows(t: Translator, lang: Lang, c: ConsentWithState): SummaryRow[] {
  return [
    { key: t('consent.recipient'), value: c.words.recipient[lang] },
    { key: t('consent.data'), value: c.words.data[lang] },
    { key: t('consent.purpose'), value: c.words.purpose[lang] },
    { key: t('consent.source'), value: sourceText(t, c.service) },
    { key: t('consent.given'), value: t('consent.givenAt', { at: formatInstant(c.grantedAt, lang), channel: t(`consent.channel.${c.grantedChannel}`) }) },
    { key: t('consent.since'), value: formatInstant(c.validFrom, lang) },
    { key: t('consent.until'), value: formatInstant(c.validUntil, lang) },
  ];
}

/** The state in words: revoked ones with the time they were revoked. */
export const stateText = (t: Translator, lang: Lang, c: ConsentWithState): string =>
  c.state === 'revoked' ? t('consent.state.revoked', { at: formatInstant(c.revokedAt ?? c.validUntil, lang) }) : t(`consent.state.${c.state}`);
