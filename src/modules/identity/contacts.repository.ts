import type { Lang } from '../../kernel/text.ts';
import type { Queryable } from '../../platform/db/database.ts';

export interface ContactDetails {
  readonly email: string | null;
  readonly emailVerified: boolean;
  readonly phone: string | null;
  readonly phoneVerified: boolean;
  readonly postalAddress: string | null;
  readonly language: Lang;
  readonly noticeChannels: readonly string[];
}

export interface Verification {
  readonly id: string;
  readonly address: string;
  readonly codeHash: string;
  readonly attempts: number;
  readonly expiresAt: Date;
  readonly verifiedAt: Date | null;
}

const ensureRow = (q: Queryable, personId: string, at: Date) =>
  q.query('INSERT INTO person_contacts (person_id, updated_at) VALUES ($1, $2) ON CONFLICT (person_id) DO NOTHING', [personId, at]);

export const contactsRepository = {
  async details(q: Queryable, personId: string): Promise<ContactDetails> {
    const [r] = await q.query<{ email: string | null; email_verified_at: Date | null; phone: string | null; phone_verified_at: Date | null; postal_address: { text?: string } | null; language: Lang; notice_channels: string[] }>(
      'SELECT email, email_verified_at, phone, phone_verified_at, postal_address, language, notice_channels FROM person_contacts WHERE person_id = $1',
      [personId],
    );
    return {
      email: r?.email ?? null,
      emailVerified: Boolean(r?.email_verified_at),
      phone: r?.phone ?? null,
      phoneVerified: Boolean(r?.phone_verified_at),
      postalAddress: r?.postal_address?.text ?? null,
      language: r?.language ?? 'uk',
      noticeChannels: r?.notice_channels ?? ['portal'],
    };
  },

  /** The people who confirmed this telephone number (a number may be shared, so there may be several). */
  async holdersOfVerifiedPhone(q: Queryable, phone: string): Promise<Array<{ personId: string; language: Lang }>> {
    const rows = await q.query<{ person_id: string; language: Lang }>(
      'SELECT person_id, language FROM person_contacts WHERE phone = $1 AND phone_verified_at IS NOT NULL ORDER BY person_id LIMIT 2',
      [phone],
    );
    return rows.map((r) => ({ personId: r.person_id, language: r.language }));
  },

  /** A new address is unverified until its code comes back. */
  async setAddress(q: Queryable, personId: string, channel: 'email' | 'sms', address: string, at: Date): Promise<void> {
    await ensureRow(q, personId, at);
    const sql = channel === 'email'
      ? 'UPDATE person_contacts SET email = $2, email_verified_at = CASE WHEN email = $2 THEN email_verified_at END, updated_at = $3 WHERE person_id = $1'
      : 'UPDATE person_contacts SET phone = $2, phone_verified_at = CASE WHEN phone = $2 THEN phone_verified_at END, updated_at = $3 WHERE person_id = $1';
    await q.query(sql, [personId, address, at]);
  },

  async insertVerification(q: Queryable, v: { id: string; personId: string; channel: 'email' | 'sms'; address: string; codeHash: string; clientAddress: string | null; createdAt: Date; expiresAt: Date }): Promise<void> {
    await q.query(
      'INSERT INTO contact_verifications (id, person_id, channel, address, code_hash, client_address, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
      [v.id, v.personId, v.channel, v.address, v.codeHash, v.clientAddress, v.createdAt, v.expiresAt],
    );
  },

  /** The channels whose latest code is neither used nor expired. */
  async awaiting(q: Queryable, personId: string, now: Date): Promise<Array<'email' | 'sms'>> {
    const rows = await q.query<{ channel: 'email' | 'sms' }>(
      `SELECT channel FROM (
         SELECT DISTINCT ON (channel) channel, verified_at, expires_at FROM contact_verifications
         WHERE person_id = $1 ORDER BY channel, created_at DESC
       ) latest WHERE verified_at IS NULL AND expires_at > $2 ORDER BY channel`,
      [personId, now],
    );
    return rows.map((r) => r.channel);
  },

  async latestVerification(q: Queryable, personId: string, channel: 'email' | 'sms'): Promise<Verification | null> {
    const [r] = await q.query<{ id: string; address: string; code_hash: string; attempts: number; expires_at: Date; verified_at: Date | null }>(
      'SELECT id, address, code_hash, attempts, expires_at, verified_at FROM contact_verifications WHERE person_id = $1 AND channel = $2 ORDER BY created_at DESC LIMIT 1 FOR UPDATE',
      [personId, channel],
    );
    return r ? { id: r.id, address: r.address, codeHash: r.code_hash, attempts: r.attempts, expiresAt: r.expires_at, verifiedAt: r.verified_at } : null;
  },

  async countAttempt(q: Queryable, id: string): Promise<void> {
    await q.query('UPDATE contact_verifications SET attempts = attempts + 1 WHERE id = $1', [id]);
  },

  async markVerified(q: Queryable, id: string, personId: string, channel: 'email' | 'sms', address: string, at: Date): Promise<void> {
    await q.query('UPDATE contact_verifications SET verified_at = $2 WHERE id = $1', [id, at]);
    const sql = channel === 'email'
      ? 'UPDATE person_contacts SET email_verified_at = $3, updated_at = $3 WHERE person_id = $1 AND email = $2'
      : 'UPDATE person_contacts SET phone_verified_at = $3, updated_at = $3 WHERE person_id = $1 AND phone = $2';
    await q.query(sql, [personId, address, at]);
  },

  async setPreferences(q: Queryable, personId: string, p: { language: Lang; noticeChannels: readonly string[]; postalAddress: string | null }, at: Date): Promise<void> {
    await ensureRow(q, personId, at);
    await q.query(
      'UPDATE person_contacts SET language = $2, notice_channels = $3, postal_address = $4, updated_at = $5 WHERE person_id = $1',
      [personId, p.language, p.noticeChannels, p.postalAddress ? JSON.stringify({ text: p.postalAddress }) : null, at],
    );
  },
};
