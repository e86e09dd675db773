import type { LocalText } from '../../kernel/text.ts';
import type { EidName } from './personas.ts';

/** What differs between the two stand-ins besides their personas. */
export interface EidProfile {
  readonly name: EidName;
  readonly label: LocalText;
  /** The `acr` every sign-in on this stand-in carries (eIDAS-style assurance levels). */
  readonly acr: 'high' | 'substantial';
}

export const EID_PROFILES: Readonly<Record<EidName, EidProfile>> = {
  state: { name: 'state', label: { uk: 'Державний eID', en: 'State eID' }, acr: 'high' },
  bank: { name: 'bank', label: { uk: 'Банк А', en: 'Bank A' }, acr: 'substantial' },
};

export const ACR_VALUES = ['substantial', 'high'] as const;
