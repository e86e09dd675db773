import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import type { Interaction } from 'oidc-provider';
import { errorPage, personaPickerPage, type PersonaGroup } from './pages.ts';
import { findPersona, personasFor, type Persona } from './personas.ts';
import type { EidProfile } from './profile.ts';

/**
 * The embedded eID's own interaction pages (the provider's devInteractions are off):
 *
 *   GET  /interaction/:uid          the persona picker (login prompt) — or, for a consent prompt,
 *                                   an immediate grant of what was asked (clients are first-party)
 *   POST /interaction/:uid/login    persona=<id> → login finished, back to the provider
 *   POST /interaction/:uid/abort    → access_denied to the client
 */

const MAX_BODY_BYTES = 4096;

export interface InteractionContext {
  readonly provider: Provider;
  readonly profile: EidProfile;
}

export async function handleInteraction(
  context: InteractionContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const match = /^\/interaction\/([A-Za-z0-9_-]+)(\/login|\/abort)?$/.exec(pathOf(req));
  if (!match?.[1]) {
    sendHtml(res, 404, errorPage(context.profile.label, 'not_found', 'No such page.'));
    return;
  }
  const [, uid, step] = match;
  const method = req.method ?? 'GET';
  let details: Interaction;
  try {
    details = await context.provider.interactionDetails(req, res);
  } catch {
    sendHtml(res, 400, errorPage(context.profile.label, 'interaction_expired',
      'This sign-in has expired or was started in another browser. Go back to the portal and start again.'));
    return;
  }
  if (details.uid !== uid) {
    sendHtml(res, 400, errorPage(context.profile.label, 'interaction_mismatch', 'This sign-in page does not match the current sign-in.'));
    return;
  }

  if (step === undefined && (method === 'GET' || method === 'HEAD')) {
    if (details.prompt.name === 'consent') {
      await grantConsent(context, details, req, res);
      return;
    }
    sendHtml(res, 200, personaPickerPage({
      providerLabel: context.profile.label,
      uid,
      clientId: stringParam(details.params['client_id']) ?? '',
      groups: groupPersonas(context.profile, stringParam(details.params['acr_values'])),
    }));
    return;
  }
  if (step === '/login' && method === 'POST') {
    const form = await readForm(req);
    const persona = form === null ? undefined : findPersona(context.profile.name, form.get('persona') ?? '');
    if (!persona) {
      sendHtml(res, 400, errorPage(context.profile.label, 'unknown_persona', 'Choose one of the listed people.'));
      return;
    }
    await context.provider.interactionFinished(req, res, {
      login: { accountId: persona.id, acr: context.profile.acr },
    }, { mergeWithLastSubmission: false });
    return;
  }
  if (step === '/abort' && method === 'POST') {
    await context.provider.interactionFinished(req, res, {
      error: 'access_denied',
      error_description: 'The user cancelled the sign-in.',
    }, { mergeWithLastSubmission: false });
    return;
  }
  res.setHeader('Allow', step === undefined ? 'GET, HEAD' : 'POST');
  sendHtml(res, 405, errorPage(context.profile.label, 'method_not_allowed', 'This page does not accept that method.'));
}

/**
 * Officers first when the client asked for assurance level `high` only (a staff sign-in); citizens
 * first otherwise. Every persona of the instance is always offered.
 */
export function groupPersonas(profile: EidProfile, acrValues: string | undefined): PersonaGroup[] {
  const all = personasFor(profile.name);
  const of = (kind: Persona['kind']): Persona[] => all.filter((p) => p.kind === kind);
  const requested = (acrValues ?? '').split(' ').filter((v) => v !== '');
  const staffFirst = requested.includes('high') && !requested.includes('substantial');
  const citizens = { heading: { uk: 'Громадяни', en: 'Citizens' }, personas: of('citizen') };
  const foreigners = { heading: { uk: 'Іноземці', en: 'Foreign nationals' }, personas: of('foreigner') };
  const officers = { heading: { uk: 'Посадові особи', en: 'Officers' }, personas: of('officer') };
  return staffFirst ? [officers, citizens, foreigners] : [citizens, foreigners, officers];
}

/** Clients of the embedded eID are the portal itself: grant whatever it asked for. */
async function grantConsent(
  { provider, profile }: InteractionContext,
  details: Interaction,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const accountId = details.session?.accountId;
  const clientId = stringParam(details.params['client_id']);
  if (accountId === undefined || clientId === undefined) {
    sendHtml(res, 400, errorPage(profile.label, 'invalid_request', 'No signed-in person for this consent.'));
    return;
  }
  const existing = details.grantId === undefined ? undefined : await provider.Grant.find(details.grantId);
  const grant = existing ?? new provider.Grant({ accountId, clientId });
  const missing = details.prompt.details;
  const scopes = missing['missingOIDCScope'];
  if (Array.isArray(scopes)) {
    grant.addOIDCScope(scopes.filter((s): s is string => typeof s === 'string'));
  }
  const claims = missing['missingOIDCClaims'];
  if (Array.isArray(claims)) {
    grant.addOIDCClaims(claims.filter((c): c is string => typeof c === 'string'));
  }
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}

function pathOf(req: IncomingMessage): string {
  return new URL(req.url ?? '/', 'http://eid.invalid').pathname;
}

function stringParam(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A small application/x-www-form-urlencoded body, or null when it is not one or is too big. */
export async function readForm(req: IncomingMessage): Promise<URLSearchParams | null> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') {
    req.resume();
    return null;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size <= MAX_BODY_BYTES) {
      chunks.push(buffer); // past the limit the rest is read and dropped, so we can still answer
    }
  }
  return size > MAX_BODY_BYTES ? null : new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
  res.end(html);
}
