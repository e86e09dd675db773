import type { Queryable } from '../../platform/db/database.ts';
import type { ApiScope } from '../identity/index.ts';
import type { ApiClient } from './api-access.ts';

type ClientRow = {
  id: string; name: string; kind: 'partner' | 'public'; organisation_code: string | null; secret_hash: string | null; scopes: ApiScope[]; redirect_uris: string[];
  webhook_url: string | null; webhook_secret: string | null; rate_limit_per_minute: number; disabled_at: Date | null;
};

const toClient = (r: ClientRow): ApiClient => ({
  id: r.id, name: r.name, kind: r.kind, organisationCode: r.organisation_code, secretHash: r.secret_hash, scopes: r.scopes, redirectUris: r.redirect_uris,
  webhookUrl: r.webhook_url, webhookSecret: r.webhook_secret, rateLimitPerMinute: r.rate_limit_per_minute, disabledAt: r.disabled_at,
});

export interface StoredCode {
  readonly clientId: string;
  readonly personId: string;
  readonly scopes: readonly ApiScope[];
  readonly redirectUri: string;
  readonly codeChallenge: string;
  readonly expiresAt: Date;
}

/** The open API's tables: clients, authorization codes, idempotency keys and the partner of each API case. */
export const apiClientsRepository = {
  async byId(q: Queryable, id: string): Promise<ApiClient | null> {
    const [row] = await q.query<ClientRow>(
      `SELECT id, name, kind, organisation_code, secret_hash, scopes, redirect_uris, webhook_url, webhook_secret, rate_limit_per_minute, disabled_at FROM api_clients WHERE id = $1`,
      [id],
    );
    return row ? toClient(row) : null;
  },

  async insert(q: Queryable, c: Omit<ApiClient, 'disabledAt'>, at: Date): Promise<void> {
    await q.query(
      `INSERT INTO api_clients (id, name, kind, organisation_code, secret_hash, scopes, redirect_uris, webhook_url, webhook_secret, rate_limit_per_minute, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [c.id, c.name, c.kind, c.organisationCode, c.secretHash, c.scopes, c.redirectUris, c.webhookUrl, c.webhookSecret, c.rateLimitPerMinute, at],
    );
  },

  async insertCode(q: Queryable, codeHash: string, c: StoredCode, at: Date): Promise<void> {
    await q.query(
      `INSERT INTO api_authorization_codes (code_hash, client_id, person_id, scopes, redirect_uri, code_challenge, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [codeHash, c.clientId, c.personId, c.scopes, c.redirectUri, c.codeChallenge, at, c.expiresAt],
    );
  },

  /** Marks a code used and answers it, once: a code used before (a replay) or unknown answers null. */
  async useCode(q: Queryable, codeHash: string, at: Date): Promise<StoredCode | null> {
    const [row] = await q.query<{ client_id: string; person_id: string; scopes: ApiScope[]; redirect_uri: string; code_challenge: string; expires_at: Date }>(
      `UPDATE api_authorization_codes SET used_at = $2 WHERE code_hash = $1 AND used_at IS NULL
       RETURNING client_id, person_id, scopes, redirect_uri, code_challenge, expires_at`,
      [codeHash, at],
    );
    return row ? { clientId: row.client_id, personId: row.person_id, scopes: row.scopes, redirectUri: row.redirect_uri, codeChallenge: row.code_challenge, expiresAt: row.expires_at } : null;
  },

  async idempotencyKey(q: Queryable, clientId: string, personId: string, key: string): Promise<{ requestSha256: string; caseId: string } | null> {
    const [row] = await q.query<{ request_sha256: string; case_id: string }>(
      'SELECT request_sha256, case_id FROM api_idempotency_keys WHERE client_id = $1 AND person_id = $2 AND key = $3',
      [clientId, personId, key],
    );
    return row ? { requestSha256: row.request_sha256, caseId: row.case_id } : null;
  },

  /** Remembers a submission's key and the case's partner; a key recorded already (a concurrent retry) is kept. */
  async rememberSubmission(q: Queryable, o: { clientId: string; personId: string; key: string; requestSha256: string; caseId: string; partner: boolean }, at: Date): Promise<void> {
    await q.query(
      `INSERT INTO api_idempotency_keys (client_id, person_id, key, request_sha256, case_id, created_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
      [o.clientId, o.personId, o.key, o.requestSha256, o.caseId, at],
    );
    if (o.partner) {
      await q.query('INSERT INTO api_case_clients (case_id, client_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [o.caseId, o.clientId]);
    }
  },

  /** The partner whose webhook receives a case's events, with its webhook; null when none. */
  async webhookOfCase(q: Queryable, caseId: string): Promise<{ clientId: string } | null> {
    const [row] = await q.query<{ client_id: string }>(
      `SELECT c.client_id FROM api_case_clients c JOIN api_clients a ON a.id = c.client_id WHERE c.case_id = $1 AND a.webhook_url IS NOT NULL`,
      [caseId],
    );
    return row ? { clientId: row.client_id } : null;
  },
};
