import type { Clock } from '../../kernel/clock.ts';
import type { Lang } from '../../kernel/text.ts';
import { AppointmentClosed, type AppointmentsService, type AppointmentView, kyivClock } from '../appointments/index.ts';
import { canActOnCase, type CaseRecord, workflowOf } from '../cases/index.ts';
import type { CatalogueService } from '../catalogue/index.ts';
import type { CollectionStanding } from '../collection/index.ts';
import { kyivDay } from '../deadlines/index.ts';
import type { PhoneHolders } from '../identity/index.ts';
import { type BookedVisit, bookedText, bookNotFound, bookRefused, bookUnknownNumber, cancelClosed, cancelledText, cancelNotFound } from './sms-booking-replies.ts';
import { type ParsedSms, scriptLang, type SmsCommand } from './sms-commands.ts';
import {
  centreLine, centreNone, queueLine, queueNone, centresText, helpText, hoursText, infoFound, infoNone, plainForSms, startedText, statusNeutral, statusText, statusUsage, stoppedText,
  usageText,
} from './sms-replies.ts';

/** Where the portal's pages are, absolute (given by the composition root from the web layer's paths). */
export interface SmsLinks {
  home(lang: Lang): string;
  service(lang: Lang, id: string): string;
  search(lang: Lang, text: string): string;
  centres(lang: Lang): string;
  cabinet(lang: Lang): string;
  /** Where to book an appointment online. */
  book(lang: Lang): string;
  /** The person's appointments in the cabinet. */
  appointments(lang: Lang): string;
}

export interface AnswerDeps {
  readonly clock: Clock;
  readonly catalogue: CatalogueService;
  readonly cases: { byNumber(number: string): Promise<CaseRecord | null> };
  readonly holders: PhoneHolders;
  readonly links: SmsLinks;
  readonly appointments: Pick<AppointmentsService, 'bookBySms' | 'cancelBySms'>;
  /** A centre's walk-in queue now (the queue module), for QUEUE. */
  readonly queue: { situation(centreId: string): Promise<{ readonly waiting: number; readonly estimatedMinutes: number } | null> };
  /** Where a case's result stands at a centre (the collection module), for STATUS. */
  readonly collection: { standing(caseId: string): Promise<CollectionStanding | null> };
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
      return command.argument === '' ? usageText('queue', lang) : queueAt(deps, command.argument, lang);
    case 'book':
      return command.argument === '' ? usageText(command.kind, lang) : bookBySms(deps, command.argument, lang, from);
    case 'cancel':
      return command.argument === '' ? usageText(command.kind, lang) : cancelBySms(deps, command.argument, lang, from);
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
  const standing = await deps.collection.standing(c.id);
  const collection = standing === null ? null
    : standing.kind === 'ready' ? { kind: 'ready' as const, centre: standing.centre[lang], day: kyivDay(standing.since) }
      : { kind: 'collected' as const, centre: standing.centre[lang], day: kyivDay(standing.on) };
  return statusText(lang, { number: c.number, serviceName: service.name[lang], state, dueOn: c.dueOn, collection });
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

const visitOf = (a: AppointmentView, lang: Lang): BookedVisit => {
  const { day, time } = kyivClock(a.startsAt);
  return { reference: a.reference, serviceName: a.serviceName[lang], centreName: a.centreName[lang], address: a.address[lang], day, time };
};

/** BOOK: the first free slot of the centre and service named, for the one person who confirmed the number. */
async function bookBySms(deps: AnswerDeps, text: string, lang: Lang, from: string): Promise<string> {
  const holder = await deps.holders.holderOf(from);
  if (holder === null) {
    return bookUnknownNumber(lang, deps.links.book(lang));
  }
  const booked = await deps.appointments.bookBySms(holder.person.id, text);
  if (booked === null) {
    return bookNotFound(lang, text, deps.links.book(lang));
  }
  return booked.ok ? bookedText(lang, visitOf(booked.value, lang)) : bookRefused(lang, deps.links.book(lang));
}

/** CANCEL: only an appointment of the person who confirmed the number; any other reference gets one neutral reply. */
async function cancelBySms(deps: AnswerDeps, text: string, lang: Lang, from: string): Promise<string> {
  const reference = text.trim().split(/\s+/u)[0]?.toUpperCase() ?? '';
  const holder = await deps.holders.holderOf(from);
  const neutral = cancelNotFound(lang, reference, deps.links.appointments(lang));
  if (holder === null || !/^[A-Z0-9]{6}$/u.test(reference)) {
    return neutral;
  }
  const cancelled = await deps.appointments.cancelBySms(holder.person.id, reference);
  if (cancelled.ok) {
    return cancelledText(lang, visitOf(cancelled.value, lang));
  }
  return cancelled.error instanceof AppointmentClosed ? cancelClosed(lang, reference) : neutral;
}

/**
 * QUEUE <centre>: for each centre whose name or city has words starting with every word sent (or
 * whose id it is), how many wait and the estimated wait. Information only: no ticket is issued by SMS.
 */
async function queueAt(deps: AnswerDeps, text: string, lang: Lang): Promise<string> {
  const words = normalise(text).split(' ').filter((w) => w !== '');
  const wordsOf = (s: string) => normalise(s).split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
  const centres = (await deps.catalogue.centres()).value.filter((c) => c.id === normalise(text) || words.every((w) =>
    [c.name.uk, c.name.en, c.address.city.uk, c.address.city.en].some((name) => wordsOf(name).some((n) => n.startsWith(w)))));
  if (centres.length === 0) {
    return queueNone(lang, text, deps.links.centres(lang));
  }
  const lines: string[] = [];
  for (const c of centres) {
    const now = await deps.queue.situation(c.id);
    if (now !== null) {
      lines.push(queueLine(lang, c.name[lang], now.waiting, now.estimatedMinutes));
    }
  }
  return centresText(lang, lines, deps.links.centres(lang));
}
