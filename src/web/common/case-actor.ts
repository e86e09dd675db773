/**
 * Pure: who acted on a case event and through which channel, in words, from what the event records —
 * the acting person, their workflow role, their staff roles, the channel — and the case's party. The
 * applicant's page names the officers by their role only; the back office names them.
 */
import type { CaseEventRecord, CaseRecord } from '../../modules/cases/index.ts';
import type { Translator } from '../locales/messages.ts';

/** Who acted, as the history tells it. */
export type CaseActor =
  | { readonly kind: 'system' }
  | { readonly kind: 'applicant'; readonly name: string }
  /** Someone acting for the case's party (a representative, a director): `party` is whom. */
  | { readonly kind: 'representative'; readonly name: string; readonly party: string }
  /** An officer of the agency in their workflow role. */
  | { readonly kind: 'officer'; readonly role: 'clerk' | 'decision-maker' | 'supervisor'; readonly name: string }
  /** Staff who acted for the applicant on another channel (a contact-centre operator, a front-desk or post-room clerk). */
  | { readonly kind: 'assisting'; readonly role: 'contact-centre' | 'front-desk' | 'staff'; readonly name: string; readonly forWhom: string }
  /** A centre's front desk acting on its own account (a result made ready, handed over). */
  | { readonly kind: 'centre'; readonly name: string };

const OFFICER_ROLES = ['clerk', 'decision-maker', 'supervisor'] as const;
const isOfficerRole = (role: string): role is (typeof OFFICER_ROLES)[number] => (OFFICER_ROLES as readonly string[]).includes(role);

type Event = Pick<CaseEventRecord, 'actorPersonId' | 'actorName' | 'actorRole' | 'actorStaffRoles'> & { readonly event?: string };

/** The events the front desk records on its own account, not for the applicant. */
const CENTRE_EVENTS: readonly string[] = ['ready-for-collection', 'handed-over', 'collection-cancelled'];
type Case = Pick<CaseRecord, 'applicantPersonId' | 'applicantName' | 'party'>;

export function caseActor(e: Event, c: Case): CaseActor {
  if (e.actorPersonId === null) {
    return { kind: 'system' };
  }
  const name = e.actorName ?? '';
  if (isOfficerRole(e.actorRole)) {
    return { kind: 'officer', role: e.actorRole, name };
  }
  if (e.actorRole === 'front-desk' && e.event !== undefined && CENTRE_EVENTS.includes(e.event)) {
    return { kind: 'centre', name };
  }
  const party = c.party.kind === 'self' ? null : c.party.name;
  if (e.actorPersonId === c.applicantPersonId) {
    return party === null ? { kind: 'applicant', name } : { kind: 'representative', name, party };
  }
  if (e.actorStaffRoles.length > 0) {
    const role = e.actorStaffRoles.includes('contact-centre') ? 'contact-centre' : e.actorStaffRoles.some((r) => r === 'front-desk' || r === 'clerk') ? 'front-desk' : 'staff';
    return { kind: 'assisting', role, name, forWhom: party ?? c.applicantName };
  }
  return { kind: 'representative', name, party: party ?? c.applicantName };
}

/** The actor in words; `names` false leaves out staff members' names (the applicant's side). */
export function actorWords(t: Translator, a: CaseActor, o: { names: boolean }): string {
  switch (a.kind) {
    case 'system':
      return t('timeline.actor.system');
    case 'applicant':
      return t('timeline.actor.applicant', { name: a.name });
    case 'representative':
      return t('timeline.actor.representative', { name: a.name, party: a.party });
    case 'officer': {
      const role = t(`timeline.role.${a.role}`);
      return o.names && a.name !== '' ? t('timeline.actor.named', { name: a.name, role }) : role;
    }
    case 'centre': {
      const role = t('timeline.role.front-desk');
      return o.names && a.name !== '' ? t('timeline.actor.named', { name: a.name, role }) : role;
    }
    case 'assisting': {
      const role = t(`timeline.role.${a.role}`);
      const who = o.names && a.name !== '' ? t('timeline.actor.named', { name: a.name, role }) : role;
      return t('timeline.actor.assisting', { who, forWhom: a.forWhom });
    }
  }
}

/** The channel of an event in words ("through the portal", "by post"); an unknown one as recorded. */
export function channelWords(t: Translator, channel: string): string {
  switch (channel) {
    case 'web':
    case 'api':
    case 'sms':
    case 'phone':
    case 'post':
    case 'in-person':
    case 'system':
    case 'proactive':
      return t(`timeline.channel.${channel}`);
    default:
      return channel;
  }
}

/** "Olena Koval, the applicant · through the portal". */
export const eventByline = (t: Translator, e: Event & Pick<CaseEventRecord, 'channel'>, c: Case, o: { names: boolean }): string =>
  t('timeline.byline', { who: actorWords(t, caseActor(e, c), o), channel: channelWords(t, e.channel) });
