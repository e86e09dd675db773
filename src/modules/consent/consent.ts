/**
 * Consents, pure: what a person may be asked to agree to (an offer: a recipient, the data and the
 * service it comes from, the purpose, how long), a consent given, and whether it is in force at a time.
 * Consent is for sharing the law does not require; a right the law gives needs none (ADR 0028).
 */
import type { LocalText } from '../../kernel/text.ts';

/** Who receives the data: an exchange member's subsystem (`INSTANCE/CLASS/MEMBER/SUBSYSTEM`), or a client of the portal's API. */
export interface Recipient {
  readonly kind: 'exchange-subsystem' | 'api-client';
  readonly id: string;
}

/** The words a person is shown and agrees to, in both languages; kept with the consent as shown. */
export interface ConsentWords {
  readonly recipient: LocalText;
  readonly data: LocalText;
  readonly purpose: LocalText;
}

/** A request for consent the portal may put to a person. */
export interface ConsentOffer {
  readonly id: string;
  readonly recipient: Recipient;
  /** The exchange service the data comes from (`INSTANCE/CLASS/MEMBER/SUBSYSTEM/SERVICE`). */
  readonly service: string;
  readonly words: ConsentWords;
  /** How long a consent given lasts, in days (the person may revoke it sooner). */
  readonly days: number;
}

export type ConsentChannel = 'web' | 'api' | 'phone' | 'in-person';

export interface Consent {
  readonly id: string;
  readonly personId: string;
  readonly nationalId: string;
  readonly offer: string;
  readonly recipient: Recipient;
  readonly service: string;
  readonly words: ConsentWords;
  readonly validFrom: Date;
  readonly validUntil: Date;
  readonly grantedAt: Date;
  readonly grantedChannel: ConsentChannel;
  readonly revokedAt: Date | null;
  readonly revokedChannel: ConsentChannel | null;
}

export type ConsentState = 'in-force' | 'not-yet' | 'expired' | 'revoked';

/** Whether a consent lets data go at `at`: from its start, before its end, and not revoked. */
export function stateAt(consent: Pick<Consent, 'validFrom' | 'validUntil' | 'revokedAt'>, at: Date): ConsentState {
  if (consent.revokedAt !== null && consent.revokedAt.getTime() <= at.getTime()) {
    return 'revoked';
  }
  if (at.getTime() < consent.validFrom.getTime()) {
    return 'not-yet';
  }
  return at.getTime() < consent.validUntil.getTime() ? 'in-force' : 'expired';
}

/** The demo state's offers: a partner bank asking for a person's income from the tax registry, for a loan. */
export const DEVELOPMENT_CONSENT_OFFERS: readonly ConsentOffer[] = [
  {
    id: 'bank-loan-income',
    recipient: { kind: 'exchange-subsystem', id: 'PORTICO-DEV/COM/00000010/lending' },
    service: 'PORTICO-DEV/GOV/00000006/tax/income',
    words: {
      recipient: { uk: 'Банк «Зорехрад» (партнер порталу)', en: 'Zorekhrad Bank (a partner of the portal)' },
      data: {
        uk: 'ваші доходи за останні 12 місяців з податкового реєстру: хто їх виплатив, скільки і за який місяць',
        en: 'your income for the last 12 months from the tax register: who paid it, how much and for which month',
      },
      purpose: {
        uk: 'щоб банк вирішив, чи дати вам кредит, який ви просите, і на яку суму — без довідок про доходи від вас',
        en: 'so that the bank can decide whether to give you the loan you are asking for, and how much, without you bringing income statements',
      },
    },
    days: 90,
  },
];

/** The national id a request over the exchange is about: registries take it in the body as `nationalId`. */
export function subjectOf(body: unknown): string | null {
  const id = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['nationalId'] : undefined;
  return typeof id === 'string' && /^[0-9]{10}$/.test(id) ? id : null;
}
