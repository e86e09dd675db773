/**
 * What a centre offers for booking (its services with the visit's length and places), and reading a
 * text such as "Zorehrad passport" as one of those offers. Pure.
 */
import type { LocalText } from '../../kernel/text.ts';
import type { OpeningPeriod } from './slots.ts';

export interface Offer {
  readonly centreId: string;
  readonly centreName: LocalText;
  /** Street and city, for the confirmation, the calendar file and SMS replies. */
  readonly address: LocalText;
  readonly city: LocalText;
  readonly hours: readonly OpeningPeriod[];
  readonly serviceId: string;
  readonly serviceName: LocalText;
  readonly minutes: number;
  readonly capacity: number;
}

const wordsOf = (text: string): string[] => text.normalize('NFC').toLocaleLowerCase('uk').split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');

/** Every asked word begins some word of the texts. */
const covers = (asked: readonly string[], texts: readonly string[]): boolean => {
  const words = texts.flatMap(wordsOf);
  return asked.length > 0 && asked.every((a) => words.some((w) => w.startsWith(a)));
};

/**
 * The offer a text names: its first words name the centre (by city, name or id), the rest the service
 * (by name or id), in either language. The first offer that fits, in the catalogue's order; null if none.
 */
export function offerNamed(offers: readonly Offer[], text: string): Offer | null {
  const words = wordsOf(text);
  for (let k = 1; k < words.length; k++) {
    const centre = words.slice(0, k);
    const service = words.slice(k);
    const found = offers.find((o) => covers(centre, [o.city.uk, o.city.en, o.centreName.uk, o.centreName.en, o.centreId]) && covers(service, [o.serviceName.uk, o.serviceName.en, o.serviceId]));
    if (found !== undefined) {
      return found;
    }
  }
  return null;
}
