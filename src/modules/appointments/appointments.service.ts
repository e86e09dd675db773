import { randomInt } from 'node:crypto';

import type { Clock } from '../../kernel/clock.ts';
import { type Result, err, ok } from '../../kernel/result.ts';
import type { LocalText } from '../../kernel/text.ts';
import { appendAudit, auditedResultTransaction, auditedTransaction } from '../../platform/audit/audit.ts';
import { type PersonalDataRead, recordPersonalDataReads } from '../../platform/audit/personal-data.ts';
import type { Database, Queryable } from '../../platform/db/database.ts';
import { outboxRepository } from '../../platform/outbox/index.ts';
import { newId } from '../../platform/security/tokens.ts';
import type { CatalogueService } from '../catalogue/index.ts';
import type { SignedIn } from '../identity/index.ts';
import {
  AppointmentClash, AppointmentClosed, AppointmentNotAllowed, AppointmentNotFound, AppointmentNotOffered, AppointmentSlotFull, AppointmentSlotInvalid, type BookingRefusal,
  type ChangeRefusal,
} from './appointments.errors.ts';
import { type Appointment, type AppointmentChannel, appointmentsRepository as repo } from './appointments.repository.ts';
import { type Offer, offerNamed } from './offers.ts';
import { APPOINTMENT_REMINDER_TOPIC, type AppointmentReminder } from './reminders.ts';
import { dayBefore, daysFrom, kyivClock, kyivInstant, slotsOfDay } from './slots.ts';

/** How many days ahead (today included) a visit may be booked. */
export const BOOKING_DAYS = 30;
/** Reminders are sent at this time of the day before the visit. */
const REMINDER_TIME = '12:00';
const REFERENCE_LETTERS = 'ACDEFGHJKLMNPQRTUVWXY34679';

export interface AppointmentsDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly catalogue: Pick<CatalogueService, 'centres' | 'service'>;
  /** A public holiday, when centres are closed whatever their hours (the deadlines module's calendar). */
  readonly isHoliday: (day: string) => boolean;
}

/** An appointment with the names its pages, messages and calendar file show. */
export interface AppointmentView extends Appointment {
  readonly centreName: LocalText;
  readonly address: LocalText;
  readonly serviceName: LocalText;
}

export interface FreeSlot {
  readonly startsAt: Date;
  readonly time: string;
  readonly end: string;
  readonly free: number;
}

/** Who books or cancels and through which channel: the person themselves, or an officer for them. */
interface Acting {
  readonly personId: string;
  readonly channel: AppointmentChannel;
  /** The officer acting for the person; null when the person acts. */
  readonly by: string | null;
}

type Deps = AppointmentsDeps;

async function offers(deps: Deps): Promise<Offer[]> {
  const centres = (await deps.catalogue.centres()).value;
  const list: Offer[] = [];
  for (const c of centres) {
    for (const a of c.appointments ?? []) {
      const service = (await deps.catalogue.service(a.serviceId)).value;
      if (service !== null) {
        const address = { uk: `${c.address.street.uk}, ${c.address.city.uk}`, en: `${c.address.street.en}, ${c.address.city.en}` };
        list.push({ centreId: c.id, centreName: c.name, address, city: c.address.city, hours: c.openingHours, serviceId: a.serviceId, serviceName: service.name, minutes: a.minutes, capacity: a.capacity });
      }
    }
  }
  return list;
}

const offerOf = async (deps: Deps, centreId: string, serviceId: string): Promise<Offer | null> =>
  (await offers(deps)).find((o) => o.centreId === centreId && o.serviceId === serviceId) ?? null;

/** A day's slots not yet begun, with their instants. */
function openSlots(deps: Deps, offer: Offer, day: string) {
  const now = deps.clock.now();
  return slotsOfDay(offer.hours, day, offer.minutes, deps.isHoliday).map((s) => ({ ...s, startsAt: kyivInstant(day, s.start) })).filter((s) => s.startsAt > now);
}

