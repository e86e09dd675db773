import type { Clock } from '../../kernel/clock.ts';
import { isUuid } from '../../kernel/ids.ts';
import { err, ok, type Result } from '../../kernel/result.ts';
import { kyivDay } from '../../kernel/state-time.ts';
import type { Lang } from '../../kernel/text.ts';
import { appendAudit, auditedResultTransaction } from '../../platform/audit/audit.ts';
import type { Database, Queryable } from '../../platform/db/database.ts';
import { newId } from '../../platform/security/tokens.ts';
import type { CatalogueService, Centre, Service } from '../catalogue/index.ts';
import type { SignedIn } from '../identity/index.ts';
import { appointmentStreak, DEFAULT_FAIRNESS, deskName, estimatedWaitMinutes, type FairnessRule, nextTicket, ticketLabel } from './queue.ts';
import {
  AppointmentInvalid, CentreUnknown, type CheckInFailure, DeskInvalid, type DeskFailure, type IssueFailure, NotAtCentre, ServiceNotAtCentre, type TicketActionFailure,
  TicketNotFound,
} from './queue.errors.ts';
import { candidateOf, type CentreDay, queueRepository, type Ticket, type TicketSource } from './queue.repository.ts';

export interface QueueDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly catalogue: Pick<CatalogueService, 'centres' | 'servicesAtCentre'>;
  readonly fairness?: FairnessRule;
}

/** How a centre's queue stands now: people waiting and the wait a new ticket may expect. */
export interface QueueSituation {
  readonly centre: Centre;
  readonly waiting: number;
  readonly estimatedMinutes: number;
}

/** A ticket just issued: its place and the estimate given with it. */
export interface IssuedTicket {
  readonly ticket: Ticket;
  readonly ahead: number;
  readonly estimatedMinutes: number;
}

/** What a centre's display shows. */
export interface DisplayBoard {
  readonly centre: Centre;
  /** The most recent calls, newest first: ticket and desk. */
  readonly called: readonly Ticket[];
  readonly waiting: number;
}

/** The front desk's console: the staff member's centre, what waits, what their desk holds, and today's figures. */
export interface DeskConsole {
  readonly centre: Centre;
  readonly services: readonly Service[];
  readonly desk: string | null;
  readonly current: Ticket | null;
  readonly waiting: readonly Ticket[];
  readonly today: CentreDay | null;
}

/** An appointment checked in at a centre: only what the appointments module hands over. */
export interface AppointmentArrival {
  readonly reference: string;
  readonly serviceId: string;
  readonly time: Date;
}

const RECENT_SERVICES = 20;
const SERVICE_WINDOW_MS = 7 * 24 * 3600 * 1000;
const DESK_WINDOW_MS = 3600 * 1000;
const STREAK_LOOKBACK = 10;
const DISPLAY_CALLS = 8;
const REFERENCE = /^[A-Za-z0-9][A-Za-z0-9-]{2,39}$/;

/** The centre a front-desk staff member works at (their first front-desk role's centre). */
export function frontDeskCentre(signedIn: SignedIn): string | null {
  return signedIn.staff.find((s) => s.role === 'front-desk' && s.centreId !== null)?.centreId ?? null;
}

interface Ctx {
  readonly db: Database;
  readonly clock: Clock;
  readonly catalogue: QueueDeps['catalogue'];
  readonly fairness: FairnessRule;
  readonly centreOf: (id: string) => Promise<Centre | null>;
  readonly offers: (centreId: string, serviceId: string) => Promise<boolean>;
  readonly estimate: (q: Queryable, centreId: string, ahead: number) => Promise<number>;
}

