import type { FastifyReply, FastifyRequest } from 'fastify';

import { LANGS, type Lang } from '../kernel/text.ts';
import { type ContactChannel, type ContactProblem, type ContactsService, NOTICE_CHANNELS, type NoticeChannel, type SignedIn } from '../modules/identity/index.ts';
import type { Translator } from './locales/messages.ts';
import { ContactsPage, type ContactsView } from './pages/contacts.page.tsx';
import { paths } from './paths.ts';
import { pageContext, sendPage } from './render.ts';
import { SIGNED_IN, type WebRoute } from './route-table.ts';
import { formString, formStrings } from './form-fields.ts';

type Body = Record<string, string | string[] | undefined>;
const one = (body: Body, key: string): string => formString(body, key);
const channelOf = (body: Body): ContactChannel => (one(body, 'channel') === 'sms' ? 'sms' : 'email');
const problemMessage = (t: Translator, problem: ContactProblem) => t(`contactError.${problem}`);

/** The cabinet's contact details: addresses confirmed by one-time codes, and notice preferences. */
export function contactsRoutes(contacts: ContactsService, me: (r: FastifyRequest) => SignedIn): WebRoute[] {
  const render = async (request: FastifyRequest, reply: FastifyReply, status: number, extra: Partial<ContactsView>) => {
    const signedIn = me(request);
    const view: ContactsView = { signedIn, details: await contacts.details(signedIn.person.id), errors: [], notice: null, awaiting: null, values: {}, ...extra };
    return sendPage(reply, status, <ContactsPage ctx={pageContext(request)} view={view} />);
  };
  const perLang = (lang: Lang): WebRoute[] => [
    { method: 'GET', url: `/${lang}/cabinet/contacts`, auth: SIGNED_IN, handler: async (request, reply) => render(request, reply, 200, {}) },
    {
      method: 'POST', url: `/${lang}/cabinet/contacts/code`, auth: SIGNED_IN,
      handler: async (request, reply) => {
        const { t } = pageContext(request);
        const body = request.body as Body;
        const channel = channelOf(body);
        const sent = await contacts.requestCode(me(request), channel, one(body, 'address'), lang);
        const field = channel === 'email' ? 'email' : 'phone';
        if (!sent.ok) {
          return render(request, reply, 400, { errors: [{ field, message: problemMessage(t, sent.error.problem) }], values: { [field]: one(body, 'address') } });
        }
        return render(request, reply, 200, { notice: t('contacts.codeSent', { address: sent.value.address }), awaiting: channel });
      },
    },
    {
      method: 'POST', url: `/${lang}/cabinet/contacts/confirm`, auth: SIGNED_IN,
      handler: async (request, reply) => {
        const { t } = pageContext(request);
        const body = request.body as Body;
        const channel = channelOf(body);
        const confirmed = await contacts.confirm(me(request), channel, one(body, 'code'));
        if (!confirmed.ok) {
          return render(request, reply, 400, { errors: [{ field: 'code', message: problemMessage(t, confirmed.error.problem) }], awaiting: channel });
        }
        return render(request, reply, 200, { notice: t('contacts.confirmed', { address: confirmed.value.address }) });
      },
    },
    {
      method: 'POST', url: `/${lang}/cabinet/contacts`, auth: SIGNED_IN,
      handler: async (request, reply) => {
        const { t } = pageContext(request);
        const body = request.body as Body;
        const noticeChannels = formStrings(body, 'noticeChannels').filter((c): c is NoticeChannel => (NOTICE_CHANNELS as readonly string[]).includes(c));
        const postal = one(body, 'postalAddress').trim().slice(0, 300);
        const saved = await contacts.savePreferences(me(request), { language: one(body, 'language') === 'en' ? 'en' : 'uk', noticeChannels, postalAddress: postal || null });
        if (!saved.ok) {
          return render(request, reply, 400, { errors: [{ field: 'noticeChannels', message: problemMessage(t, saved.error.problem) }] });
        }
        return reply.redirect(paths.contacts(lang), 303);
      },
    },
  ];
  return LANGS.flatMap(perLang);
}
