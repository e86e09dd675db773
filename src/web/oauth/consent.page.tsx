import type { AuthorizationRequest } from '../../modules/api-access/index.ts';
import { Layout, type PageContext } from '../common/layout.tsx';
import { paths } from '../common/paths.ts';

/** The hidden fields that carry a checked authorization request from the consent page back to its POST. */
export const REQUEST_FIELDS = ['response_type', 'client_id', 'redirect_uri', 'scope', 'state', 'code_challenge', 'code_challenge_method'] as const;

export function requestFields(r: AuthorizationRequest): Record<(typeof REQUEST_FIELDS)[number], string> {
  return {
    response_type: 'code', client_id: r.client.id, redirect_uri: r.redirectUri, scope: r.scopes.join(' '), state: r.state ?? '', code_challenge: r.codeChallenge, code_challenge_method: 'S256',
  };
}

/** The person's consent to an API client acting for them (OAuth 2.0 authorization code, PKCE): the scopes in words, allow or refuse. */
export function ConsentPage({ ctx, request, csrf }: { ctx: PageContext; request: AuthorizationRequest; csrf: string }) {
  const { t, lang } = ctx;
  const title = t('oauth.title', { client: request.client.name });
  return (
    <Layout ctx={ctx} title={title} searchBox={false}>
      <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-l">{title}</h1>
        <p class="govuk-body">{t('oauth.lead', { client: request.client.name })}</p>
        <h2 class="govuk-heading-m">{t('oauth.scopes')}</h2>
        <ul class="govuk-list govuk-list--bullet">
          {request.scopes.map((s) => <li key={s}>{t(`oauth.scope.${s}`)}</li>)}
        </ul>
        <p class="govuk-body app-break-anywhere">{t('oauth.returnsTo', { uri: request.redirectUri })}</p>
        <form method="post" action={paths.oauthAuthorize(lang)} novalidate>
          <input type="hidden" name="_csrf" value={csrf} />
          {Object.entries(requestFields(request)).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
          <div class="govuk-button-group">
            <button type="submit" name="decision" value="allow" class="govuk-button" data-module="govuk-button">{t('oauth.allow')}</button>
            <button type="submit" name="decision" value="deny" class="govuk-button govuk-button--secondary" data-module="govuk-button">{t('oauth.deny')}</button>
          </div>
        </form>
      </div></div>
    </Layout>
  );
}

/** An authorization request the portal cannot send back to the client (unknown client, redirect URI not registered). */
export function ConsentRefusedPage({ ctx, code }: { ctx: PageContext; code: 'oauth.client_unknown' | 'oauth.redirect_uri_mismatch' }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('oauth.refusedTitle')} searchBox={false}>
      <h1 class="govuk-heading-l">{t('oauth.refusedTitle')}</h1>
      <p class="govuk-body">{t(`oauth.refused.${code}`)}</p>
    </Layout>
  );
}
