import type { FastifyReply, FastifyRequest } from 'fastify';
import { STATE_TIME_ZONE } from '../../kernel/state-time.ts';

import type { Lang } from '../../kernel/text.ts';
import {
  type ConfirmCodeFailure, type ContactChannel, type ContactOutcome, type ContactRefusal, type ContactsService, ContactThrottled, NOTICE_CHANNELS, type NoticeChannel,
  type RequestCodeFailure, type SavePreferencesFailure, type SignedIn,
} from '../../modules/identity/index.ts';
import type { Translator } from '../locales/messages.ts';
import { ContactsPage, type ContactsView } from './contacts.page.tsx';
import { PATHS, paths } from '../common/paths.ts';
import { pageContext, sendPage } from '../common/render.ts';
import { SIGNED_IN, type WebRoute, route } from '../common/route-table.ts';
import { formString, formStrings } from '../common/form-values.ts';

type Body = Record<string, string | string[] | undefined>;
const one = (body: Body, key: string): string => formString(body, key);
const channelOf = (body: Body): ContactChannel => (one(body, 'channel') === 'sms' ? 'sms' : 'email');
const CLOCK = { uk: new Intl.DateTimeFormat('uk-UA', { hour: '2-digit', minute: '2-digit', timeZone: STATE_TIME_ZONE }), en: new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: STATE_TIME_ZONE }) };
const REGIONS = { uk: new Intl.DisplayNames(['uk'], { type: 'region' }), en: new Intl.DisplayNames(['en'], { type: 'region' }) };

/** A refusal kept across the redirect: the error's code, never wording. */
function outcomeOf(error: RequestCodeFailure | ConfirmCodeFailure | SavePreferencesFailure, field: string, value?: string): ContactOutcome {
  if (error instanceof ContactThrottled) {
    return { kind: 'throttled', field, limit: error.limit, retryAt: error.retryAt.toISOString(), waitSeconds: error.waitSeconds };
  }
  return { kind: 'refused', field, code: error.code, ...(value === undefined ? {} : { value }) };
}

/** The message beside the field for a refused contact change, by its code. */
function refusalMessage(t: Translator, code: ContactRefusal['code'], smsCountries: readonly string[]): string {
  switch (code) {
    case 'identity.contact_email_invalid':
      return t('contactError.email-invalid');
    case 'identity.contact_phone_invalid':
      return t('contactError.phone-invalid');
    case 'identity.contact_phone_country_not_allowed':
      return t('contactError.phone-country-not-allowed', { countries: smsCountries.map((c) => REGIONS[t.lang].of(c) ?? c).join(', ') });
    case 'identity.contact_code_wrong':
      return t('contactError.code-wrong');
    case 'identity.contact_code_expired':
      return t('contactError.code-expired');
    case 'identity.contact_nothing_to_verify':
      return t('contactError.nothing-to-verify');
    case 'identity.contact_channel_unverified':
      return t('contactError.channel-unverified');
    default: {
      const unexpected: never = code;
      return unexpected;
    }
  }
}

/** What the page shows for a kept outcome, in the page's language, with when to try again. */
function viewOf(t: Translator, outcome: ContactOutcome | null, smsCountries: readonly string[]): Partial<ContactsView> {
  switch (outcome?.kind) {
    case 'code-sent':
      return { notice: t('contacts.codeSent', { address: outcome.address }) };
    case 'confirmed':
      return { notice: t('contacts.confirmed', { address: outcome.address }) };
    case 'saved':
      return { notice: t('contacts.saved') };
    case 'refused':
      return { errors: [{ field: outcome.field, message: refusalMessage(t, outcome.code, smsCountries) }], values: outcome.value === undefined ? {} : { [outcome.field]: outcome.value } };
    case 'throttled': {
      const message = outcome.limit === 'cooldown'
        ? t.plural('contactLimit.cooldown', outcome.waitSeconds)
        : t(`contactLimit.${outcome.limit}`, { time: CLOCK[t.lang].format(new Date(outcome.retryAt)) });
      return { errors: [{ field: outcome.field, message }] };
    }
    case undefined:
      return {};
  }
}

/**
 * The cabinet's contact details: addresses confirmed by one-time codes, and notice preferences.
 * Every form posts, keeps its outcome server-side and redirects (303) to the page, which shows it once.
 */
export function contactsRoutes(contacts: ContactsService, me: (r: FastifyRequest) => SignedIn): WebRoute[] {
  const back = async (request: FastifyRequest, reply: FastifyReply, lang: Lang, outcome: ContactOutcome) => {
    await contacts.keepOutcome(me(request).person.id, outcome);
    return reply.redirect(paths.contacts(lang), 303);
  };
  return [
    route(PATHS.contacts, 'GET', SIGNED_IN, async (request, reply) => {
      const ctx = pageContext(request);
      const signedIn = me(request);
      const details = await contacts.details(signedIn.person.id);
      const outcome = await contacts.takeOutcome(signedIn.person.id);
      const awaiting = await contacts.awaiting(signedIn.person.id);
      const shown = viewOf(ctx.t, outcome, contacts.smsCountries);
      // A code form with an error stays on the page even when its code has expired.
      const failed = (['email', 'sms'] as const).filter((c) => shown.errors?.some((e) => e.field === `code-${c}`) && !awaiting.includes(c));
      const view: ContactsView = { signedIn, details, errors: [], notice: null, values: {}, ...shown, awaiting: [...awaiting, ...failed] };
      return sendPage(reply, 200, <ContactsPage ctx={ctx} view={view} />);
    }),
    route(PATHS.contactCode, 'POST', SIGNED_IN, async (request, reply, { lang }) => {
      const body = request.body as Body;
      const channel = channelOf(body);
      const typed = one(body, 'address').slice(0, 320);
      const sent = await contacts.requestCode(me(request), channel, typed, lang, request.ip || null);
      const field = channel === 'email' ? 'email' : 'phone';
      return back(request, reply, lang, sent.ok ? { kind: 'code-sent', channel, address: sent.value.address } : outcomeOf(sent.error, field, typed));
    }),
    route(PATHS.contactConfirm, 'POST', SIGNED_IN, async (request, reply, { lang }) => {
      const body = request.body as Body;
      const channel = channelOf(body);
      const confirmed = await contacts.confirm(me(request), channel, one(body, 'code').slice(0, 20));
      return back(request, reply, lang, confirmed.ok ? { kind: 'confirmed', address: confirmed.value.address } : outcomeOf(confirmed.error, `code-${channel}`));
    }),
    route(PATHS.contacts, 'POST', SIGNED_IN, async (request, reply, { lang }) => {
      const body = request.body as Body;
      const noticeChannels = formStrings(body, 'noticeChannels').filter((c): c is NoticeChannel => (NOTICE_CHANNELS as readonly string[]).includes(c));
      const postal = one(body, 'postalAddress').trim().slice(0, 300);
      const saved = await contacts.savePreferences(me(request), { language: one(body, 'language') === 'en' ? 'en' : 'uk', noticeChannels, postalAddress: postal || null });
      return back(request, reply, lang, saved.ok ? { kind: 'saved' } : outcomeOf(saved.error, 'noticeChannels'));
    }),
  ];
}
