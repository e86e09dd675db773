import type { FastifyRequest } from 'fastify';
import { renderToString } from 'preact-render-to-string';

import type { SignedIn } from '../../modules/identity/index.ts';
import { paths } from './paths.ts';
import type { PageContext } from './layout.tsx';

/** Marks where the per-person part of the header goes, so cached pages can be shared by everyone. */
export const SESSION_SLOT = '<div class="app-session-bar" id="session-bar"></div>';

export function SessionBar({ ctx, signedIn }: { ctx: PageContext; signedIn: SignedIn | null }) {
  const { t, lang } = ctx;
  if (!signedIn) {
    return (
      <div class="app-session-bar" id="session-bar">
        <a class="govuk-link" href={paths.signIn(lang, /^\/(uk|en)\/(sign-in|signed-out)?$/.test(ctx.url.split('?')[0] ?? '') ? undefined : ctx.url)}>{t('session.signIn')}</a>
      </div>
    );
  }
  const { person, actor } = signedIn;
  const self = actor.acting.party.kind === 'self';
  return (
    <div class="app-session-bar" id="session-bar">
      <span>
        {t('session.signedInAs', { name: `${person.givenName} ${person.familyName}` })}
        {self ? null : <strong> {t('session.actingFor', { name: actor.acting.name })}</strong>}
        {actor.realm === 'staff' ? <strong class="govuk-tag govuk-tag--white"> {t('session.staff')}</strong> : null}
      </span>
      <a class="govuk-link" href={paths.cabinet(lang)}>{t('session.cabinet')}</a>
      {signedIn.options.length > 1 ? <a class="govuk-link" href={paths.actAs(lang)}>{t('session.changeActing')}</a> : null}
      <form method="post" action={paths.signOut(lang)} class="app-inline-form">
        <input type="hidden" name="_csrf" value={signedIn.session.csrfToken} />
        <button type="submit" class="app-link-button">{t('session.signOut')}</button>
      </form>
    </div>
  );
}

export function fillSessionSlot(html: string, ctx: PageContext, request: FastifyRequest): string {
  return html.replace(SESSION_SLOT, renderToString(<SessionBar ctx={ctx} signedIn={request.signedIn} />));
}
