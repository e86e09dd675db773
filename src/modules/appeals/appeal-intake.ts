/**
 * Appeals taken by staff, pure: the channels (the contact centre on the phone, a centre's front desk,
 * the post room), the role that takes each, and the problems of what staff typed about the person and
 * the letter — each with a stable code. No I/O; "today" comes in as an argument.
 *
 * A paper appeal's term runs from the day it was received (Law "On Citizens' Appeals", Art. 20: "from
 * the day of receipt"), not the day the post room typed it in.
 */
import { receivedDayProblem } from '../deadlines/index.ts';
import type { StaffRole } from '../identity/index.ts';
import type { AppealInput } from './appeal.ts';

export const INTAKE_CHANNELS = ['phone', 'in-person', 'post'] as const;
export type IntakeChannel = (typeof INTAKE_CHANNELS)[number];

/** The staff role that takes an appeal on each channel: the contact centre's operators, a centre's front desk, the post room's clerks. */
export const INTAKE_ROLE = { phone: 'contact-centre', 'in-person': 'front-desk', post: 'clerk' } as const satisfies Record<IntakeChannel, StaffRole>;

/** The basis recorded with each channel: the caller's consent on the phone, the visitor in person, the signed letter. */
export const INTAKE_BASIS = { phone: 'phone-consent', 'in-person': 'in-person', post: 'signed-paper' } as const satisfies Record<IntakeChannel, string>;

export const MAX_INTAKE_NAME = 200;
export const MAX_INTAKE_ADDRESS = 500;
/** The pages of a letter the post room counts (the appeal keeps no scans; the paper stays in the registry's file). */
export const MAX_LETTER_PAGES = 200;
/** How far back a received day may go: older paper was not received, it was found. */
export const MAX_APPEAL_RECEIVED_AGE_DAYS = 90;

/** What staff type besides the appeal itself. */
export interface IntakeInput extends AppealInput {
  readonly channel: IntakeChannel;
  /** Phone: the call in which the caller was identified. */
  readonly callId: string;
  /** In person, post: the person's tax number (РНОКПП), or '' for someone who gives only a name and an address. */
  readonly nationalId: string;
  /** In person without a national id: the visitor's name; post: the sender's name. */
  readonly name: string;
  /** The postal address for the written answer (post: required; in person without a national id: required). */
  readonly address: string;
  /** Post: the day the letter was received, YYYY-MM-DD ('' when not given, anything else when not a day). */
  readonly receivedOn: string;
  /** Post: the letter's pages, as typed. */
  readonly pages: string;
  /** Phone: the operator confirms the caller agreed to the appeal being filed for them, with this text. */
  readonly consent: boolean;
  /** The form's key: a second press of the same form answers the appeal it filed. */
  readonly idempotencyKey: string;
}

export type IntakeProblemCode =
  | 'national-id.invalid' | 'name.missing' | 'name.too-long' | 'address.missing' | 'address.too-long'
  | 'received.missing' | 'received.invalid' | 'received.future' | 'received.too-old' | 'pages.invalid' | 'consent.missing';

export interface IntakeProblem {
  readonly field: 'nationalId' | 'name' | 'address' | 'receivedOn' | 'pages' | 'consent';
  readonly code: IntakeProblemCode;
}

/**
 * The problems of what staff typed about the person and the letter: on the phone, the caller's consent;
 * in person, a national id of ten digits or else a name and an address; by post, the sender, the
 * address, a received day neither in the future nor older than MAX_APPEAL_RECEIVED_AGE_DAYS, and the pages.
 */
export function intakeProblems(f: IntakeInput, today: string): IntakeProblem[] {
  const problems: IntakeProblem[] = [];
  const add = (field: IntakeProblem['field'], code: IntakeProblemCode) => problems.push({ field, code });
  if (f.channel === 'phone') {
    if (!f.consent) {
      add('consent', 'consent.missing');
    }
    return problems;
  }
  const nationalId = f.nationalId.trim();
  if (nationalId !== '' && !/^[0-9]{10}$/.test(nationalId)) {
    add('nationalId', 'national-id.invalid');
  }
  const needsName = f.channel === 'post' || nationalId === '';
  const name = f.name.trim();
  if (name.length > MAX_INTAKE_NAME) {
    add('name', 'name.too-long');
  } else if (name === '' && needsName) {
    add('name', 'name.missing');
  }
  const address = f.address.trim();
  if (address.length > MAX_INTAKE_ADDRESS) {
    add('address', 'address.too-long');
  } else if (address === '' && needsName) {
    add('address', 'address.missing');
  }
  if (f.channel === 'post') {
    const received = appealReceivedProblem(f.receivedOn, today);
    if (received !== null) {
      add('receivedOn', received);
    }
    const pages = f.pages.trim();
    if (!/^[0-9]{1,3}$/.test(pages) || Number(pages) < 1 || Number(pages) > MAX_LETTER_PAGES) {
      add('pages', 'pages.invalid');
    }
  }
  return problems;
}

/** A received day: given, a real day, not after today, not more than MAX_APPEAL_RECEIVED_AGE_DAYS before it. */
export function appealReceivedProblem(receivedOn: string, today: string): Extract<IntakeProblemCode, `received.${string}`> | null {
  return receivedDayProblem(receivedOn, today, MAX_APPEAL_RECEIVED_AGE_DAYS);
}
