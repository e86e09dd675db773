import type { Queryable } from '../../platform/db/database.ts';
import type { Consent, ConsentChannel, ConsentWords, Recipient } from './consent.ts';

type Row = {
  id: string; person_id: string; national_id: string; offer: string; recipient_kind: Recipient['kind']; recipient: string; service: string; words: ConsentWords;
  valid_from: Date; valid_until: Date; granted_at: Date; granted_channel: ConsentChannel; revoked_at: Date | null; revoked_channel: ConsentChannel | null;
};

const COLUMNS = 'id::text AS id, person_id::text AS person_id, national_id, offer, recipient_kind, recipient, service, words, valid_from, valid_until, granted_at, granted_channel, revoked_at, revoked_channel';

const toConsent = (r: Row): Consent => ({
  id: r.id, personId: r.person_id, nationalId: r.national_id, offer: r.offer, recipient: { kind: r.recipient_kind, id: r.recipient }, service: r.service,
  words: typeof r.words === 'string' ? (JSON.parse(r.words) as ConsentWords) : r.words,
  validFrom: new Date(r.valid_from), validUntil: new Date(r.valid_until), grantedAt: new Date(r.granted_at), grantedChannel: r.granted_channel,
  revokedAt: r.revoked_at === null ? null : new Date(r.revoked_at), revokedChannel: r.revoked_channel,
});

export const consentsRepository = {
  async insert(q: Queryable, c: Consent): Promise<void> {
    await q.query(
      `INSERT INTO consents (id, person_id, national_id, offer, recipient_kind, recipient, service, words, valid_from, valid_until, granted_at, granted_channel)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, $11, $12)`,
      [c.id, c.personId, c.nationalId, c.offer, c.recipient.kind, c.recipient.id, c.service, JSON.stringify(c.words), c.validFrom, c.validUntil, c.grantedAt, c.grantedChannel],
    );
  },

  async ofPerson(q: Queryable, personId: string): Promise<Consent[]> {
    return (await q.query<Row>(`SELECT ${COLUMNS} FROM consents WHERE person_id = $1 ORDER BY granted_at DESC, id`, [personId])).map(toConsent);
  },

  async byId(q: Queryable, id: string): Promise<Consent | null> {
    const [row] = await q.query<Row>(`SELECT ${COLUMNS} FROM consents WHERE id = $1`, [id]);
    return row === undefined ? null : toConsent(row);
  },

  /** Stamps the revocation once; false when it was revoked already. */
  async revoke(q: Queryable, id: string, at: Date, channel: ConsentChannel): Promise<boolean> {
    return (await q.query('UPDATE consents SET revoked_at = $2, revoked_channel = $3 WHERE id = $1 AND revoked_at IS NULL RETURNING 1 AS done', [id, at, channel])).length === 1;
  },

  /** Whether the subject's consent lets the recipient subsystem have the service's data at `at`. */
  async inForce(q: Queryable, nationalId: string, recipient: string, service: string, at: Date): Promise<boolean> {
    const rows = await q.query(
      `SELECT 1 AS found FROM consents
        WHERE national_id = $1 AND recipient = $2 AND recipient_kind = 'exchange-subsystem' AND service = $3
          AND revoked_at IS NULL AND valid_from <= $4 AND valid_until > $4
        LIMIT 1`,
      [nationalId, recipient, service, at],
    );
    return rows.length === 1;
  },
};
