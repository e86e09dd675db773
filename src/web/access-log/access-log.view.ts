/** "Who saw my data" in words: each access record as a row of the cabinet's table, and the appeal that asks why. */
import type { Lang } from '../../kernel/text.ts';
import type { AccessEntry, WatchedParty } from '../../modules/access-log/index.ts';
import { formatInstant } from '../common/dates.ts';
import type { Translator } from '../locales/messages.ts';

export interface AccessRowView {
  readonly id: number;
  readonly when: string;
  readonly who: string;
  readonly agency: string;
  readonly role: string;
  readonly channel: string;
  readonly what: string;
  readonly why: string;
}

const ROLES = new Set(['clerk', 'decision-maker', 'supervisor', 'agency-admin', 'front-desk', 'contact-centre', 'catalogue-editor', 'national-admin']);
const CHANNELS = new Set(['web', 'phone', 'in-person']);

/** One record in plain words; `agencyName` names an agency by its id (the catalogue's). */
export function accessRow(t: Translator, lang: Lang, e: AccessEntry, agencyName: (id: string) => string): AccessRowView {
  return {
    id: e.id,
    when: formatInstant(e.at, lang),
    who: e.readerName ?? (e.role === 'portal' ? t('accessLog.portal') : t('accessLog.unknownReader')),
    agency: e.agencyId === null ? t('accessLog.noAgency') : agencyName(e.agencyId),
    role: ROLES.has(e.role) ? t(`role.${e.role}` as 'role.clerk') : e.role === 'portal' ? t('accessLog.portal') : e.role,
    channel: CHANNELS.has(e.channel) ? t(`accessLog.channel.${e.channel}` as 'accessLog.channel.web') : '',
    what: t(`accessLog.what.${e.what}`),
    why: 'case' in e.purpose ? t('accessLog.why.case', { number: e.purpose.case })
      : e.purpose.appeal !== null && (e.purpose.basis === 'appeal-consideration' || e.purpose.basis === 'appeal-intake') ? t(`accessLog.why.${e.purpose.basis}`, { number: e.purpose.appeal })
        : t(`accessLog.basis.${e.purpose.basis}`),
  };
}

/** The party's label in the page's navigation between parties. */
export const partyLabel = (t: Translator, p: WatchedParty): string =>
  p.key === 'self' ? t('accessLog.self') : `${p.name} (${t(`accessLog.partyBasis.${p.basis}`)})`;

/** The fields of a request to the agency that read the data, filled in from the record (the person checks and sends it). */
export function appealFromEntry(t: Translator, row: AccessRowView, entry: AccessEntry) {
  return {
    kind: 'request', agency: entry.agencyId ?? '', caseNumber: entry.caseNumber ?? '', officer: row.who.slice(0, 200),
    text: t('accessLog.appealText', { who: row.who, role: row.role, agency: row.agency, what: row.what, when: row.when, id: row.id, why: row.why }),
  };
}
