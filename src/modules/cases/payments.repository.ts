import { isUuid } from '../../kernel/ids.ts';
import type { Queryable } from '../../platform/db/database.ts';

export type LocalPaymentStatus = 'pending' | 'paid' | 'declined' | 'abandoned' | 'failed';

export interface PaymentRow {
  readonly id: string;
  readonly caseId: string;
  readonly caseNumber: string;
  /** The agency of the payment's case. */
  readonly organisationId: string;
  readonly provider: string;
  readonly providerRef: string | null;
  readonly amount: number;
  readonly status: LocalPaymentStatus;
  readonly createdAt: Date;
}

type Row = { id: string; case_id: string; case_number: string; organisation_id: string; provider: string; provider_ref: string | null; amount: number; status: LocalPaymentStatus; created_at: Date };
const toPayment = (r: Row): PaymentRow => ({ id: r.id, caseId: r.case_id, caseNumber: r.case_number, organisationId: r.organisation_id, provider: r.provider, providerRef: r.provider_ref, amount: Number(r.amount), status: r.status, createdAt: r.created_at });
const SELECT = 'SELECT p.*, c.number AS case_number, c.organisation_id FROM payments p JOIN cases c ON c.id = p.case_id';

export const paymentsRepository = {
  async insert(tx: Queryable, p: { id: string; caseId: string; provider: string; amount: number; at: Date }): Promise<void> {
    await tx.query(
      `INSERT INTO payments (id, case_id, provider, amount, currency, status, created_at, updated_at) VALUES ($1, $2, $3, $4, 'UAH', 'pending', $5, $5)`,
      [p.id, p.caseId, p.provider, p.amount, p.at],
    );
  },

  async setProviderRef(db: Queryable, id: string, ref: string, at: Date): Promise<void> {
    await db.query('UPDATE payments SET provider_ref = $2, updated_at = $3 WHERE id = $1', [id, ref, at]);
  },

  /** Moves a pending payment to an outcome; false when it is no longer pending. */
  async settle(tx: Queryable, id: string, status: LocalPaymentStatus, at: Date): Promise<boolean> {
    const rows = await tx.query("UPDATE payments SET status = $2, updated_at = $3 WHERE id = $1 AND status = 'pending' RETURNING id", [id, status, at]);
    return rows.length === 1;
  },

  async byId(db: Queryable, id: string, options: { lock?: boolean } = {}): Promise<PaymentRow | null> {
    if (!isUuid(id)) {
      return null;
    }
    const rows = await db.query<Row>(`${SELECT} WHERE p.id = $1${options.lock === true ? ' FOR UPDATE OF p' : ''}`, [id]);
    return rows[0] ? toPayment(rows[0]) : null;
  },

  async ofCase(db: Queryable, caseId: string): Promise<PaymentRow[]> {
    const rows = await db.query<Row>(`${SELECT} WHERE p.case_id = $1 ORDER BY p.created_at`, [caseId]);
    return rows.map(toPayment);
  },

  async between(db: Queryable, from: Date, to: Date): Promise<PaymentRow[]> {
    const rows = await db.query<Row>(`${SELECT} WHERE p.created_at >= $1 AND p.created_at < $2 ORDER BY p.created_at`, [from, to]);
    return rows.map(toPayment);
  },

  /** The payments with these ids (ids that are not UUIDs name none). */
  async byIds(db: Queryable, ids: readonly string[]): Promise<PaymentRow[]> {
    const wanted = ids.filter(isUuid);
    if (wanted.length === 0) {
      return [];
    }
    const rows = await db.query<Row>(`${SELECT} WHERE p.id = ANY($1::uuid[])`, [wanted]);
    return rows.map(toPayment);
  },

  /** Records a provider callback once; false when this event was already received. */
  async recordCallback(tx: Queryable, c: { provider: string; eventId: string; paymentId: string; status: string; amount: number; at: Date; outcome: string }): Promise<boolean> {
    const rows = await tx.query(
      `INSERT INTO payment_callbacks (provider, event_id, payment_id, status, amount, received_at, outcome) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT DO NOTHING RETURNING event_id`,
      [c.provider, c.eventId, c.paymentId, c.status, c.amount, c.at, c.outcome],
    );
    return rows.length === 1;
  },
};