/** Slots with their free places, given the places taken (by slot start). */
const withFree = (offer: Offer, slots: ReturnType<typeof openSlots>, taken: ReadonlyMap<number, number>): FreeSlot[] =>
  slots.map((s) => ({ startsAt: s.startsAt, time: s.start, end: s.end, free: Math.max(0, offer.capacity - (taken.get(s.startsAt.getTime()) ?? 0)) }));

/** The places taken from the start of `first` to the end of `last` (days on the state's calendar). */
const takenBetween = (deps: Deps, offer: Offer, first: string, last: string) =>
  repo.taken(deps.db, offer.centreId, offer.serviceId, kyivInstant(first, '00:00'), kyivInstant(daysFrom(last, 2)[1] ?? last, '00:00'));

/** The slots of a day with their free places (those already begun left out). */
async function slotsOf(deps: Deps, offer: Offer, day: string): Promise<FreeSlot[]> {
  const slots = openSlots(deps, offer, day);
  return slots.length === 0 ? [] : withFree(offer, slots, await takenBetween(deps, offer, day, day));
}

/** The days one may book now: today and the next BOOKING_DAYS - 1. */
const bookingDays = (deps: Deps): string[] => daysFrom(kyivClock(deps.clock.now()).day, BOOKING_DAYS);

/** The bookable days with places left, and how many: the places taken read once for all of them. */
async function freeDays(deps: Deps, offer: Offer): Promise<Array<{ day: string; free: number }>> {
  const days = bookingDays(deps);
  const taken = await takenBetween(deps, offer, days[0] ?? '', days.at(-1) ?? '');
  return days.map((day) => ({ day, free: withFree(offer, openSlots(deps, offer, day), taken).reduce((n, s) => n + s.free, 0) })).filter((d) => d.free > 0);
}

async function nextFree(deps: Deps, offer: Offer, personId: string | null): Promise<FreeSlot | null> {
  const held = new Set(personId === null ? [] : (await repo.ofPerson(deps.db, personId)).filter((a) => a.status === 'booked').map((a) => a.startsAt.getTime()));
  for (const { day } of await freeDays(deps, offer)) {
    const slot = (await slotsOf(deps, offer, day)).find((s) => s.free > 0 && !held.has(s.startsAt.getTime()));
    if (slot !== undefined) {
      return slot;
    }
  }
  return null;
}

const viewOf = (a: Appointment, offer: Offer | null): AppointmentView => ({
  ...a,
  centreName: offer?.centreName ?? { uk: a.centreId, en: a.centreId },
  address: offer?.address ?? { uk: '', en: '' },
  serviceName: offer?.serviceName ?? { uk: a.serviceId, en: a.serviceId },
});

async function viewsOf(deps: Deps, list: readonly Appointment[]): Promise<AppointmentView[]> {
  const all = await offers(deps);
  return list.map((a) => viewOf(a, all.find((o) => o.centreId === a.centreId && o.serviceId === a.serviceId) ?? null));
}

const newReference = (): string => Array.from({ length: 6 }, () => REFERENCE_LETTERS[randomInt(REFERENCE_LETTERS.length)]).join('');

