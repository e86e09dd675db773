import type { Account, Configuration, Grant, interactionPolicy, JWK, KoaContextWithOIDC } from 'oidc-provider';
import { errorPage, loggedOutPage, logoutConfirmPage } from './pages.ts';
import { findPersona, type Persona } from './personas.ts';
import { ACR_VALUES, type EidProfile } from './profile.ts';

/**
 * The oidc-provider configuration of one embedded eID instance.
 *
 * Claims: scope `openid` → `sub`; scope `profile` → `name`, `given_name`, `family_name`,
 * `birthdate` and `national_id` (absent for a person without one). No custom scope: the national
 * ID is part of the identity a national eID asserts, and the portal asks for `openid profile`.
 * They are put in the ID token as well as served at userinfo (`conformIdTokenClaims: false`), so a
 * client needs no second request. `acr` is 'high' on the State eID and 'substantial' on Bank A.
 */

export interface EidClient {
  client_id: string;
  client_secret: string;
  redirect_uris: string[];
  post_logout_redirect_uris: string[];
}

export const SCOPES = ['openid', 'profile'] as const;

export interface ConfigurationInput {
  readonly profile: EidProfile;
  readonly clients: readonly EidClient[];
  readonly signingKey: JWK;
  readonly cookieKeys: readonly string[];
  /** The `interactionPolicy` export of the dynamically imported oidc-provider. */
  readonly policy: typeof interactionPolicy;
}

export function buildConfiguration(input: ConfigurationInput): Configuration {
  const { profile } = input;
  return {
    clients: input.clients.map((c) => ({
      client_id: c.client_id,
      client_secret: c.client_secret,
      redirect_uris: [...c.redirect_uris],
      post_logout_redirect_uris: [...c.post_logout_redirect_uris],
      token_endpoint_auth_method: 'client_secret_basic',
      grant_types: ['authorization_code'],
      response_types: ['code'],
      id_token_signed_response_alg: 'ES256',
      // Without acr_values in the request the ID token would carry no acr at all; with these
      // defaults it always does (and the persona picker still sees "any level").
      default_acr_values: [...ACR_VALUES],
    })),
    clientAuthMethods: ['client_secret_basic'],
    responseTypes: ['code'],
    pkce: { required: () => true },
    acrValues: ACR_VALUES,
    scopes: [...SCOPES],
    claims: {
      acr: null,
      sid: null,
      auth_time: null,
      iss: null,
      openid: ['sub'],
      profile: ['name', 'given_name', 'family_name', 'birthdate', 'national_id'],
    },
    conformIdTokenClaims: false,
    findAccount: (_ctx, sub) => {
      const persona = findPersona(profile.name, sub);
      return persona === undefined ? undefined : account(persona);
    },
    loadExistingGrant: firstPartyGrant,
    interactions: {
      policy: interactionPolicyWithPersonaChoice(input.policy),
      url: (_ctx, interaction) => `/interaction/${interaction.uid}`,
    },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          ctx.type = 'html';
          ctx.body = logoutConfirmPage(profile.label, form);
        },
        postLogoutSuccessSource: (ctx) => {
          ctx.type = 'html';
          ctx.body = loggedOutPage(profile.label);
        },
      },
    },
    jwks: { keys: [input.signingKey] },
    cookies: {
      keys: [...input.cookieKeys],
      // Cookies do not care about ports: two instances and the portal on localhost would
      // overwrite each other's cookies if they shared names.
      names: {
        session: `eid_${profile.name}_session`,
        interaction: `eid_${profile.name}_interaction`,
        resume: `eid_${profile.name}_resume`,
      },
    },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 900, Session: 3600, Grant: 3600 },
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = errorPage(profile.label, out.error, out.error_description);
    },
    clientBasedCORS: () => false,
  };
}

function account(persona: Persona): Account {
  return {
    accountId: persona.id,
    claims: () => ({
      sub: persona.id,
      name: `${persona.givenName} ${persona.familyName}`,
      given_name: persona.givenName,
      family_name: persona.familyName,
      birthdate: persona.birthdate,
      ...(persona.nationalId === null ? {} : { national_id: persona.nationalId }),
    }),
  };
}

/**
 * The clients are the portal itself, so consent is implied: the first authorization for a client
 * in a session gets a grant of every scope this provider has. (A request for something beyond it
 * still reaches the consent prompt, which the interaction page grants at once.)
 */
async function firstPartyGrant(ctx: KoaContextWithOIDC): Promise<Grant | undefined> {
  const { oidc } = ctx;
  const accountId = oidc.session?.accountId;
  const clientId = oidc.client?.clientId;
  if (accountId === undefined || clientId === undefined) {
    return undefined;
  }
  const grantId = oidc.result?.consent?.grantId ?? oidc.session?.grantIdFor(clientId);
  if (grantId !== undefined) {
    const existing = await oidc.provider.Grant.find(grantId);
    if (existing?.accountId === accountId && existing.clientId === clientId) {
      return existing;
    }
  }
  const grant = new oidc.provider.Grant({ accountId, clientId });
  grant.addOIDCScope(SCOPES.join(' '));
  await grant.save();
  return grant;
}

/**
 * The default policy, plus: always show the persona picker (choosing who you are is the point of
 * a test eID), unless the client asked for prompt=none, or the person was just chosen.
 */
function interactionPolicyWithPersonaChoice(policy: typeof interactionPolicy): interactionPolicy.Prompt[] {
  const prompts = policy.base();
  const login = prompts.get('login');
  login?.checks.add(new policy.Check('persona_choice', 'the test eID asks every time who is signing in', (ctx) => {
    if (ctx.oidc.result?.login !== undefined || ctx.oidc.prompts.has('none')) {
      return policy.Check.NO_NEED_TO_PROMPT;
    }
    return policy.Check.REQUEST_PROMPT;
  }));
  return prompts;
}
