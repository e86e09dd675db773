import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedEid, type EidClient, type EmbeddedEid } from '../../src/dev/eid/index.ts';
import { TEST_BANNER } from '../../src/dev/eid/pages.ts';
import { EidAgent, signInWithPersona } from '../support/eid-agent.ts';

const REDIRECT_URI = 'http://127.0.0.1:9/callback';
const POST_LOGOUT_URI = 'http://127.0.0.1:9/signed-out';
const SECRET = 'portal-test-secret-that-is-long-enough';
const PORTAL: EidClient = {
  client_id: 'portal',
  client_secret: SECRET,
  redirect_uris: [REDIRECT_URI],
  post_logout_redirect_uris: [POST_LOGOUT_URI],
};
// A client whose id needs escaping: the picker page shows the client id.
const NASTY_ID = 'portal"><script>alert(1)</script>&';
const NASTY: EidClient = { ...PORTAL, client_id: NASTY_ID };

let stateEid: EmbeddedEid;
let bankEid: EmbeddedEid;

beforeAll(async () => {
  stateEid = await startEmbeddedEid({ name: 'state', host: '127.0.0.1', port: 0, clients: [PORTAL, NASTY], nodeEnv: 'test' });
  bankEid = await startEmbeddedEid({
    name: 'bank', host: '127.0.0.1', port: 0, publicHost: '127.0.0.1', clients: [PORTAL], nodeEnv: 'test',
  });
});

afterAll(async () => {
  await stateEid?.close();
  await bankEid?.close();
});

// The eID accepts client_secret_basic only; openid-client v6 defaults to client_secret_post when
// given a bare secret, so the authentication method is passed explicitly.
async function discover(eid: EmbeddedEid, clientId = 'portal'): Promise<client.Configuration> {
  return client.discovery(new URL(eid.issuer), clientId, SECRET, client.ClientSecretBasic(SECRET), {
    execute: [client.allowInsecureRequests],
  });
}

interface Started {
  url: URL;
  verifier: string;
  state: string;
  nonce: string;
}

async function startSignIn(config: client.Configuration, extra: Record<string, string> = {}): Promise<Started> {
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: REDIRECT_URI,
    scope: 'openid profile',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    ...extra,
  });
  return { url, verifier, state, nonce };
}

async function exchange(config: client.Configuration, started: Started, callback: URL) {
  return client.authorizationCodeGrant(config, callback, {
    pkceCodeVerifier: started.verifier,
    expectedState: started.state,
    expectedNonce: started.nonce,
  });
}

async function signIn(eid: EmbeddedEid, personaId: string, extra: Record<string, string> = {}) {
  const config = await discover(eid);
  const started = await startSignIn(config, extra);
  const callback = await signInWithPersona(started.url, personaId);
  const tokens = await exchange(config, started, callback);
  return { config, tokens, claims: tokens.claims() };
}

