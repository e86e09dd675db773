import type { Queryable } from '../../platform/db/database.ts';
import type { RecentTimes } from './contact-codes.ts';

type Channel = 'email' | 'sms';
const times = (rows: ReadonlyArray<{ at: Date }>) => rows.map((r) => new Date(r.at));

/** The SQL behind the limits on one-time codes, and the contacts page's one-shot outcome. */
export const contactCodesRepository = {
  /**
   * Serialises, until the transaction ends, every request that counts against the same keys (a
   * person, a destination, a client address), so that processes sharing the database share the quotas.
   */
  async lock(tx: Queryable, keys: readonly string[]): Promise<void> {
    for (const key of [...new Set(keys)].sort()) {
      await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`contact-code:${key}`]);
    }
  },

  /** When the latest codes were issued since `since`, newest first, per person, destination and client address. */
  async recentCodes(q: Queryable, o: { personId: string; address: string; client: string | null; since: Date; limit: number }): Promise<RecentTimes> {
    const person = await q.query<{ at: Date }>(
      'SELECT created_at AS at FROM contact_verifications WHERE person_id = $1 AND created_at > $2 ORDER BY created_at DESC LIMIT $3',
      [o.personId, o.since, o.limit],
    );
    const destination = await q.query<{ at: Date }>(
      'SELECT created_at AS at FROM contact_verifications WHERE address = $1 AND created_at > $2 ORDER BY created_at DESC LIMIT $3',
      [o.address, o.since, o.limit],
    );
    const client = o.client === null ? [] : await q.query<{ at: Date }>(
      'SELECT created_at AS at FROM contact_verifications WHERE client_address = $1 AND created_at > $2 ORDER BY created_at DESC LIMIT $3',
      [o.client, o.since, o.limit],
    );
    return { person: times(person), destination: times(destination), client: times(client) };
  },

  async recordFailure(q: Queryable, personId: string, channel: Channel, at: Date): Promise<void> {
    await q.query('INSERT INTO contact_code_failures (person_id, channel, failed_at) VALUES ($1, $2, $3)', [personId, channel, at]);
  },

  /** Wrong codes entered since `since`, newest first. */
  async recentFailures(q: Queryable, o: { personId: string; channel: Channel; since: Date; limit: number }): Promise<Date[]> {
    return times(await q.query<{ at: Date }>(
      'SELECT failed_at AS at FROM contact_code_failures WHERE person_id = $1 AND channel = $2 AND failed_at > $3 ORDER BY failed_at DESC LIMIT $4',
      [o.personId, o.channel, o.since, o.limit],
    ));
  },

  /** Keeps what the page should show next (replacing any earlier one). */
  async keepOutcome(q: Queryable, personId: string, outcome: unknown, at: Date): Promise<void> {
    await q.query(
      `INSERT INTO contact_page_outcomes (person_id, outcome, created_at) VALUES ($1, $2::jsonb, $3)
       ON CONFLICT (person_id) DO UPDATE SET outcome = EXCLUDED.outcome, created_at = EXCLUDED.created_at`,
      [personId, JSON.stringify(outcome), at],
    );
  },

  /** Takes the kept outcome (once), if it was kept after `since`. */
  async takeOutcome(q: Queryable, personId: string, since: Date): Promise<unknown> {
    const [row] = await q.query<{ outcome: unknown; created_at: Date }>('DELETE FROM contact_page_outcomes WHERE person_id = $1 RETURNING outcome, created_at', [personId]);
    return row && new Date(row.created_at) > since ? row.outcome : null;
  },
};
