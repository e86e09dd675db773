/** The open API's clients, grants and failures (ADR 0026). Pure. */
import { API_SCOPES, type ApiScope } from '../identity/index.ts';

export interface ApiClient {
  readonly id: string;
  readonly name: string;
  readonly kind: 'partner' | 'public';
  readonly organisationCode: string | null;
  readonly secretHash: string | null;
  readonly scopes: readonly ApiScope[];
  readonly redirectUris: readonly string[];
  readonly webhookUrl: string | null;
  readonly webhookSecret: string | null;
  readonly rateLimitPerMinute: number;
  readonly disabledAt: Date | null;
}

/** A refusal of the token or authorization endpoint: the OAuth 2.0 error (RFC 6749 §5.2) and the portal's stable code. */
export interface OAuthFailure {
  readonly status: 400 | 401;
  readonly error: 'invalid_request' | 'invalid_client' | 'invalid_grant' | 'unauthorized_client' | 'unsupported_grant_type' | 'invalid_scope';
  readonly code: string;
  readonly detail: string;
}

export const oauthFailure = (status: OAuthFailure['status'], error: OAuthFailure['error'], code: string, detail: string): OAuthFailure => ({ status, error, code, detail });

/** A token's refusal by the API's gate. */
export type TokenRefusal = 'api.token_missing' | 'api.token_invalid' | 'api.token_expired';

export interface TokenResponse {
  readonly access_token: string;
  readonly token_type: 'Bearer';
  readonly expires_in: number;
  readonly scope: string;
}

/**
 * The scopes asked for (space-separated, RFC 6749 §3.3) within those the client may have; none asked:
 * all of the client's. Null: a scope unknown or not the client's.
 */
export function grantedScopes(asked: string | undefined, allowed: readonly ApiScope[]): ApiScope[] | null {
  if (asked === undefined || asked.trim() === '') {
    return [...allowed];
  }
  const wanted = [...new Set(asked.trim().split(/ +/))];
  return wanted.every((s) => (API_SCOPES as readonly string[]).includes(s) && allowed.includes(s as ApiScope)) ? (wanted as ApiScope[]) : null;
}

/** A PKCE code verifier's shape (RFC 7636 §4.1) and an S256 challenge's (43 base64url characters). */
export const isCodeVerifier = (v: string): boolean => /^[A-Za-z0-9._~-]{43,128}$/.test(v);
export const isS256Challenge = (c: string): boolean => /^[A-Za-z0-9_-]{43}$/.test(c);