describe('embedded test eID: sign-in', () => {
  it('signs a citizen in on the State eID at assurance level high, with every claim in the ID token', async () => {
    const { config, tokens, claims } = await signIn(stateEid, 'olena-koval', { acr_values: 'high' });
    expect(stateEid.issuer).toMatch(/^http:\/\/localhost:\d+$/);
    expect(claims).toMatchObject({
      iss: stateEid.issuer,
      aud: 'portal',
      sub: 'olena-koval',
      acr: 'high',
      given_name: 'Олена',
      family_name: 'Коваль',
      name: 'Олена Коваль',
      birthdate: '1990-04-12',
      national_id: '9000000011',
    });
    const userinfo = await client.fetchUserInfo(config, tokens.access_token, 'olena-koval');
    expect(userinfo).toMatchObject({ sub: 'olena-koval', national_id: '9000000011', family_name: 'Коваль' });
  });

  it('signs an officer in on the State eID with acr high', async () => {
    const { claims } = await signIn(stateEid, 'mykola-tkachenko', { acr_values: 'high' });
    expect(claims).toMatchObject({ sub: 'mykola-tkachenko', acr: 'high', national_id: '9000000066' });
  });

  it('gives a foreign national a sub and names but no national_id', async () => {
    const { claims } = await signIn(stateEid, 'marta-nowak');
    expect(claims).toMatchObject({ sub: 'marta-nowak', given_name: 'Marta', family_name: 'Nowak', acr: 'high' });
    expect(claims).not.toHaveProperty('national_id');
  });

  it('signs a citizen in on Bank A at level substantial, even when high was asked for', async () => {
    const { claims } = await signIn(bankEid, 'taras-melnyk', { acr_values: 'high' });
    expect(claims).toMatchObject({ iss: bankEid.issuer, sub: 'taras-melnyk', acr: 'substantial', national_id: '9000000033' });
  });

  it('does not offer officers or the foreigner on Bank A', async () => {
    const config = await discover(bankEid);
    await expect(signInWithPersona((await startSignIn(config)).url, 'mykola-tkachenko')).rejects.toThrow(/does not offer/);
    await expect(signInWithPersona((await startSignIn(config)).url, 'marta-nowak')).rejects.toThrow(/does not offer/);
  });

  it('gives only sub (and acr) when profile is not asked for', async () => {
    const { claims } = await signIn(stateEid, 'olena-koval', { scope: 'openid' });
    expect(claims).toMatchObject({ sub: 'olena-koval', acr: 'high' });
    expect(claims).not.toHaveProperty('national_id');
    expect(claims).not.toHaveProperty('given_name');
  });

  it('asks again who is signing in, and switches person within one browser', async () => {
    const config = await discover(stateEid);
    const agent = new EidAgent();
    const first = await startSignIn(config);
    const firstClaims = (await exchange(config, first, await agent.signIn(first.url, 'olena-koval'))).claims();
    const second = await startSignIn(config);
    const secondClaims = (await exchange(config, second, await agent.signIn(second.url, 'taras-melnyk'))).claims();
    expect(firstClaims?.sub).toBe('olena-koval');
    expect(secondClaims?.sub).toBe('taras-melnyk');
  });

  it('returns access_denied when the person cancels', async () => {
    const config = await discover(stateEid);
    const started = await startSignIn(config);
    const callback = await new EidAgent().cancel(started.url);
    expect(callback.origin + callback.pathname).toBe(REDIRECT_URI);
    expect(callback.searchParams.get('error')).toBe('access_denied');
    expect(callback.searchParams.get('state')).toBe(started.state);
  });
});

describe('embedded test eID: what the client must refuse', () => {
  it('refuses to redeem the same code twice', async () => {
    const config = await discover(stateEid);
    const started = await startSignIn(config);
    const callback = await signInWithPersona(started.url, 'olena-koval');
    await exchange(config, started, callback);
    await expect(exchange(config, started, callback)).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses a wrong PKCE verifier', async () => {
    const config = await discover(stateEid);
    const started = await startSignIn(config);
    const callback = await signInWithPersona(started.url, 'olena-koval');
    const wrong = { ...started, verifier: client.randomPKCECodeVerifier() };
    await expect(exchange(config, wrong, callback)).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  it('lets openid-client reject a tampered state', async () => {
    const config = await discover(stateEid);
    const started = await startSignIn(config);
    const callback = await signInWithPersona(started.url, 'olena-koval');
    callback.searchParams.set('state', client.randomState());
    const error = await exchange(config, started, callback).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(client.ClientError);
    expect((error as client.ClientError).code).toBe('OAUTH_INVALID_RESPONSE');
    expect(String((error as client.ClientError).cause)).toMatch(/"state"/);
  });

  it('lets openid-client reject a wrong nonce', async () => {
    const config = await discover(stateEid);
    const started = await startSignIn(config);
    const callback = await signInWithPersona(started.url, 'olena-koval');
    const error = await exchange(config, { ...started, nonce: client.randomNonce() }, callback).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(client.ClientError);
    expect((error as client.ClientError).code).toBe('OAUTH_JWT_CLAIM_COMPARISON_FAILED');
    expect(String((error as client.ClientError).cause)).toMatch(/"nonce"/);
  });

  it('requires PKCE', async () => {
    const config = await discover(stateEid);
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: REDIRECT_URI, scope: 'openid', state: client.randomState(), nonce: client.randomNonce(),
    });
    const callback = await signInWithPersona(url, 'olena-koval');
    expect(callback.searchParams.get('error')).toBe('invalid_request');
    expect(callback.searchParams.get('error_description')).toMatch(/PKCE/);
  });
});