/** Takes a place and writes the appointment in the caller's transaction; checks the time is a slot that has not begun. */
async function bookIn(deps: Deps, tx: Queryable, who: Acting, offer: Offer, startsAt: Date): Promise<Result<Appointment, BookingRefusal>> {
  const now = deps.clock.now();
  const { day, time } = kyivClock(startsAt);
  const slot = bookingDays(deps).includes(day) ? slotsOfDay(offer.hours, day, offer.minutes, deps.isHoliday).find((s) => s.start === time) : undefined;
  if (slot === undefined || kyivInstant(day, slot.start).getTime() !== startsAt.getTime() || startsAt <= now) {
    return err(new AppointmentSlotInvalid(startsAt.toISOString()));
  }
  if (!(await repo.personFreeAt(tx, who.personId, startsAt))) {
    return err(new AppointmentClash(startsAt.toISOString()));
  }
  if (!(await repo.takePlace(tx, { centreId: offer.centreId, serviceId: offer.serviceId, startsAt, capacity: offer.capacity }))) {
    return err(new AppointmentSlotFull(startsAt.toISOString()));
  }
  const remindAt = kyivInstant(dayBefore(day), REMINDER_TIME);
  const a = {
    id: newId(), reference: newReference(), personId: who.personId, centreId: offer.centreId, serviceId: offer.serviceId, startsAt, endsAt: kyivInstant(day, slot.end),
    at: now, channel: who.channel, bookedBy: who.by, remindAt: remindAt > now ? remindAt : null,
  };
  if (!(await repo.insert(tx, a))) {
    return err(new AppointmentClash(startsAt.toISOString()));
  }
  await appendAudit(tx, { at: now, action: 'appointment.book', outcome: 'done', channel: who.channel, actorPersonId: who.by ?? who.personId, actingFor: who.by === null ? null : who.personId, subject: `appointment:${a.id}`, detail: { centreId: offer.centreId, serviceId: offer.serviceId, startsAt: startsAt.toISOString() } });
  const stored = await repo.byId(tx, a.id);
  if (stored === null) {
    throw new Error(`appointment ${a.id} was not stored`);
  }
  if (who.by !== null) {
    await confirmToPerson(deps, tx, viewOf(stored, offer), 'booked');
  }
  return ok(stored);
}

async function book(deps: Deps, who: Acting, centreId: string, serviceId: string, startsAt: Date): Promise<Result<AppointmentView, BookingRefusal>> {
  const offer = await offerOf(deps, centreId, serviceId);
  if (offer === null) {
    return err(new AppointmentNotOffered(centreId, serviceId));
  }
  const booked = await auditedResultTransaction(deps.db, (tx) => bookIn(deps, tx, who, offer, startsAt));
  return booked.ok ? ok(viewOf(booked.value, offer)) : booked;
}

/** Cancels in the caller's transaction (the appointment locked), releasing its place. */
async function cancelIn(deps: Deps, tx: Queryable, who: Acting, a: Appointment | null, ref: string, rescheduledTo: string | null): Promise<Result<Appointment, ChangeRefusal>> {
  const now = deps.clock.now();
  if (a === null || a.personId !== who.personId) {
    return err(new AppointmentNotFound(ref));
  }
  if (a.status !== 'booked' || a.startsAt <= now) {
    return err(new AppointmentClosed(ref));
  }
  await repo.cancel(tx, a.id, { at: now, channel: who.channel, by: who.by ?? who.personId, rescheduledTo });
  await repo.releasePlace(tx, a);
  if (who.by !== null && rescheduledTo === null) {
    await confirmToPerson(deps, tx, viewOf(a, await offerOf(deps, a.centreId, a.serviceId)), 'cancelled');
  }
  await appendAudit(tx, { at: now, action: rescheduledTo === null ? 'appointment.cancel' : 'appointment.reschedule', outcome: 'done', channel: who.channel, actorPersonId: who.by ?? who.personId, actingFor: who.by === null ? null : who.personId, subject: `appointment:${a.id}`, detail: rescheduledTo === null ? {} : { to: rescheduledTo } });
  return ok({ ...a, status: 'cancelled', cancelledAt: now, cancelledChannel: who.channel, rescheduledTo });
}

async function cancel(deps: Deps, who: Acting, find: (tx: Queryable) => Promise<Appointment | null>, ref: string): Promise<Result<AppointmentView, ChangeRefusal>> {
  const done = await auditedResultTransaction(deps.db, async (tx) => cancelIn(deps, tx, who, await find(tx), ref, null));
  return done.ok ? ok((await viewsOf(deps, [done.value]))[0] ?? viewOf(done.value, null)) : done;
}

