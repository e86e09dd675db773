/**
 * The exchange's directory, as a central server publishes it to security servers: the members' public
 * keys and the access rights (which client subsystem may call which service). Pure data.
 */
import type { KeyObject } from 'node:crypto';

import { memberKey, type MemberKey } from './signature.ts';

export interface ExchangeDirectory {
  /** The public keys of a member (`INSTANCE/CLASS/MEMBER`); none for an unknown member. */
  keysOf(member: string): readonly { readonly keyId: string; readonly publicKey: KeyObject }[];
  /** Whether the client subsystem may call the service (both as text). */
  allowed(client: string, service: string): boolean;
  /** Whether the client's right to the service is marked `requires consent`: each request needs the person's consent in force. */
  requiresConsent(client: string, service: string): boolean;
}

export interface DirectoryData {
  readonly members: readonly Pick<MemberKey, 'member' | 'keyId' | 'publicKey'>[];
  /** Per service (`INSTANCE/CLASS/MEMBER/SUBSYSTEM/SERVICE`), the client subsystems allowed. */
  readonly rights: Readonly<Record<string, readonly string[]>>;
  /** Per service, the client subsystems whose right requires the person's consent (sharing the law does not require). */
  readonly consentRequired?: Readonly<Record<string, readonly string[]>>;
}

export function exchangeDirectory(data: DirectoryData): ExchangeDirectory {
  return {
    keysOf: (member) => data.members.filter((m) => m.member === member),
    allowed: (client, service) => data.rights[service]?.includes(client) === true,
    requiresConsent: (client, service) => data.consentRequired?.[service]?.includes(client) === true,
  };
}

/** The demo state's exchange: the portal, and the population registry's one service. */
export const DEVELOPMENT_EXCHANGE = {
  portal: 'PORTICO-DEV/GOV/00000001/portal',
  population: 'PORTICO-DEV/GOV/00000002/population',
  personService: 'PORTICO-DEV/GOV/00000002/population/person',
} as const;

/** Development and tests only: the fixed, public secret the demo members' keys are derived from. */
export const DEVELOPMENT_EXCHANGE_SECRET = 'portico-development-exchange-signing-key-not-for-production';

/** The demo directory: the portal's key (from its secret) and the portal's right to the population registry's person service. */
export function developmentDirectory(portalSecret: string): DirectoryData {
  return {
    members: [memberKey('PORTICO-DEV/GOV/00000001', portalSecret)],
    rights: { [DEVELOPMENT_EXCHANGE.personService]: [DEVELOPMENT_EXCHANGE.portal] },
  };
}
