import type { FastifyRequest } from 'fastify';

import type { CatalogueService } from '../../modules/catalogue/index.ts';
import { type ContactsService, type MandatesService, type StaffService, type SessionsService, type SignedIn, SignInRateLimited, parsePartyKey } from '../../modules/identity/index.ts';
import { ActAsPage } from '../cases/cabinet.page.tsx';
import { SignInPage, SignedOutPage, signInRefusal } from './sign-in.page.tsx';
import { PATHS, paths } from '../common/paths.ts';
import { pageContext, sendPage } from '../common/render.ts';
import { contactsRoutes } from './contacts.routes.tsx';
import { representationRoutes } from './representation.routes.tsx';
import { staffAdminRoutes } from '../admin/routes.tsx';
import { PUBLIC, SIGNED_IN, type WebRoute, route } from '../common/route-table.ts';
import { formString } from '../common/form-values.ts';
import { type CookieOptions, SESSION_COOKIE, SIGN_IN_COOKIE, sendRefusal, setSessionCookie, setSignInCookie } from './session.plugin.tsx';

export interface IdentityWebDeps {
  readonly sessions: SessionsService;
  readonly contacts: ContactsService;
  readonly staff: StaffService;
  readonly mandates: MandatesService;
  readonly catalogue: CatalogueService;
  readonly publicUrl: string;
  readonly cookie: CookieOptions;
}

/** A return address must be a path on this portal. */
export function safeReturnTo(value: unknown): string | undefined {
  return typeof value === 'string' && /^\/(?![/\\])[^\s\\]*$/.test(value) && value.length <= 500 ? value : undefined;
}

/** The signed-in person of a request behind the gate (a route requiring a session). */
export const me = (request: FastifyRequest): SignedIn => {
  if (!request.signedIn) {
    throw new Error('a signed-in route ran without a session');
  }
  return request.signedIn;
};

export function identityRoutes(deps: IdentityWebDeps): WebRoute[] {
  const { sessions } = deps;
  return [
    route(PATHS.signIn, 'GET', PUBLIC, async (request, reply) => {
      const returnTo = safeReturnTo((request.query as Record<string, unknown>)['returnTo']);
      return sendPage(reply, 200, <SignInPage ctx={pageContext(request)} citizen={sessions.providers('citizen')} staff={sessions.providers('staff')} returnTo={returnTo} />);
    }),
    route(PATHS.signInWith, 'GET', PUBLIC, async (request, reply, { lang, params }) => {
      const query = request.query as Record<string, unknown>;
      const realm = query['realm'] === 'staff' ? 'staff' : 'citizen';
      const returnTo = safeReturnTo(query['returnTo']) ?? (realm === 'staff' ? paths.staffHome(lang) : paths.cabinet(lang));
      const begun = await sessions.beginSignIn(params.idp, realm, returnTo, request.cookies[SIGN_IN_COOKIE] ?? null);
      if (!begun.ok) {
        const refusal = signInRefusal(begun.error);
        return sendRefusal(request, reply, refusal.status, refusal.reason);
      }
      setSignInCookie(reply, begun.value.browserKey, deps.cookie);
      return reply.redirect(begun.value.url, 303);
    }),
    route(PATHS.signedOut, 'GET', PUBLIC, async (request, reply) => sendPage(reply, 200, <SignedOutPage ctx={pageContext(request)} />)),
    route(PATHS.actAs, 'GET', SIGNED_IN, async (request, reply) => sendPage(reply, 200, <ActAsPage ctx={pageContext(request)} signedIn={me(request)} refused={false} />)),
    route(PATHS.actAs, 'POST', SIGNED_IN, async (request, reply, { lang }) => {
      const party = parsePartyKey(formString(request.body, 'party'));
      const done = party ? await sessions.actAs(me(request), party) : null;
      if (!done?.ok) {
        return sendPage(reply, 403, <ActAsPage ctx={pageContext(request)} signedIn={me(request)} refused />);
      }
      return reply.redirect(cabinetPathOrHome(formString(request.body, 'next'), lang) ?? paths.cabinet(lang), 303);
    }),
    route(PATHS.signOut, 'POST', SIGNED_IN, async (request, reply, { lang }) => {
      const landing = `${deps.publicUrl}${paths.signedOut(lang)}`;
      const providerLogout = await sessions.signOut(me(request), landing);
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.redirect(providerLogout ?? paths.signedOut(lang), 303);
    }),
    route(PATHS.signOutEverywhere, 'POST', SIGNED_IN, async (request, reply, { lang }) => {
      await sessions.signOutEverywhere(me(request));
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.redirect(paths.signedOut(lang), 303);
    }),
    route(PATHS.callback, 'GET', PUBLIC, async (request, reply, { params: { idp } }) => {
      const completed = await sessions.completeSignIn({
        idp, url: new URL(request.url, deps.publicUrl), browserKey: request.cookies[SIGN_IN_COOKIE] ?? null, previousToken: request.cookies[SESSION_COOKIE] ?? null,
        client: request.ip, signedInPersonId: request.signedIn?.person.id ?? null,
      });
      if (!completed.ok) {
        // Refused: whatever session this browser holds stays as it is (a stranger's callback must not end it).
        if (completed.error instanceof SignInRateLimited) {
          void reply.header('retry-after', '60');
        }
        const refusal = signInRefusal(completed.error);
        return sendRefusal(request, reply, refusal.status, refusal.reason);
      }
      setSessionCookie(reply, completed.value.token, deps.cookie);
      return reply.redirect(completed.value.returnTo, 303);
    }),
    ...representationRoutes(deps, me), ...contactsRoutes(deps.contacts, me), ...staffAdminRoutes(deps.staff, deps.catalogue, me),
  ];
}

/**
 * Where to go after choosing whom to act for: a page of the cabinet in the same language (the bundle page's
 * "open as the child" buttons send the case's page), never another site or area.
 */
function cabinetPathOrHome(next: string, lang: string): string | null {
  return new RegExp(`^/${lang}/cabinet/[A-Za-z0-9_/-]{1,200}(#[a-z-]{1,40})?$`).test(next) && !next.includes('//') ? next : null;
}
