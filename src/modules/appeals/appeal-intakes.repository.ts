import type { Queryable } from '../../platform/db/database.ts';
import type { IntakeChannel } from './appeal-intake.ts';

/** How staff took an appeal: who, under which role and centre, on which channel and basis; the call; for post the sender, the day received and the pages. */
export interface AppealIntakeRecord {
  readonly appealId: string;
  readonly channel: IntakeChannel;
  readonly staffPersonId: string;
  readonly staffRole: 'clerk' | 'front-desk' | 'contact-centre';
  readonly centreId: string | null;
  readonly callId: string | null;
  readonly basis: 'phone-consent' | 'signed-paper' | 'in-person';
  readonly sender: string | null;
  readonly receivedOn: string | null;
  readonly pages: number | null;
  readonly idempotencyKey: string;
  readonly createdAt: Date;
}

type Row = {
  appeal_id: string; channel: IntakeChannel; staff_person_id: string; staff_role: AppealIntakeRecord['staffRole']; centre_id: string | null; call_id: string | null;
  basis: AppealIntakeRecord['basis']; sender: string | null; received_on: string | null; pages: number | null; idempotency_key: string; created_at: Date;
};

const SELECT = `SELECT appeal_id, channel, staff_person_id, staff_role, centre_id, call_id, basis, sender, received_on::text AS received_on, pages, idempotency_key, created_at
  FROM appeal_intakes`;

const toIntake = (r: Row): AppealIntakeRecord => ({
  appealId: r.appeal_id, channel: r.channel, staffPersonId: r.staff_person_id, staffRole: r.staff_role, centreId: r.centre_id, callId: r.call_id, basis: r.basis,
  sender: r.sender, receivedOn: r.received_on, pages: r.pages === null ? null : Number(r.pages), idempotencyKey: r.idempotency_key, createdAt: r.created_at,
});

export const appealIntakesRepository = {
  async insert(q: Queryable, i: AppealIntakeRecord): Promise<void> {
    await q.query(
      `INSERT INTO appeal_intakes (appeal_id, channel, staff_person_id, staff_role, centre_id, call_id, basis, sender, received_on, pages, idempotency_key, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [i.appealId, i.channel, i.staffPersonId, i.staffRole, i.centreId, i.callId, i.basis, i.sender, i.receivedOn, i.pages, i.idempotencyKey, i.createdAt],
    );
  },

  /** The appeal a staff member's form with this key filed already, if any. */
  async appealOfKey(q: Queryable, staffPersonId: string, key: string): Promise<string | null> {
    const [r] = await q.query<{ appeal_id: string }>('SELECT appeal_id FROM appeal_intakes WHERE staff_person_id = $1 AND idempotency_key = $2', [staffPersonId, key]);
    return r?.appeal_id ?? null;
  },

  async ofAppeal(q: Queryable, appealId: string): Promise<AppealIntakeRecord | null> {
    const [r] = await q.query<Row>(`${SELECT} WHERE appeal_id = $1`, [appealId]);
    return r === undefined ? null : toIntake(r);
  },
};