function context(deps: QueueDeps): Ctx {
  const { db, clock, catalogue } = deps;
  return {
    db, clock, catalogue, fairness: deps.fairness ?? DEFAULT_FAIRNESS,
    centreOf: async (id) => (await catalogue.centres()).value.find((c) => c.id === id) ?? null,
    offers: async (centreId, serviceId) => (await catalogue.servicesAtCentre(centreId, 'uk')).value.some((s) => s.id === serviceId),
    estimate: async (q, centreId, ahead) => {
      const now = clock.now();
      const [seconds, desks] = await Promise.all([
        queueRepository.recentServiceSeconds(q, centreId, new Date(now.getTime() - SERVICE_WINDOW_MS), RECENT_SERVICES),
        queueRepository.activeDesks(q, centreId, new Date(now.getTime() - DESK_WINDOW_MS)),
      ]);
      return estimatedWaitMinutes(ahead, seconds, desks);
    },
  };
}

/** Takes a ticket in one transaction: the centre-day's next number; an appointment already checked in answers its ticket. */
async function take(ctx: Ctx, centreId: string, kind: 'walk-in' | 'appointment', source: TicketSource, serviceId: string, appointment: AppointmentArrival | null): Promise<IssuedTicket> {
  const now = ctx.clock.now();
  const day = kyivDay(now);
  return ctx.db.transaction(async (tx) => {
    if (appointment !== null) {
      const known = await queueRepository.byAppointment(tx, appointment.reference);
      if (known !== null) {
        const ahead = (await queueRepository.waiting(tx, known.centreId, known.day)).filter((t) => t.waitingSince < known.waitingSince).length;
        return { ticket: known, ahead, estimatedMinutes: await ctx.estimate(tx, centreId, ahead) };
      }
    }
    const number = await queueRepository.nextNumber(tx, centreId, day);
    const ticket = await queueRepository.insert(tx, {
      id: newId(), centreId, day, kind, source, serviceId, number, label: ticketLabel(kind, number),
      appointmentReference: appointment?.reference ?? null, appointmentAt: appointment?.time ?? null, at: now,
    });
    const ahead = (await queueRepository.waiting(tx, centreId, day)).length - 1;
    return { ticket, ahead, estimatedMinutes: await ctx.estimate(tx, centreId, ahead) };
  });
}

/** The public side: the kiosk, check-in of appointments, a ticket's standing, the display, the queue now. */
function publicSide(ctx: Ctx) {
  const { db, clock, catalogue, centreOf, offers } = ctx;
  return {
    centre: centreOf,

    /** The services offered at a centre, for the kiosk's buttons. */
    async services(centreId: string, lang: Lang): Promise<Service[]> {
      return (await catalogue.servicesAtCentre(centreId, lang)).value;
    },

    /** A walk-in's ticket for a service at a centre (the kiosk). Numbers run per centre and day. */
    async issue(centreId: string, serviceId: string): Promise<Result<IssuedTicket, IssueFailure>> {
      if ((await centreOf(centreId)) === null) {
        return err(new CentreUnknown(centreId));
      }
      if (!(await offers(centreId, serviceId))) {
        return err(new ServiceNotAtCentre(centreId, serviceId));
      }
      return ok(await take(ctx, centreId, 'walk-in', 'kiosk', serviceId, null));
    },

    /**
     * An appointment checked in at the centre: a ticket that goes before walk-ins from its time on
     * (within the fairness rule). Checking in again with the same reference answers the same ticket.
     */
    async checkIn(centreId: string, appointment: AppointmentArrival): Promise<Result<IssuedTicket, CheckInFailure>> {
      if (!REFERENCE.test(appointment.reference)) {
        return err(new AppointmentInvalid('reference'));
      }
      if (Number.isNaN(appointment.time.getTime())) {
        return err(new AppointmentInvalid('time'));
      }
      if ((await centreOf(centreId)) === null) {
        return err(new CentreUnknown(centreId));
      }
      if (!(await offers(centreId, appointment.serviceId))) {
        return err(new ServiceNotAtCentre(centreId, appointment.serviceId));
      }
      return ok(await take(ctx, centreId, 'appointment', 'check-in', appointment.serviceId, appointment));
    },

    /** A ticket by id with where it stands (the kiosk's ticket page); null for no such ticket at that centre. */
    async ticket(centreId: string, ticketId: string): Promise<IssuedTicket | null> {
      const t = isUuid(ticketId) ? await queueRepository.byId(db, ticketId) : null;
      if (t === null || t.centreId !== centreId) {
        return null;
      }
      const ahead = t.status === 'waiting' ? (await queueRepository.waiting(db, t.centreId, t.day)).filter((w) => w.waitingSince < t.waitingSince).length : 0;
      return { ticket: t, ahead, estimatedMinutes: t.status === 'waiting' ? await ctx.estimate(db, centreId, ahead) : 0 };
    },

    /** How many wait at a centre today and the estimated wait for a new ticket; null for no such centre. */
    async situation(centreId: string): Promise<QueueSituation | null> {
      const centre = await centreOf(centreId);
      if (centre === null) {
        return null;
      }
      const waiting = (await queueRepository.waiting(db, centreId, kyivDay(clock.now()))).length;
      return { centre, waiting, estimatedMinutes: await ctx.estimate(db, centreId, waiting) };
    },

    async display(centreId: string): Promise<DisplayBoard | null> {
      const centre = await centreOf(centreId);
      if (centre === null) {
        return null;
      }
      const day = kyivDay(clock.now());
      const [called, waiting] = await Promise.all([queueRepository.recentlyCalled(db, centreId, day, DISPLAY_CALLS), queueRepository.waiting(db, centreId, day)]);
      return { centre, called, waiting: waiting.length };
    },

    /** Per-centre figures by day (tickets, served, no-shows, waiting and service times), for the dashboards. */
    centreDays: (centreId: string, from: string, to: string): Promise<CentreDay[]> => queueRepository.centreDays(db, centreId, from, to),
  };
}

