import type { Clock } from '../../kernel/clock.ts';
import type { Lang } from '../../kernel/text.ts';
import { canActOnCase, type CaseRecord, workflowOf } from '../cases/index.ts';
import type { CatalogueService } from '../catalogue/index.ts';
import type { PhoneHolders } from '../identity/index.ts';
import { type ParsedSms, scriptLang, type SmsCommand } from './sms-commands.ts';
import {
  centreLine, centreNone, centresText, helpText, hoursText, infoFound, infoNone, plainForSms, recordedText, startedText, statusNeutral, statusText, statusUsage, stoppedText,
  usageText,
} from './sms-replies.ts';

/** Where the portal's pages are, absolute (given by the composition root from the web layer's paths). */
export interface SmsLinks {
  home(lang: Lang): string;
  service(lang: Lang, id: string): string;
  search(lang: Lang, text: string): string;
  centres(lang: Lang): string;
  cabinet(lang: Lang): string;
}

export interface AnswerDeps {
  readonly clock: Clock;
  readonly catalogue: CatalogueService;
  readonly cases: { byNumber(number: string): Promise<CaseRecord | null> };
  readonly holders: PhoneHolders;
  readonly links: SmsLinks;
}

/**
 * The reply's language: the keyword's, else the script of the text (Cyrillic: Ukrainian), else
 * Ukrainian. The language a person chose in their contacts is not used for a message in no language
 * (`?`): answering such a probe in English would tell the sender that the number is registered.
 */
export const replyLang = (parsed: ParsedSms, text: string): Lang => parsed.lang ?? scriptLang(text) ?? 'uk';

const normalise = (s: string) => s.normalize('NFC').toLocaleLowerCase('uk').replace(/\s+/gu, ' ').trim();

/**
 * The reply to one message (reads only: STOP and START change the opt-out in the caller's transaction).
 * STATUS answers with the case's state only when the number was confirmed by exactly one person and the
 * case is theirs or a party's they act for (within a mandate's scope); every other STATUS gets one
 * neutral reply, whether the case exists or not and whether the number is known or not.
 */
export async function answerSms(deps: AnswerDeps, command: SmsCommand, lang: Lang, from: string): Promise<string> {
  return plainForSms(lang, await answer(deps, command, lang, from));
}

async function answer(deps: AnswerDeps, command: SmsCommand, lang: Lang, from: string): Promise<string> {
  const { links } = deps;
  switch (command.kind) {
    case 'help':
    case 'unknown':
      return helpText(lang);
    case 'stop':
      return stoppedText(lang);
    case 'start':
      return startedText(lang);
    case 'status':
      return command.caseNumber === null ? statusUsage(lang) : caseStatus(deps, command.caseNumber, lang, from);
    case 'info':
      return command.argument === '' ? usageText('info', lang) : serviceInfo(deps, command.argument, lang);
    case 'centre':
      return command.argument === '' ? usageText('centre', lang) : centresIn(deps, command.argument, lang);
    case 'queue':
    case 'book':
      return command.argument === '' ? usageText(command.kind, lang) : recordedText(command.kind, lang, links.centres(lang));
    case 'ask':
    case 'complain':
    case 'suggest':
    case 'commend':
      // With text, the appeal is filed and answered in the message's transaction (sms.service.ts).
      return usageText(command.kind, lang);
  }
}

async function caseStatus(deps: AnswerDeps, caseNumber: string, lang: Lang, from: string): Promise<string> {
  const neutral = statusNeutral(lang, deps.links.cabinet(lang));
  const holder = await deps.holders.holderOf(from);
  if (holder === null) {
    return neutral;
  }
  const c = await deps.cases.byNumber(caseNumber);
  const service = c === null ? null : (await deps.catalogue.service(c.serviceId)).value;
  const now = deps.clock.now();
  if (c === null || service === null || !holder.actors.some((actor) => canActOnCase(actor, c, service, now))) {
    return neutral;
  }
  const state = workflowOf(service).states.find((s) => s.id === c.state)?.label[lang] ?? c.state;
  return statusText(lang, { number: c.number, serviceName: service.name[lang], state, dueOn: c.dueOn });
}

async function serviceInfo(deps: AnswerDeps, text: string, lang: Lang): Promise<string> {
  const found = (await deps.catalogue.search({ text, audience: null, organisationId: null, eventId: null, channel: null, online: null, page: 1, pageSize: 1 })).value;
  const top = found.items[0];
  return top === undefined ? infoNone(lang, text, deps.links.search(lang, text)) : infoFound(top.name[lang], deps.links.service(lang, top.id));
}

async function centresIn(deps: AnswerDeps, city: string, lang: Lang): Promise<string> {
  const wanted = normalise(city);
  const centres = (await deps.catalogue.centres()).value.filter((c) => [c.address.city.uk, c.address.city.en].some((name) => normalise(name).startsWith(wanted)));
  if (centres.length === 0) {
    return centreNone(lang, city, deps.links.centres(lang));
  }
  const lines = centres.map((c) => centreLine(c.name[lang], c.address.street[lang], hoursText(lang, c.openingHours)));
  return centresText(lang, lines, deps.links.centres(lang));
}
