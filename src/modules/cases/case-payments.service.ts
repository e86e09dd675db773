import type { Clock } from '../../kernel/clock.ts';
import { hasControlCharacter } from '../../kernel/controls.ts';
import { isUuid } from '../../kernel/ids.ts';
import { type Result, err, ok } from '../../kernel/result.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Database, Queryable } from '../../platform/db/database.ts';
import { newId } from '../../platform/security/tokens.ts';
import type { CatalogueService } from '../catalogue/index.ts';
import { kyivDay, type WorkingCalendar } from '../deadlines/index.ts';
import type { SignedIn } from '../identity/index.ts';
import { type Mismatch, type PaymentProvider, reconcile } from '../payments/index.ts';
import { applyEvent, dueOnFor } from './case-transitions.service.ts';
import { AlreadyPaid, CaseNotFound, NothingToPay, type PayFailure, PaymentPending, PaymentUnavailable } from './cases.errors.ts';
import { canActOnCase, supervisedAgencies } from './cases.policy.ts';
import { casesRepository } from './cases.repository.ts';
import { type PaymentStanding, paymentStanding } from './payment-standing.ts';
import { type PaymentRow, paymentsRepository } from './payments.repository.ts';

export interface CasePaymentsDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly calendar: WorkingCalendar;
  readonly catalogue: CatalogueService;
  readonly provider: PaymentProvider;
  /** Where the provider posts callbacks. */
  readonly callbackUrl: string;
}

/** `rejected`: not signed by the provider; `malformed`: signed, but not a callback about one of the portal's payments. */
export type CallbackOutcome = 'applied' | 'duplicate' | 'recorded' | 'rejected' | 'malformed';

/** An id the provider sends back: text the database can hold, of a sensible length. */
const isReference = (value: string) => value.length <= 200 && !hasControlCharacter(value);
/** The amount columns are PostgreSQL `integer` (kopecks): a larger amount is about no payment of the portal. */
const MAX_AMOUNT = 2_147_483_647;

/** The signature is good; what it signs must still name one of the portal's payments (their ids are UUIDs). */
const isWellFormed = (cb: { paymentId: string; eventId: string; providerRef: string; amount: number }): boolean =>
  isUuid(cb.paymentId) && isReference(cb.eventId) && isReference(cb.providerRef) && cb.amount <= MAX_AMOUNT;

/**
 * Fees through the payment provider: start a payment for a case awaiting one, apply the provider's
 * signed callbacks exactly once, and reconcile the portal's payments with the provider's list.
 */
export function createCasePaymentsService(deps: CasePaymentsDeps) {
  const { db, clock, calendar, catalogue, provider } = deps;

  return {
    /**
     * Starts a payment of the fee due on a case and answers the provider's page to send the payer to.
     * The payment row is committed before the provider is asked, so a callback always finds it.
     * Refused (`payment-pending`, `already-paid`) while another payment is in flight or paid
     * (`paymentStanding`); a declined, abandoned or failed one, or one pending for too long, allows a new one.
     */
    async start(signedIn: SignedIn, caseId: string, returnUrl: string): Promise<Result<{ redirectUrl: string }, PayFailure>> {
      const c = await casesRepository.byId(db, caseId);
      const service = c === null ? null : (await catalogue.service(c.serviceId)).value;
      if (c === null || service === null || !canActOnCase(signedIn.actor, c, service, clock.now())) {
        return err(new CaseNotFound(caseId));
      }
      const id = newId();
      const refused = await db.transaction((tx) => reservePayment(tx, { clock, provider: provider.id, personId: signedIn.person.id, caseId: c.id, id }));
      if (refused !== null) {
        return err(refused);
      }
      const started = await provider.start({
        paymentId: id, amount: c.feeAmount, currency: 'UAH', description: `${c.number} — ${service.name[c.lang]}`.slice(0, 200),
        returnUrl, callbackUrl: deps.callbackUrl, lang: c.lang,
      });
      if (started.kind === 'failed') {
        await db.transaction((tx) => paymentsRepository.settle(tx, id, 'failed', clock.now()));
        return err(new PaymentUnavailable());
      }
      await paymentsRepository.setProviderRef(db, id, started.providerRef, clock.now());
      return ok({ redirectUrl: started.url });
    },

    /**
     * A callback from the provider: the signature is checked over the raw body, the event is recorded
     * once (a repeated event changes nothing), the payment is settled, and a paid fee moves its case
     * out of "awaiting payment" and starts the statutory term.
     */
    async callback(headers: Record<string, string | string[] | undefined>, rawBody: string): Promise<CallbackOutcome> {
      const checked = provider.checkCallback(headers, rawBody);
      if (!checked.ok) {
        return checked.reason === 'malformed' ? 'malformed' : 'rejected';
      }
      const cb = checked.callback;
      if (!isWellFormed(cb)) { return 'malformed'; }
      // The catalogue is read before the transaction opens (no transaction waits for a second connection).
      const peek = await paymentsRepository.byId(db, cb.paymentId);
      const peekCase = peek === null ? null : await casesRepository.byId(db, peek.caseId);
      const service = peekCase === null ? null : (await catalogue.service(peekCase.serviceId)).value;
      return db.transaction(async (tx) => {
        const now = clock.now();
        const payment = await paymentsRepository.byId(tx, cb.paymentId, { lock: true });
        const matches = payment !== null && payment.amount === cb.amount;
        const fresh = await paymentsRepository.recordCallback(tx, { provider: provider.id, eventId: cb.eventId, paymentId: cb.paymentId, status: cb.status, amount: cb.amount, at: now, outcome: matches ? 'accepted' : 'mismatch' });
        if (!fresh) { return 'duplicate'; }
        // A second payment of a fee already paid is money to return: reconciliation lists it (provider paid, portal pending).
        const alreadyPaid = payment !== null && cb.status === 'paid' && (await paymentsRepository.ofCase(tx, payment.caseId)).some((p) => p.status === 'paid');
        if (payment === null || !matches || alreadyPaid || !(await paymentsRepository.settle(tx, payment.id, cb.status, now))) {
          return 'recorded';
        }
        await appendAudit(tx, { at: now, action: `payment.${cb.status}`, outcome: 'done', channel: 'system', actorPersonId: null, actingFor: null, subject: `case:${payment.caseNumber}`, detail: { paymentId: payment.id, eventId: cb.eventId, amount: cb.amount } });
        if (cb.status !== 'paid') {
          return 'applied';
        }
        const c = await casesRepository.byId(tx, payment.caseId, { lock: true });
        if (c === null || service === null || service.id !== c.serviceId || c.state !== 'awaiting-payment') {
          return 'recorded'; // paid after withdrawal: a refund for reconciliation
        }
        const today = kyivDay(now);
        const moved = await applyEvent(tx, { clock, calendar }, c, service, { personId: null, role: 'system', channel: 'system', actingFor: null }, { event: 'pay' }, (n) => ({
          ...n, feeStatus: 'paid', termStartedOn: today, dueOn: dueOnFor({ termStartedOn: today, term: n.term }, [], calendar),
        }));
        if (!moved.ok) {
          throw new Error(`pay refused for case ${c.number}: ${moved.error.code}`);
        }
        return 'applied';
      });
    },

    paymentsOf: (caseId: string) => paymentsRepository.ofCase(db, caseId),

    /** A case's payments and where its fee stands now (the case page shows "confirming" rather than a second Pay button). */
    async feeOf(caseId: string): Promise<{ payments: PaymentRow[]; standing: PaymentStanding }> {
      const payments = await paymentsRepository.ofCase(db, caseId);
      return { payments, standing: paymentStanding(payments, clock.now()) };
    },

    /**
     * The portal's payments started in [from, to) against the provider's list of the same period, as
     * the signed-in supervisor may see them: only the mismatches of the agencies they supervise. A
     * provider's transaction is attributed through the portal's payment of that id (of any period); one
     * naming no payment of the portal belongs to no agency and is shown to no agency's supervisor.
     */
    async reconcile(signedIn: SignedIn, range: { from: Date; to: Date }): Promise<Mismatch[]> {
      const agencies = new Set(supervisedAgencies(signedIn.actor));
      if (agencies.size === 0) {
        return [];
      }
      return agencyMismatches(db, provider, agencies, range);
    },
  };
}