/** The staff member's centre and a desk's name, or why not. */
async function deskOf(ctx: Ctx, signedIn: SignedIn, rawDesk: string): Promise<Result<{ centre: Centre; desk: string }, DeskFailure>> {
  const centreId = frontDeskCentre(signedIn);
  const centre = centreId === null ? null : await ctx.centreOf(centreId);
  if (centre === null) {
    return err(new NotAtCentre());
  }
  const desk = deskName(rawDesk);
  return desk === null ? err(new DeskInvalid()) : ok({ centre, desk });
}

/** A called ticket of the staff member's centre, locked, in the caller's transaction. */
async function calledTicket(tx: Queryable, centreId: string, ticketId: string): Promise<Ticket | null> {
  const t = isUuid(ticketId) ? await queueRepository.byId(tx, ticketId, true) : null;
  return t !== null && t.centreId === centreId && t.status === 'called' ? t : null;
}

const auditOf = (ctx: Ctx) => (tx: Queryable, signedIn: SignedIn, action: string, t: Ticket, detail: Record<string, unknown> = {}) => appendAudit(tx, {
  at: ctx.clock.now(), action, outcome: 'done', channel: 'in-person', actorPersonId: signedIn.person.id, actingFor: null,
  subject: `ticket:${t.centreId}:${t.day}:${t.label}`, detail: { ticketId: t.id, desk: t.desk, ...detail },
});

