import type { Result } from '../../kernel/result.ts';

/** An identity provider the portal accepts, as configured. */
export interface IdentityProviderConfig {
  readonly id: string;
  readonly label: { readonly uk: string; readonly en: string };
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Whether officers may sign in through it (the staff realm needs assurance `high`). */
  readonly staff: boolean;
}

export interface AuthorizationRequest {
  readonly url: string;
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
}

/** The verified identity from an ID token. */
export interface VerifiedIdentity {
  readonly issuer: string;
  readonly subject: string;
  readonly nationalId: string | null;
  readonly givenName: string;
  readonly familyName: string;
  readonly birthDate: string | null;
  readonly acr: string | null;
  readonly idToken: string;
}

export type OidcFailure =
  | { readonly kind: 'provider-error'; readonly error: string }
  | { readonly kind: 'state-mismatch' }
  | { readonly kind: 'code-rejected'; readonly error: string }
  | { readonly kind: 'token-invalid'; readonly error: string }
  | { readonly kind: 'unreachable'; readonly error: string };

/** The OpenID Connect relying party, behind a port so the SDK stays in its adapter. */
export interface OidcClient {
  authorizationRequest(idp: IdentityProviderConfig, redirectUri: string, acr: 'substantial' | 'high'): Promise<AuthorizationRequest>;
  exchange(
    idp: IdentityProviderConfig,
    callbackUrl: URL,
    expected: { readonly state: string; readonly nonce: string; readonly codeVerifier: string },
  ): Promise<Result<VerifiedIdentity, OidcFailure>>;
  endSessionUrl(idp: IdentityProviderConfig, idToken: string, postLogoutRedirectUri: string): Promise<string | null>;
}
