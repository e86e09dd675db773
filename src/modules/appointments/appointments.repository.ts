import type { Queryable } from '../../platform/db/database.ts';

export type AppointmentStatus = 'booked' | 'cancelled';
export type AppointmentChannel = 'web' | 'api' | 'sms' | 'phone' | 'in-person';

export interface Appointment {
  readonly id: string;
  readonly reference: string;
  readonly personId: string;
  readonly centreId: string;
  readonly serviceId: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly status: AppointmentStatus;
  readonly bookedAt: Date;
  readonly bookedChannel: AppointmentChannel;
  readonly bookedBy: string | null;
  readonly cancelledAt: Date | null;
  readonly cancelledChannel: AppointmentChannel | null;
  readonly rescheduledTo: string | null;
}

type AppointmentRow = {
  id: string; reference: string; person_id: string; centre_id: string; service_id: string; starts_at: Date; ends_at: Date; status: AppointmentStatus;
  booked_at: Date; booked_channel: AppointmentChannel; booked_by: string | null; cancelled_at: Date | null; cancelled_channel: AppointmentChannel | null; rescheduled_to: string | null;
};

const appointmentOf = (r: AppointmentRow): Appointment => ({
  id: r.id, reference: r.reference, personId: r.person_id, centreId: r.centre_id, serviceId: r.service_id, startsAt: new Date(r.starts_at), endsAt: new Date(r.ends_at),
  status: r.status, bookedAt: new Date(r.booked_at), bookedChannel: r.booked_channel, bookedBy: r.booked_by, cancelledAt: r.cancelled_at === null ? null : new Date(r.cancelled_at),
  cancelledChannel: r.cancelled_channel, rescheduledTo: r.rescheduled_to,
});

export interface NewAppointment {
  readonly id: string;
  readonly reference: string;
  readonly personId: string;
  readonly centreId: string;
  readonly serviceId: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly at: Date;
  readonly channel: AppointmentChannel;
  readonly bookedBy: string | null;
  readonly remindAt: Date | null;
}

/** The SQL of appointments and their slots' places. */
export const appointmentsRepository = {
  /**
   * Takes one place of a slot: creates the slot's row if it is the first booking, then one conditional
   * UPDATE, which locks the row, so concurrent bookings queue on it and each sees the count the one
   * before it left. False when every place is taken.
   */
  async takePlace(tx: Queryable, s: { centreId: string; serviceId: string; startsAt: Date; capacity: number }): Promise<boolean> {
    await tx.query('INSERT INTO appointment_slots (centre_id, service_id, starts_at, capacity) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [s.centreId, s.serviceId, s.startsAt, s.capacity]);
    const rows = await tx.query(
      `UPDATE appointment_slots SET booked = booked + 1, capacity = $4
       WHERE centre_id = $1 AND service_id = $2 AND starts_at = $3 AND booked < $4 RETURNING booked`,
      [s.centreId, s.serviceId, s.startsAt, s.capacity],
    );
    return rows.length === 1;
  },

  async releasePlace(tx: Queryable, a: { centreId: string; serviceId: string; startsAt: Date }): Promise<void> {
    await tx.query('UPDATE appointment_slots SET booked = booked - 1 WHERE centre_id = $1 AND service_id = $2 AND starts_at = $3 AND booked > 0', [a.centreId, a.serviceId, a.startsAt]);
  },

  /** Places taken per slot start of a centre's service between two instants. */
  async taken(q: Queryable, centreId: string, serviceId: string, from: Date, to: Date): Promise<Map<number, number>> {
    const rows = await q.query<{ starts_at: Date; booked: number }>(
      'SELECT starts_at, booked FROM appointment_slots WHERE centre_id = $1 AND service_id = $2 AND starts_at >= $3 AND starts_at < $4',
      [centreId, serviceId, from, to],
    );
    return new Map(rows.map((r) => [new Date(r.starts_at).getTime(), Number(r.booked)]));
  },

  /** True when the person has no other visit booked at that instant. */
  async personFreeAt(q: Queryable, personId: string, startsAt: Date): Promise<boolean> {
    const rows = await q.query("SELECT 1 FROM appointments WHERE person_id = $1 AND starts_at = $2 AND status = 'booked'", [personId, startsAt]);
    return rows.length === 0;
  },

  async insert(tx: Queryable, a: NewAppointment): Promise<boolean> {
    const rows = await tx.query(
      `INSERT INTO appointments (id, reference, person_id, centre_id, service_id, starts_at, ends_at, status, booked_at, booked_channel, booked_by, remind_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'booked', $8, $9, $10, $11)
       ON CONFLICT DO NOTHING RETURNING id`,
      [a.id, a.reference, a.personId, a.centreId, a.serviceId, a.startsAt, a.endsAt, a.at, a.channel, a.bookedBy, a.remindAt],
    );
    return rows.length === 1;
  },

  async byId(q: Queryable, id: string, options: { lock?: boolean } = {}): Promise<Appointment | null> {
    const rows = await q.query<AppointmentRow>(`SELECT * FROM appointments WHERE id = $1${options.lock === true ? ' FOR UPDATE' : ''}`, [id]);
    return rows[0] === undefined ? null : appointmentOf(rows[0]);
  },

  async byReference(q: Queryable, reference: string, options: { lock?: boolean } = {}): Promise<Appointment | null> {
    const rows = await q.query<AppointmentRow>(`SELECT * FROM appointments WHERE reference = $1${options.lock === true ? ' FOR UPDATE' : ''}`, [reference]);
    return rows[0] === undefined ? null : appointmentOf(rows[0]);
  },

  async ofPerson(q: Queryable, personId: string, limit = 100): Promise<Appointment[]> {
    const rows = await q.query<AppointmentRow>('SELECT * FROM appointments WHERE person_id = $1 ORDER BY starts_at DESC LIMIT $2', [personId, limit]);
    return rows.map(appointmentOf);
  },

  async cancel(tx: Queryable, id: string, c: { at: Date; channel: AppointmentChannel; by: string | null; rescheduledTo: string | null }): Promise<void> {
    await tx.query(
      "UPDATE appointments SET status = 'cancelled', cancelled_at = $2, cancelled_channel = $3, cancelled_by = $4, rescheduled_to = $5 WHERE id = $1 AND status = 'booked'",
      [id, c.at, c.channel, c.by, c.rescheduledTo],
    );
  },

  /** Claims reminders that are due (locked, skipping those another process holds) and marks them sent. */
  async claimDueReminders(tx: Queryable, now: Date, limit: number): Promise<Appointment[]> {
    const rows = await tx.query<AppointmentRow>(
      `SELECT * FROM appointments WHERE status = 'booked' AND reminded_at IS NULL AND remind_at <= $1 AND starts_at > $1
       ORDER BY remind_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
    if (rows.length > 0) {
      await tx.query('UPDATE appointments SET reminded_at = $2 WHERE id = ANY($1::uuid[])', [rows.map((r) => r.id), now]);
    }
    return rows.map(appointmentOf);
  },
};
