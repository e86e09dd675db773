import { createHmac } from 'node:crypto';

import type { Clock } from '../../kernel/clock.ts';
import { isUuid } from '../../kernel/ids.ts';
import { type Result, err, ok } from '../../kernel/result.ts';
import type { AuditEntry } from '../../platform/audit/audit.ts';
import type { AccessSubject } from '../../kernel/access.ts';
import { appendPersonalDataReads } from '../../platform/audit/personal-data.ts';
import type { Database, Queryable } from '../../platform/db/database.ts';
import type { RateLimiter } from '../../platform/rate-limit/index.ts';
import type { PartyCases } from '../cases/index.ts';
import type { WorkingCalendar } from '../deadlines/index.ts';
import { type ActingOption, type Caller, type Callers, canHandleCall, type Person, type SignedIn } from '../identity/index.ts';
import type { ContactCentrePolicy } from './contact-centre.ts';
import { CallEnded, CallFieldInvalid, CallNotFound } from './contact-centre.errors.ts';
import { type CallRecord, contactCentreRepository as repo } from './contact-centre.repository.ts';

export interface ContactCentreDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly calendar: WorkingCalendar;
  readonly limiter: RateLimiter;
  readonly callers: Callers;
  readonly cases: { overviewForCaller(caller: { person: Person; actor: Caller['actor']; options: readonly ActingOption[] }): Promise<PartyCases[]> };
  readonly policy: ContactCentrePolicy;
  /** One-time codes are derived from this secret (the identity module's CODE_SECRET) and never stored. */
  readonly secret: string;
  readonly smsCountries: readonly string[];
}

/** The pieces every operation of the contact centre shares: codes, the audit entry, the checks on a call, field checks. */
export function helpers(deps: ContactCentreDeps) {
  const { clock } = deps;
  const hmac = (text: string) => createHmac('sha256', deps.secret).update(text);
  const purpose = (callId: string) => `contact-centre call ${callId}`;
  const audit = (signedIn: SignedIn, action: string, subject: string, detail: Record<string, unknown>, outcome: AuditEntry['outcome'] = 'done'): AuditEntry => ({
    at: clock.now(), action, outcome, channel: 'phone', actorPersonId: signedIn.person.id, actingFor: null, subject, detail,
  });
  return {
    deps,
    purpose,
    audit,
    /** Six digits derived from the code's row id: never stored, recomputed to send and to check. */
    codeFor: (codeId: string) => String(hmac(`call-code:${codeId}`).digest().readUInt32BE(0) % 1_000_000).padStart(6, '0'),
    hashCode: (codeId: string, code: string) => hmac(`call-code-hash:${codeId}:${code}`).digest('hex'),

    /** The operator's own call, locked, still going: the checks every write on a call starts with. */
    async openCall(tx: Queryable, signedIn: SignedIn, callId: string): Promise<Result<CallRecord, CallNotFound | CallEnded>> {
      const call = isUuid(callId) ? await repo.call(tx, callId, { lock: true }) : null;
      if (call === null || !canHandleCall(signedIn.actor, call)) {
        return err(new CallNotFound(callId));
      }
      return call.endedAt === null ? ok(call) : err(new CallEnded(callId));
    },

    /**
     * Reads a caller's parties and cases, recording an access record (`personal-data.read`) for the
     * caller and for each party whose cases were shown, with the call as its purpose.
     */
    async readCaller(tx: Queryable, signedIn: SignedIn, call: CallRecord, caller: Caller, reason: 'console' | 'identification'): Promise<PartyCases[]> {
      const parties = await deps.cases.overviewForCaller(caller);
      const subjects: AccessSubject[] = [`person:${caller.person.id}`, ...caller.options.flatMap((o): AccessSubject[] =>
        o.party.kind === 'business' ? [`business:${o.party.id}`] : o.party.kind === 'person' ? [`national-id:${o.party.id}`] : [])];
      await appendPersonalDataReads(tx, subjects, {
        at: clock.now(), reader: { personId: signedIn.person.id, agencyId: null, role: 'contact-centre' }, channel: 'phone', what: reason === 'console' ? 'caller-cases' : 'caller-identification',
        purpose: { basis: 'contact-centre-call', call: call.id }, caseNumber: null,
      });
      return parties;
    },

    /** Trimmed text within `max` characters; required or not. */
    text(value: string, field: string, max: number, required: boolean): Result<string, CallFieldInvalid> {
      const v = value.trim();
      if (required && v === '') {
        return err(new CallFieldInvalid(field, 'missing'));
      }
      return v.length > max ? err(new CallFieldInvalid(field, 'too-long')) : ok(v);
    },

    /** One of a list's values. */
    oneOf<T extends string>(list: readonly T[], value: string, field: string): Result<T, CallFieldInvalid> {
      if (value === '') {
        return err(new CallFieldInvalid(field, 'missing'));
      }
      return (list as readonly string[]).includes(value) ? ok(value as T) : err(new CallFieldInvalid(field, 'invalid'));
    },
  };
}

export type Helpers = ReturnType<typeof helpers>;

export const MAX_NOTES = 2000;
