import * as client from 'openid-client';

import { type Result, err, ok } from '../../../kernel/result.ts';
import type { AuthorizationRequest, IdentityProviderConfig, OidcClient, OidcFailure, VerifiedIdentity } from '../oidc.port.ts';

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/**
 * The relying party on openid-client: discovery (cached per provider), authorization code with
 * PKCE, state and nonce, ID token validation against the provider's JWKS. Plain http is allowed
 * only for loopback issuers (the embedded test eID).
 */
export function openIdClient(): OidcClient {
  const configs = new Map<string, Promise<client.Configuration>>();
  const configOf = (idp: IdentityProviderConfig): Promise<client.Configuration> => {
    let found = configs.get(idp.id);
    if (!found) {
      const issuer = new URL(idp.issuer);
      const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname);
      found = client.discovery(issuer, idp.clientId, idp.clientSecret, client.ClientSecretBasic(idp.clientSecret), loopback ? { execute: [client.allowInsecureRequests] } : {});
      found.catch(() => configs.delete(idp.id));
      configs.set(idp.id, found);
    }
    return found;
  };

  return {
    async authorizationRequest(idp, redirectUri, acr): Promise<AuthorizationRequest> {
      const config = await configOf(idp);
      const codeVerifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const nonce = client.randomNonce();
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: 'openid profile',
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
        acr_values: acr,
      });
      return { url: url.href, state, nonce, codeVerifier };
    },

    async exchange(idp, callbackUrl, expected) {
      const providerError = callbackUrl.searchParams.get('error');
      if (providerError) {
        return err({ kind: 'provider-error', error: providerError });
      }
      if (callbackUrl.searchParams.get('state') !== expected.state) {
        return err({ kind: 'state-mismatch' });
      }
      try {
        return await redeem(await configOf(idp), callbackUrl, expected);
      } catch (error) {
        return err({ kind: 'unreachable', error: (error as Error).message });
      }
    },

    async endSessionUrl(idp, idToken, postLogoutRedirectUri) {
      const config = await configOf(idp).catch(() => null);
      if (!config?.serverMetadata().end_session_endpoint) {
        return null;
      }
      return client.buildEndSessionUrl(config, { id_token_hint: idToken, post_logout_redirect_uri: postLogoutRedirectUri }).href;
    },
  };
}

/** Redeems the code and validates the ID token (signature, issuer, audience, nonce, expiry). */
async function redeem(
  config: client.Configuration,
  callbackUrl: URL,
  expected: { readonly state: string; readonly nonce: string; readonly codeVerifier: string },
): Promise<Result<VerifiedIdentity, OidcFailure>> {
  try {
    const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: expected.codeVerifier,
      expectedState: expected.state,
      expectedNonce: expected.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims || !tokens.id_token) {
      return err({ kind: 'token-invalid', error: 'no ID token' });
    }
    return ok({
      issuer: claims.iss,
      subject: claims.sub,
      nationalId: str(claims['national_id']),
      givenName: str(claims['given_name']) ?? '',
      familyName: str(claims['family_name']) ?? '',
      birthDate: str(claims['birthdate']),
      acr: str(claims['acr']),
      idToken: tokens.id_token,
    });
  } catch (error) {
    if (error instanceof client.ResponseBodyError) {
      return err({ kind: 'code-rejected', error: error.error });
    }
    if (error instanceof client.AuthorizationResponseError) {
      return err({ kind: 'provider-error', error: error.error });
    }
    return err({ kind: 'token-invalid', error: (error as Error).message });
  }
}