/** The front desk's side: the console, calling the next ticket, serving, no-shows, transfers (each audited, channel in-person). */
function deskSide(ctx: Ctx) {
  const { db, clock, catalogue, centreOf, offers, fairness } = ctx;
  const audit = auditOf(ctx);

  return {
    /** The front desk's console for the staff member's centre; `desk` (as typed, may be empty) picks the ticket their desk holds. */
    async console(signedIn: SignedIn, rawDesk: string, lang: Lang): Promise<Result<DeskConsole, NotAtCentre>> {
      const centreId = frontDeskCentre(signedIn);
      const centre = centreId === null ? null : await centreOf(centreId);
      if (centre === null) {
        return err(new NotAtCentre());
      }
      const day = kyivDay(clock.now());
      const desk = deskName(rawDesk);
      const [waiting, current, days, services] = await Promise.all([
        queueRepository.waiting(db, centre.id, day),
        desk === null ? Promise.resolve(null) : queueRepository.atDesk(db, centre.id, day, desk),
        queueRepository.centreDays(db, centre.id, day, day),
        catalogue.servicesAtCentre(centre.id, lang),
      ]);
      return ok({ centre, services: services.value, desk, current, waiting, today: days[0] ?? null });
    },

    /**
     * Calls the next ticket to the desk by the fairness rule (`nextTicket`). The centre's day is locked
     * while the choice is made, so two desks never call one ticket. Null when nobody waits for this desk.
     */
    async callNext(signedIn: SignedIn, rawDesk: string): Promise<Result<Ticket | null, DeskFailure>> {
      const at = await deskOf(ctx, signedIn, rawDesk);
      if (!at.ok) {
        return at;
      }
      const { centre, desk } = at.value;
      return auditedResultTransaction(db, async (tx) => {
        const now = clock.now();
        const day = kyivDay(now);
        await queueRepository.lockDay(tx, centre.id, day);
        const [waiting, recent] = await Promise.all([queueRepository.waiting(tx, centre.id, day), queueRepository.recentlyCalled(tx, centre.id, day, STREAK_LOOKBACK)]);
        const next = nextTicket(waiting.map(candidateOf), desk, appointmentStreak(recent.map((t) => t.kind)), now, fairness);
        if (next === null) {
          return ok(null);
        }
        const called = await queueRepository.markCalled(tx, next.id, desk, signedIn.person.id, now);
        await audit(tx, signedIn, 'queue.called', called, { kind: called.kind });
        return ok(called);
      });
    },

    /** Marks a called ticket of the centre served or a no-show. */
    async finish(signedIn: SignedIn, ticketId: string, outcome: 'served' | 'no-show'): Promise<Result<Ticket, TicketActionFailure>> {
      const centreId = frontDeskCentre(signedIn);
      if (centreId === null) {
        return err(new NotAtCentre());
      }
      return auditedResultTransaction(db, async (tx) => {
        const t = await calledTicket(tx, centreId, ticketId);
        if (t === null) {
          return err(new TicketNotFound(ticketId));
        }
        const done = await queueRepository.finish(tx, t.id, outcome, signedIn.person.id, clock.now());
        await audit(tx, signedIn, outcome === 'served' ? 'queue.served' : 'queue.no-show', done);
        return ok(done);
      });
    },

    /**
     * Sends a called ticket back to the head of the waiting line for another service offered at the
     * centre, and to one desk if one is named (`rawDesk` empty: any desk).
     */
    async transfer(signedIn: SignedIn, ticketId: string, serviceId: string, rawDesk: string): Promise<Result<Ticket, TicketActionFailure>> {
      const centreId = frontDeskCentre(signedIn);
      if (centreId === null) {
        return err(new NotAtCentre());
      }
      const forDesk = rawDesk.trim() === '' ? null : deskName(rawDesk);
      if (forDesk === null && rawDesk.trim() !== '') {
        return err(new DeskInvalid());
      }
      if (!(await offers(centreId, serviceId))) {
        return err(new ServiceNotAtCentre(centreId, serviceId));
      }
      return auditedResultTransaction(db, async (tx) => {
        const t = await calledTicket(tx, centreId, ticketId);
        if (t === null) {
          return err(new TicketNotFound(ticketId));
        }
        const moved = await queueRepository.transfer(tx, t.id, serviceId, forDesk);
        await audit(tx, signedIn, 'queue.transferred', t, { fromService: t.serviceId, toService: serviceId, toDesk: forDesk });
        return ok(moved);
      });
    },
  };
}

/**
 * The walk-in queue of the service centres (see README.md): tickets from the kiosk and for
 * appointments checked in; the display; the front desk calling, serving, marking no-shows and
 * transferring; estimates from recent service times; per-centre figures for the dashboards.
 */
export function createQueueService(deps: QueueDeps) {
  const ctx = context(deps);
  return { ...publicSide(ctx), ...deskSide(ctx) };
}

export type QueueService = ReturnType<typeof createQueueService>;