async function reschedule(deps: Deps, who: Acting, id: string, startsAt: Date): Promise<Result<AppointmentView, BookingRefusal | ChangeRefusal>> {
  const moved = await auditedResultTransaction<Appointment, BookingRefusal | ChangeRefusal>(deps.db, async (tx) => {
    const old = await repo.byId(tx, id, { lock: true });
    const offer = old === null ? null : await offerOf(deps, old.centreId, old.serviceId);
    if (old === null || offer === null || old.personId !== who.personId) {
      return err(new AppointmentNotFound(id));
    }
    if (old.status !== 'booked' || old.startsAt <= deps.clock.now()) {
      return err(new AppointmentClosed(id));
    }
    await repo.cancel(tx, old.id, { at: deps.clock.now(), channel: who.channel, by: who.by ?? who.personId, rescheduledTo: null });
    await repo.releasePlace(tx, old);
    const booked = await bookIn(deps, tx, who, offer, startsAt);
    if (!booked.ok) {
      return booked;
    }
    await tx.query('UPDATE appointments SET rescheduled_to = $2 WHERE id = $1', [old.id, booked.value.id]);
    return booked;
  });
  return moved.ok ? ok((await viewsOf(deps, [moved.value]))[0] ?? viewOf(moved.value, null)) : moved;
}

const staffActing = (staff: SignedIn, personId: string, channel: 'phone' | 'in-person'): Acting | null => (staff.staff.length === 0 ? null : { personId, channel, by: staff.person.id });
/** Who reads a person's visits: an operator of the national contact centre on a call, or the front desk of a centre. */
function visitsRead(staff: SignedIn, target: { readonly channel: 'phone'; readonly callId: string } | { readonly channel: 'in-person' }, at: Date): PersonalDataRead {
  if (target.channel === 'phone') {
    return { at, reader: { personId: staff.person.id, agencyId: null, role: 'contact-centre' }, channel: 'phone', what: 'visits', purpose: { basis: 'contact-centre-call', call: target.callId }, caseNumber: null };
  }
  const desk = staff.staff.find((s) => s.role === 'front-desk' && s.centreId !== null);
  return {
    at, reader: { personId: staff.person.id, agencyId: desk?.agencyId ?? null, role: 'front-desk' }, channel: 'in-person', what: 'visits',
    purpose: { basis: 'front-desk-visit', ...(desk === undefined || desk.centreId === null ? {} : { centre: desk.centreId }) }, caseNumber: null,
  };
}
/** The person acting for themselves on the portal's pages (`web`) or through a client of the open API (`api`). */
const selfActing = (signedIn: SignedIn, channel: 'web' | 'api'): Acting => ({ personId: signedIn.person.id, channel, by: null });

/** The message that tells the person what an officer booked or cancelled for them (by e-mail and SMS as they chose, the reminders' path). */
async function confirmToPerson(deps: Deps, tx: Queryable, a: AppointmentView, change: 'booked' | 'cancelled'): Promise<void> {
  const payload: AppointmentReminder = {
    appointmentId: a.id, personId: a.personId, reference: a.reference, startsAt: a.startsAt.toISOString(), centreName: a.centreName, address: a.address, serviceName: a.serviceName, change,
  };
  await outboxRepository.enqueue(tx, { topic: APPOINTMENT_REMINDER_TOPIC, payload, idempotencyKey: `appointment-${change}:${a.id}`, availableAt: deps.clock.now() });
}

/** Claims the reminders due now and queues each through the outbox (the notifications module sends it by the person's preferences). */
async function sendDueReminders(deps: Deps, limit: number): Promise<number> {
  const claimed = await auditedTransaction(deps.db, async (tx) => {
    const due = await repo.claimDueReminders(tx, deps.clock.now(), limit);
    for (const a of await viewsOf(deps, due)) {
      const payload: AppointmentReminder = { appointmentId: a.id, personId: a.personId, reference: a.reference, startsAt: a.startsAt.toISOString(), centreName: a.centreName, address: a.address, serviceName: a.serviceName };
      await outboxRepository.enqueue(tx, { topic: APPOINTMENT_REMINDER_TOPIC, payload, idempotencyKey: `appointment-reminder:${a.id}`, availableAt: deps.clock.now() });
    }
    return due.length;
  });
  return claimed;
}

/**
 * Appointments at service centres: free slots from the catalogue's opening hours, visit lengths and
 * places, and the holiday calendar; booking (online, by SMS, by an officer on the phone or at the
 * desk), moving and cancelling; reminders the day before through the outbox.
 */