describe('embedded test eID: pages', () => {
  async function pickerHtml(eid: EmbeddedEid, clientId: string, extra: Record<string, string> = {}): Promise<string> {
    const config = await discover(eid, clientId);
    const started = await startSignIn(config, extra);
    const agent = new EidAgent();
    const first = await agent.get(started.url);
    expect(first.status).toBe(303);
    const page = await agent.get(new URL(first.headers.get('location') ?? '', started.url));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    return page.text();
  }

  it('shows the TEST banner, the provider name and a form per persona, with no script, escaping the client id', async () => {
    const html = await pickerHtml(stateEid, NASTY_ID);
    expect(html).toContain('<html lang="uk">');
    expect(html).toContain(TEST_BANNER);
    expect(html).toContain('State eID');
    expect(html).toMatch(/<h1>/);
    expect(html).toMatch(/<form method="post" action="\/interaction\/[\w-]+\/login">/);
    expect(html).toContain('name="persona" value="olena-koval"');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&amp;');
    expect(html).toContain('portal&quot;&gt;');
    expect(html).not.toMatch(/<script/i);
  });

  it('lists officers first for a staff sign-in (acr_values=high) and citizens first otherwise', async () => {
    const staff = await pickerHtml(stateEid, 'portal', { acr_values: 'high' });
    expect(staff.indexOf('Посадові особи')).toBeLessThan(staff.indexOf('Громадяни'));
    const citizen = await pickerHtml(stateEid, 'portal');
    expect(citizen.indexOf('Громадяни')).toBeLessThan(citizen.indexOf('Посадові особи'));
  });

  it('refuses a persona the instance does not offer, even in a hand-made POST', async () => {
    const config = await discover(bankEid);
    const started = await startSignIn(config);
    const agent = new EidAgent();
    const interaction = new URL((await agent.get(started.url)).headers.get('location') ?? '', started.url);
    expect((await agent.get(interaction)).status).toBe(200);
    for (const persona of ['mykola-tkachenko', 'marta-nowak', 'nobody']) {
      const response = await agent.post(new URL(`${interaction.pathname}/login`, interaction), { persona });
      expect(response.status).toBe(400);
      expect(await response.text()).toContain('unknown_persona');
    }
  });

  it('answers an unknown or expired interaction with a page, not a crash', async () => {
    const response = await fetch(new URL('/interaction/no-such-interaction', stateEid.issuer));
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain(TEST_BANNER);
    expect(html).toContain('interaction_expired');
  });

  it('shows Bank A by name and only its citizens', async () => {
    const html = await pickerHtml(bankEid, 'portal');
    expect(html).toContain('Bank A');
    expect(html).toContain(TEST_BANNER);
    expect(html).toContain('value="iryna-bondar"');
    expect(html).not.toContain('value="mykola-tkachenko"');
    expect(html).not.toContain('value="marta-nowak"');
  });
});

describe('embedded test eID: logout and safety', () => {
  it('ends the session by RP-initiated logout and returns to the post-logout URI', async () => {
    const config = await discover(stateEid);
    const agent = new EidAgent();
    const started = await startSignIn(config);
    const tokens = await exchange(config, started, await agent.signIn(started.url, 'olena-koval'));
    const idToken = tokens.id_token ?? '';
    expect(idToken).not.toBe('');

    const endSession = client.buildEndSessionUrl(config, {
      id_token_hint: idToken,
      post_logout_redirect_uri: POST_LOGOUT_URI,
      state: 'after-logout',
    });
    const landed = await agent.signOut(endSession);
    expect(landed.origin + landed.pathname).toBe(POST_LOGOUT_URI);
    expect(landed.searchParams.get('state')).toBe('after-logout');

    // The session is gone: a silent sign-in now needs a login.
    const silent = await startSignIn(config, { prompt: 'none' });
    const callback = await agent.signIn(silent.url, 'olena-koval');
    expect(callback.searchParams.get('error')).toBe('login_required');
  });

  it('signs in silently with prompt=none while the session lasts', async () => {
    const config = await discover(stateEid);
    const agent = new EidAgent();
    const first = await startSignIn(config);
    await exchange(config, first, await agent.signIn(first.url, 'andrii-shevchenko'));
    const silent = await startSignIn(config, { prompt: 'none' });
    const tokens = await exchange(config, silent, await agent.signIn(silent.url, 'unused'));
    expect(tokens.claims()?.sub).toBe('andrii-shevchenko');
  });

  it('refuses to start in production', async () => {
    await expect(startEmbeddedEid({
      name: 'state', host: '127.0.0.1', port: 0, clients: [PORTAL], nodeEnv: 'production',
    })).rejects.toThrow(/production/);
  });
});
