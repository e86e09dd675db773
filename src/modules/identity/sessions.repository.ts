import type { Queryable } from '../../platform/db/database.ts';
import { prepared } from '../../platform/db/prepared.ts';
import type { Party, Realm } from './identity.ts';

export interface SessionRecord {
  readonly idHash: string;
  readonly personId: string;
  readonly realm: Realm;
  readonly idp: string;
  readonly acr: string | null;
  readonly idToken: string | null;
  readonly acting: Party;
  readonly csrfToken: string;
  readonly createdAt: Date;
  readonly lastSeenAt: Date;
  readonly expiresAt: Date;
}

type Row = {
  id_hash: string; person_id: string; realm: Realm; idp: string; acr: string | null; id_token: string | null;
  acting_kind: Party['kind']; acting_id: string | null; csrf_token: string; created_at: Date; last_seen_at: Date; expires_at: Date;
};

/** Read on every signed-in request: prepared (ADR 0023, 0036), its columns named. */
const LIVE_SESSION = prepared(`SELECT id_hash, person_id, realm, idp, acr, id_token, acting_kind, acting_id, csrf_token, created_at, last_seen_at, expires_at
  FROM sessions WHERE id_hash = $1 AND ended_at IS NULL AND expires_at > $2`);

const toRecord = (r: Row): SessionRecord => ({
  idHash: r.id_hash,
  personId: r.person_id,
  realm: r.realm,
  idp: r.idp,
  acr: r.acr,
  idToken: r.id_token,
  acting: r.acting_kind === 'self' || !r.acting_id ? { kind: 'self' } : { kind: r.acting_kind, id: r.acting_id },
  csrfToken: r.csrf_token,
  createdAt: r.created_at,
  lastSeenAt: r.last_seen_at,
  expiresAt: r.expires_at,
});

export interface SignInRequest {
  readonly state: string;
  readonly idp: string;
  readonly realm: Realm;
  readonly nonce: string;
  readonly codeVerifier: string;
  readonly returnTo: string;
  readonly createdAt: Date;
  /** SHA-256 of the random cookie given to the browser that began the sign-in. */
  readonly browserHash: string;
}

export const sessionsRepository = {
  async insert(q: Queryable, s: SessionRecord): Promise<void> {
    await q.query(
      `INSERT INTO sessions (id_hash, person_id, realm, idp, acr, id_token, acting_kind, acting_id, csrf_token, created_at, last_seen_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'self', NULL, $7, $8, $9, $10)`,
      [s.idHash, s.personId, s.realm, s.idp, s.acr, s.idToken, s.csrfToken, s.createdAt, s.lastSeenAt, s.expiresAt],
    );
  },

  /** A live session: not ended, not past its absolute expiry. Idle expiry is the service's rule. */
  async live(q: Queryable, idHash: string, now: Date): Promise<SessionRecord | null> {
    const [row] = await q.query<Row>(LIVE_SESSION, [idHash, now]);
    return row ? toRecord(row) : null;
  },

  async touch(q: Queryable, idHash: string, now: Date): Promise<void> {
    await q.query('UPDATE sessions SET last_seen_at = $2 WHERE id_hash = $1', [idHash, now]);
  },

  async setActing(q: Queryable, idHash: string, party: Party): Promise<void> {
    await q.query('UPDATE sessions SET acting_kind = $2, acting_id = $3 WHERE id_hash = $1', [idHash, party.kind, party.kind === 'self' ? null : party.id]);
  },

  async end(q: Queryable, idHash: string, now: Date): Promise<void> {
    await q.query('UPDATE sessions SET ended_at = $2 WHERE id_hash = $1 AND ended_at IS NULL', [idHash, now]);
  },

  async endAllOf(q: Queryable, personId: string, now: Date): Promise<number> {
    return (await q.query('UPDATE sessions SET ended_at = $2 WHERE person_id = $1 AND ended_at IS NULL RETURNING 1', [personId, now])).length;
  },

  async insertSignInRequest(q: Queryable, r: SignInRequest): Promise<void> {
    await q.query(
      'INSERT INTO sign_in_requests (state, idp, realm, nonce, code_verifier, return_to, created_at, browser_hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
      [r.state, r.idp, r.realm, r.nonce, r.codeVerifier, r.returnTo, r.createdAt, r.browserHash],
    );
  },

  /** Takes a sign-in request once: a second use of the same state finds nothing. */
  async takeSignInRequest(q: Queryable, state: string, now: Date): Promise<SignInRequest | null> {
    const [row] = await q.query<{ state: string; idp: string; realm: Realm; nonce: string; code_verifier: string; return_to: string; created_at: Date; browser_hash: string | null }>(
      'UPDATE sign_in_requests SET used_at = $2 WHERE state = $1 AND used_at IS NULL RETURNING state, idp, realm, nonce, code_verifier, return_to, created_at, browser_hash',
      [state, now],
    );
    return row
      ? { state: row.state, idp: row.idp, realm: row.realm, nonce: row.nonce, codeVerifier: row.code_verifier, returnTo: row.return_to, createdAt: row.created_at, browserHash: row.browser_hash ?? '' }
      : null;
  },

  /** A sign-in request still waiting for its callback: its provider and the hash of its browser's cookie. */
  async pendingSignIn(q: Queryable, state: string): Promise<{ idp: string; browserHash: string } | null> {
    const [row] = await q.query<{ idp: string; browser_hash: string | null }>('SELECT idp, browser_hash FROM sign_in_requests WHERE state = $1 AND used_at IS NULL', [state]);
    return row ? { idp: row.idp, browserHash: row.browser_hash ?? '' } : null;
  },

  /** Deletes sign-in requests begun before `before` (used or not: they can no longer complete). */
  async purgeSignInRequests(q: Queryable, before: Date): Promise<number> {
    return (await q.query('DELETE FROM sign_in_requests WHERE created_at < $1 RETURNING 1', [before])).length;
  },

  /** Deletes sessions that ended, passed their absolute expiry, or were idle since before `idleBefore`. */
  async purgeSessions(q: Queryable, now: Date, idleBefore: Date): Promise<number> {
    return (await q.query('DELETE FROM sessions WHERE ended_at IS NOT NULL OR expires_at <= $1 OR last_seen_at < $2 RETURNING 1', [now, idleBefore])).length;
  },
};
