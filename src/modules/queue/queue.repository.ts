import type { Queryable } from '../../platform/db/database.ts';
import type { Candidate, TicketKind } from './queue.ts';

export type TicketStatus = 'waiting' | 'called' | 'served' | 'no-show';
export type TicketSource = 'kiosk' | 'sms' | 'check-in';

/** A ticket as stored. */
export interface Ticket {
  readonly id: string;
  readonly centreId: string;
  readonly day: string;
  readonly number: number;
  readonly label: string;
  readonly kind: TicketKind;
  readonly source: TicketSource;
  readonly serviceId: string;
  readonly appointmentReference: string | null;
  readonly appointmentAt: Date | null;
  readonly status: TicketStatus;
  readonly issuedAt: Date;
  readonly waitingSince: Date;
  readonly forDesk: string | null;
  readonly desk: string | null;
  readonly calledAt: Date | null;
  readonly finishedAt: Date | null;
  readonly transfers: number;
}

export interface NewTicket {
  readonly id: string;
  readonly centreId: string;
  readonly day: string;
  readonly kind: TicketKind;
  readonly source: TicketSource;
  readonly serviceId: string;
  readonly appointmentReference: string | null;
  readonly appointmentAt: Date | null;
  readonly at: Date;
}

/** One centre's day, for the dashboards (the view `queue_centre_days`). */
export interface CentreDay {
  readonly centreId: string;
  readonly day: string;
  readonly tickets: number;
  readonly appointments: number;
  readonly served: number;
  readonly noShows: number;
  readonly averageWaitSeconds: number | null;
  readonly longestWaitSeconds: number | null;
  readonly averageServiceSeconds: number | null;
}

type Row = {
  id: string; centre_id: string; day: string | Date; number: number; label: string; kind: TicketKind; source: TicketSource; service_id: string;
  appointment_reference: string | null; appointment_at: Date | null; status: TicketStatus; issued_at: Date; waiting_since: Date; for_desk: string | null;
  desk: string | null; called_at: Date | null; finished_at: Date | null; transfers: number;
};

const dayText = (d: string | Date): string => (typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));

const toTicket = (r: Row): Ticket => ({
  id: r.id, centreId: r.centre_id, day: dayText(r.day), number: r.number, label: r.label, kind: r.kind, source: r.source, serviceId: r.service_id,
  appointmentReference: r.appointment_reference, appointmentAt: r.appointment_at, status: r.status, issuedAt: r.issued_at, waitingSince: r.waiting_since,
  forDesk: r.for_desk, desk: r.desk, calledAt: r.called_at, finishedAt: r.finished_at, transfers: r.transfers,
});

const COLUMNS = `id, centre_id, day::text AS day, number, label, kind, source, service_id, appointment_reference, appointment_at, status, issued_at, waiting_since,
  for_desk, desk, called_at, finished_at, transfers`;