export function createAppointmentsService(deps: AppointmentsDeps) {
  const { db } = deps;
  const mine = async (signedIn: SignedIn) => viewsOf(deps, await repo.ofPerson(db, signedIn.person.id));
  return {
    offers: () => offers(deps),
    offer: (centreId: string, serviceId: string) => offerOf(deps, centreId, serviceId),
    freeDays: (offer: Offer) => freeDays(deps, offer),
    freeSlots: async (offer: Offer, day: string) => (bookingDays(deps).includes(day) ? slotsOf(deps, offer, day) : []),
    /** The first slot with a free place, from now (for a person: not at a time they already have a visit). */
    nextFree: (offer: Offer, personId: string | null = null) => nextFree(deps, offer, personId),
    book: (signedIn: SignedIn, centreId: string, serviceId: string, startsAt: Date, channel: 'web' | 'api' = 'web') => book(deps, selfActing(signedIn, channel), centreId, serviceId, startsAt),
    /** An officer books for a person who called or came to the desk. */
    bookFor: async (staff: SignedIn, personId: string, channel: 'phone' | 'in-person', centreId: string, serviceId: string, startsAt: Date): Promise<Result<AppointmentView, BookingRefusal>> => {
      const who = staffActing(staff, personId, channel);
      return who === null ? err(new AppointmentNotAllowed()) : book(deps, who, centreId, serviceId, startsAt);
    },
    /** BOOK by SMS from a number that leads to the person: the first free slot of the offer the text names (null: no offer fits, or no free place). */
    bookBySms: async (personId: string, text: string): Promise<Result<AppointmentView, BookingRefusal> | null> => {
      const offer = offerNamed(await offers(deps), text);
      const next = offer === null ? null : await nextFree(deps, offer, personId);
      return offer === null || next === null ? null : book(deps, { personId, channel: 'sms', by: null }, offer.centreId, offer.serviceId, next.startsAt);
    },
    mine,
    /** A person's appointments for an officer on the phone or at the desk (staff only; the read audited with its purpose). */
    /**
     * A person's visits, for the contact centre during their call or a centre's front desk serving them:
     * an access record of the person, the call or the visit to the centre as purpose.
     */
    async forPerson(staff: SignedIn, personId: string, target: { readonly channel: 'phone'; readonly callId: string } | { readonly channel: 'in-person' }): Promise<AppointmentView[]> {
      if (staff.staff.length === 0) {
        return [];
      }
      await recordPersonalDataReads(db, [`person:${personId}`], visitsRead(staff, target, deps.clock.now()));
      return viewsOf(deps, await repo.ofPerson(db, personId));
    },
    one: async (signedIn: SignedIn, id: string) => (await mine(signedIn)).find((a) => a.id === id) ?? null,
    cancel: (signedIn: SignedIn, id: string, channel: 'web' | 'api' = 'web') => cancel(deps, selfActing(signedIn, channel), (tx) => repo.byId(tx, id, { lock: true }), id),
    cancelFor: async (staff: SignedIn, personId: string, channel: 'phone' | 'in-person', id: string): Promise<Result<AppointmentView, ChangeRefusal>> => {
      const who = staffActing(staff, personId, channel);
      return who === null ? err(new AppointmentNotAllowed()) : cancel(deps, who, (tx) => repo.byId(tx, id, { lock: true }), id);
    },
    /** CANCEL by SMS: only an appointment of the person the number leads to. */
    cancelBySms: (personId: string, reference: string) => cancel(deps, { personId, channel: 'sms', by: null }, (tx) => repo.byReference(tx, reference.toUpperCase(), { lock: true }), reference),
    reschedule: (signedIn: SignedIn, id: string, startsAt: Date) => reschedule(deps, selfActing(signedIn, 'web'), id, startsAt),
    sendDueReminders: (limit = 100) => sendDueReminders(deps, limit),
  };
}

export type AppointmentsService = ReturnType<typeof createAppointmentsService>;
