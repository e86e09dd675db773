/**
 * Assisted filing, pure: what staff must record when they file an application for a person — who the
 * person is, the basis they acted on, and for post the sender and the day the paper was received —
 * and the problems of what they typed, each with a stable code. No I/O; "today" comes in.
 */
import { receivedDayProblem } from '../deadlines/index.ts';
import type { AssistedChannel } from '../identity/index.ts';

export const ASSISTED_BASES = ['phone-consent', 'signed-paper', 'in-person'] as const;
export type AssistedBasis = (typeof ASSISTED_BASES)[number];

/** The bases each channel accepts: consent given on the phone, a signed paper, the person at the desk (who may also hand in a signed paper). */
export const BASES_OF: Readonly<Record<AssistedChannel, readonly AssistedBasis[]>> = {
  phone: ['phone-consent'],
  post: ['signed-paper'],
  'in-person': ['in-person', 'signed-paper'],
};

/** How far back a received day may go: a paper older than this was not "received" today, it was found. */
export const MAX_RECEIVED_AGE_DAYS = 90;
export const MAX_NAME = 100;
export const MAX_SENDER = 200;
export const MAX_ADDRESS = 500;
/** Scanned pages of a paper application (PDF, JPEG or PNG files), at most this many. */
export const MAX_SCANS = 10;

export interface AssistedFiling {
  readonly channel: AssistedChannel;
  readonly serviceId: string;
  /** The person's tax number (РНОКПП), or '' when the person gave none (then the name is asked). */
  readonly nationalId: string;
  readonly givenName: string;
  readonly familyName: string;
  /** The postal address, lines separated by newlines ('' for none). */
  readonly address: string;
  /** Post only: who sent the paper (the applicant or someone on their behalf). */
  readonly sender: string;
  /** Post only: the day the paper was received, YYYY-MM-DD ('' when not given). */
  readonly receivedOn: string;
  readonly basis: string;
  /** The staff member confirms the person said or signed what is recorded. */
  readonly declared: boolean;
}

export type FilingProblemCode =
  | 'national-id.invalid' | 'national-id.unknown' | 'national-id.required' | 'name.missing' | 'name.too-long' | 'address.missing' | 'address.too-long'
  | 'sender.missing' | 'sender.too-long' | 'received.missing' | 'received.invalid' | 'received.future' | 'received.too-old'
  | 'basis.missing' | 'basis.not-for-channel' | 'declaration.missing' | 'scans.missing' | 'scans.too-many';

export interface FilingProblem {
  readonly field: 'nationalId' | 'givenName' | 'familyName' | 'address' | 'sender' | 'receivedOn' | 'basis' | 'declaration' | 'scans';
  readonly code: FilingProblemCode;
}

/**
 * The problems of what staff typed about the filing (not the service's own questions): a national id
 * of ten digits, or both names; an address for post and for anyone without a national id (letters go
 * there); for post the sender and a received day that is not in the future nor older than
 * MAX_RECEIVED_AGE_DAYS, and at least one scanned page; a basis the channel accepts; the declaration.
 */
export function filingProblems(f: AssistedFiling, today: string, scans: number): FilingProblem[] {
  const problems: FilingProblem[] = [];
  const add = (field: FilingProblem['field'], code: FilingProblemCode) => problems.push({ field, code });
  const nationalId = f.nationalId.trim();
  if (nationalId !== '' && !/^[0-9]{10}$/.test(nationalId)) {
    add('nationalId', 'national-id.invalid');
  }
  if (nationalId === '') {
    for (const field of ['givenName', 'familyName'] as const) {
      const name = f[field].trim();
      if (name === '') {
        add(field, 'name.missing');
      } else if (name.length > MAX_NAME) {
        add(field, 'name.too-long');
      }
    }
  }
  const address = f.address.trim();
  if (address.length > MAX_ADDRESS) {
    add('address', 'address.too-long');
  } else if (address === '' && (f.channel === 'post' || nationalId === '')) {
    add('address', 'address.missing');
  }
  if (f.channel === 'post') {
    const sender = f.sender.trim();
    if (sender === '') {
      add('sender', 'sender.missing');
    } else if (sender.length > MAX_SENDER) {
      add('sender', 'sender.too-long');
    }
    const received = receivedProblem(f.receivedOn, today);
    if (received !== null) {
      add('receivedOn', received);
    }
    if (scans === 0) {
      add('scans', 'scans.missing');
    }
  }
  if (scans > MAX_SCANS) {
    add('scans', 'scans.too-many');
  }
  if (f.basis === '') {
    add('basis', 'basis.missing');
  } else if (!(BASES_OF[f.channel] as readonly string[]).includes(f.basis)) {
    add('basis', 'basis.not-for-channel');
  }
  if (!f.declared) {
    add('declaration', 'declaration.missing');
  }
  return problems;
}

/** A received day: given, a real day, not after today, not more than MAX_RECEIVED_AGE_DAYS before it. */
export function receivedProblem(receivedOn: string, today: string): Extract<FilingProblemCode, `received.${string}`> | null {
  return receivedDayProblem(receivedOn, today, MAX_RECEIVED_AGE_DAYS);
}