/** Reconciles every payment of the period, then keeps the mismatches of the given agencies. */
async function agencyMismatches(db: Database, provider: PaymentProvider, agencies: ReadonlySet<string>, range: { from: Date; to: Date }): Promise<Mismatch[]> {
  const [local, remote] = await Promise.all([paymentsRepository.between(db, range.from, range.to), provider.transactions(range)]);
  const agencyOf = new Map(local.map((p) => [p.id, p.organisationId]));
  for (const p of await paymentsRepository.byIds(db, remote.map((r) => r.paymentId).filter((id) => !agencyOf.has(id)))) {
    agencyOf.set(p.id, p.organisationId);
  }
  const all = reconcile(
    local.filter((p) => p.status !== 'failed').map((p) => ({ paymentId: p.id, caseNumber: p.caseNumber, status: p.status === 'failed' ? 'declined' : p.status, amount: p.amount })),
    remote,
  );
  return all.filter((m) => agencies.has(agencyOf.get('local' in m ? m.local.paymentId : m.remote.paymentId) ?? ''));
}

export type CasePaymentsService = ReturnType<typeof createCasePaymentsService>;

/**
 * Records a new pending payment of a case's fee, or answers why not. The case row is locked while its
 * payments are read: two tabs (or a double click) start one payment, not two.
 */
async function reservePayment(tx: Queryable, r: { clock: Clock; provider: string; personId: string; caseId: string; id: string }): Promise<NothingToPay | PaymentPending | AlreadyPaid | null> {
  const now = r.clock.now();
  const c = await casesRepository.byId(tx, r.caseId, { lock: true });
  if (c === null || c.feeStatus !== 'due' || c.state !== 'awaiting-payment') {
    return new NothingToPay(r.caseId);
  }
  const audit = { at: now, action: 'payment.start', channel: 'web', actorPersonId: r.personId, actingFor: null, subject: `case:${c.number}` } as const;
  const standing = paymentStanding(await paymentsRepository.ofCase(tx, c.id), now);
  if (standing.kind !== 'open') {
    const problem = standing.kind === 'paid' ? 'already-paid' : 'payment-pending';
    await appendAudit(tx, { ...audit, outcome: 'refused', detail: { problem, paymentId: standing.payment.id } });
    return standing.kind === 'paid' ? new AlreadyPaid(standing.payment.id) : new PaymentPending(standing.payment.id);
  }
  await paymentsRepository.insert(tx, { id: r.id, caseId: c.id, provider: r.provider, amount: c.feeAmount, at: now });
  await appendAudit(tx, { ...audit, outcome: 'done', detail: { paymentId: r.id, amount: c.feeAmount } });
  return null;
}