export const queueRepository = {
  /**
   * The next number of a centre's day. The upsert locks the day's row until the transaction ends, so
   * concurrent kiosks take numbers one after the other (and `UNIQUE (centre_id, day, number)` stands behind it).
   */
  async nextNumber(q: Queryable, centreId: string, day: string): Promise<number> {
    const [row] = await q.query<{ last_number: number }>(
      `INSERT INTO queue_days (centre_id, day, last_number) VALUES ($1, $2::date, 1)
       ON CONFLICT (centre_id, day) DO UPDATE SET last_number = queue_days.last_number + 1
       RETURNING last_number`,
      [centreId, day],
    );
    return (row as { last_number: number }).last_number;
  },

  /** Locks a centre's day (creating its row), so one desk at a time chooses the next ticket. */
  async lockDay(q: Queryable, centreId: string, day: string): Promise<void> {
    await q.query(`INSERT INTO queue_days (centre_id, day, last_number) VALUES ($1, $2::date, 0) ON CONFLICT (centre_id, day) DO NOTHING`, [centreId, day]);
    await q.query(`SELECT 1 FROM queue_days WHERE centre_id = $1 AND day = $2::date FOR UPDATE`, [centreId, day]);
  },

  async insert(q: Queryable, t: NewTicket & { number: number; label: string }): Promise<Ticket> {
    const [row] = await q.query<Row>(
      `INSERT INTO queue_tickets (id, centre_id, day, number, label, kind, source, service_id, appointment_reference, appointment_at, status, issued_at, waiting_since)
       VALUES ($1, $2, $3::date, $4, $5, $6, $7, $8, $9, $10, 'waiting', $11, $11)
       RETURNING ${COLUMNS}`,
      [t.id, t.centreId, t.day, t.number, t.label, t.kind, t.source, t.serviceId, t.appointmentReference, t.appointmentAt, t.at],
    );
    return toTicket(row as Row);
  },

  async byAppointment(q: Queryable, reference: string): Promise<Ticket | null> {
    const [row] = await q.query<Row>(`SELECT ${COLUMNS} FROM queue_tickets WHERE appointment_reference = $1`, [reference]);
    return row === undefined ? null : toTicket(row);
  },

  async byId(q: Queryable, id: string, lock = false): Promise<Ticket | null> {
    const [row] = await q.query<Row>(`SELECT ${COLUMNS} FROM queue_tickets WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
    return row === undefined ? null : toTicket(row);
  },

  /** The waiting tickets of a centre's day, longest waiting first. */
  async waiting(q: Queryable, centreId: string, day: string): Promise<Ticket[]> {
    const rows = await q.query<Row>(
      `SELECT ${COLUMNS} FROM queue_tickets WHERE centre_id = $1 AND day = $2::date AND status = 'waiting' ORDER BY waiting_since, number`,
      [centreId, day],
    );
    return rows.map(toTicket);
  },

  /** The tickets called at a centre's day, most recent call first (for the display and the fairness streak). */
  async recentlyCalled(q: Queryable, centreId: string, day: string, limit: number): Promise<Ticket[]> {
    const rows = await q.query<Row>(
      `SELECT ${COLUMNS} FROM queue_tickets WHERE centre_id = $1 AND day = $2::date AND called_at IS NOT NULL ORDER BY called_at DESC, number DESC LIMIT $3`,
      [centreId, day, limit],
    );
    return rows.map(toTicket);
  },

  /** The ticket a desk has called and not finished. */
  async atDesk(q: Queryable, centreId: string, day: string, desk: string): Promise<Ticket | null> {
    const [row] = await q.query<Row>(
      `SELECT ${COLUMNS} FROM queue_tickets WHERE centre_id = $1 AND day = $2::date AND status = 'called' AND desk = $3 ORDER BY called_at DESC LIMIT 1`,
      [centreId, day, desk],
    );
    return row === undefined ? null : toTicket(row);
  },

  async markCalled(q: Queryable, id: string, desk: string, by: string, at: Date): Promise<Ticket> {
    const [row] = await q.query<Row>(
      `UPDATE queue_tickets SET status = 'called', desk = $2, called_by = $3, called_at = $4, first_called_at = coalesce(first_called_at, $4), for_desk = NULL
       WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, desk, by, at],
    );
    return toTicket(row as Row);
  },

  async finish(q: Queryable, id: string, status: 'served' | 'no-show', by: string, at: Date): Promise<Ticket> {
    const [row] = await q.query<Row>(
      `UPDATE queue_tickets SET status = $2, finished_by = $3, finished_at = $4 WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, status, by, at],
    );
    return toTicket(row as Row);
  },

  /** Back to the waiting line for another service (and maybe one desk), at its head: it waits since it was first issued. */
  async transfer(q: Queryable, id: string, serviceId: string, forDesk: string | null): Promise<Ticket> {
    const [row] = await q.query<Row>(
      `UPDATE queue_tickets SET status = 'waiting', service_id = $2, for_desk = $3, desk = NULL, called_at = NULL, called_by = NULL,
         waiting_since = issued_at, transfers = transfers + 1
       WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, serviceId, forDesk],
    );
    return toTicket(row as Row);
  },

  /** Service times (called to served, seconds) of the centre's most recent served tickets since `since`. */
  async recentServiceSeconds(q: Queryable, centreId: string, since: Date, limit: number): Promise<number[]> {
    const rows = await q.query<{ seconds: number | string }>(
      `SELECT extract(epoch FROM finished_at - called_at) AS seconds FROM queue_tickets
       WHERE centre_id = $1 AND status = 'served' AND finished_at >= $2 ORDER BY finished_at DESC LIMIT $3`,
      [centreId, since, limit],
    );
    return rows.map((r) => Number(r.seconds));
  },

  /** How many desks called a ticket at the centre since `since` (the desks at work). */
  async activeDesks(q: Queryable, centreId: string, since: Date): Promise<number> {
    const [row] = await q.query<{ n: number }>(
      `SELECT count(DISTINCT desk)::integer AS n FROM queue_tickets WHERE centre_id = $1 AND called_at >= $2 AND desk IS NOT NULL`,
      [centreId, since],
    );
    return row?.n ?? 0;
  },

  async centreDays(q: Queryable, centreId: string, from: string, to: string): Promise<CentreDay[]> {
    const rows = await q.query<{
      centre_id: string; day: string; tickets: number; appointments: number; served: number; no_shows: number;
      average_wait_seconds: number | null; longest_wait_seconds: number | null; average_service_seconds: number | null;
    }>(
      `SELECT centre_id, day::text AS day, tickets, appointments, served, no_shows, average_wait_seconds, longest_wait_seconds, average_service_seconds
       FROM queue_centre_days WHERE centre_id = $1 AND day BETWEEN $2::date AND $3::date ORDER BY day`,
      [centreId, from, to],
    );
    return rows.map((r) => ({
      centreId: r.centre_id, day: r.day, tickets: r.tickets, appointments: r.appointments, served: r.served, noShows: r.no_shows,
      averageWaitSeconds: r.average_wait_seconds, longestWaitSeconds: r.longest_wait_seconds, averageServiceSeconds: r.average_service_seconds,
    }));
  },
};

/** The ordering rule's view of a waiting ticket. */
export const candidateOf = (t: Ticket): Candidate => ({ id: t.id, kind: t.kind, waitingSince: t.waitingSince, appointmentAt: t.appointmentAt, forDesk: t.forDesk });
