import { randomUUID } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { calendarFile, type Offer } from '../../src/modules/appointments/index.ts';
import type { SignedIn } from '../../src/modules/identity/index.ts';
import { type CasesApp, casesApp } from '../cases/support.ts';

let t: CasesApp;
let olena: SignedIn;
let desk: SignedIn;

const offerOf = async (centreId: string, serviceId: string): Promise<Offer> => {
  const o = await t.services.appointments.offer(centreId, serviceId);
  if (o === null) {
    throw new Error(`no offer ${centreId} ${serviceId}`);
  }
  return o;
};

/** People with no sign-in of their own, as the desk would find them in the register. */
async function people(n: number): Promise<string[]> {
  const ids = Array.from({ length: n }, () => randomUUID());
  for (const [i, id] of ids.entries()) {
    await t.services.db.query('INSERT INTO persons (id, national_id, given_name, family_name, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)', [id, `77${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}${String(i).padStart(2, '0')}`, 'Тест', 'Черга', t.clock.now()]);
  }
  return ids;
}

beforeAll(async () => {
  t = await casesApp('2026-09-01');
  t.clock.set(new Date('2026-09-01T06:00:00Z')); // 09:00 in Kyiv, a Tuesday
  olena = await t.person('olena-koval');
  desk = await t.person('yuliia-marchenko', 'staff');
}, 120_000);
afterAll(async () => t.close());

describe('free slots', () => {
  it('lists days with free places from today for 30 days, without Sundays, and today only from now on', async () => {
    const offer = await offerOf('zorehrad-cnap-central', 'birth-registration');
    const days = await t.services.appointments.freeDays(offer);
    expect(days[0]?.day).toBe('2026-09-01');
    expect(days.some((d) => d.day === '2026-09-06')).toBe(false); // a Sunday
    expect(days.at(-1)?.day).toBe('2026-09-30');
    const today = await t.services.appointments.freeSlots(offer, '2026-09-01');
    expect(today[0]?.time).toBe('09:30'); // 09:00 has begun
    expect(await t.services.appointments.freeSlots(offer, '2026-10-15')).toEqual([]); // beyond the booking window
  });
});

describe('booking, moving and cancelling', () => {
  it('books a free slot online, shows it to its person only, and writes the calendar file', async () => {
    const offer = await offerOf('zorehrad-cnap-central', 'id-card-passport');
    const [slot] = await t.services.appointments.freeSlots(offer, '2026-09-02');
    const booked = await t.services.appointments.book(olena, offer.centreId, offer.serviceId, slot?.startsAt ?? new Date(0));
    if (!booked.ok) {
      throw booked.error;
    }
    expect(booked.value).toMatchObject({ status: 'booked', bookedChannel: 'web', bookedBy: null, personId: olena.person.id });
    expect(booked.value.reference).toMatch(/^[A-Z0-9]{6}$/);
    expect((await t.services.appointments.freeSlots(offer, '2026-09-02'))[0]?.free).toBe(offer.capacity - 1);
    expect(await t.services.appointments.one(olena, booked.value.id)).not.toBeNull();
    expect(await t.services.appointments.one(desk, booked.value.id)).toBeNull();
    const ics = calendarFile(booked.value, 'uk');
    expect(ics).toContain('BEGIN:VEVENT');
    expect(ics).toContain('DTSTART:20260902T050000Z');
    expect(ics).toContain('DTEND:20260902T052000Z');
    expect(ics).toContain(`UID:${booked.value.id}@portico`);
    const [audit] = await t.services.db.query<{ action: string; channel: string }>('SELECT action, channel FROM audit_events WHERE subject = $1', [`appointment:${booked.value.id}`]);
    expect(audit).toEqual({ action: 'appointment.book', channel: 'web' });
  });

  it('refuses a time that is no slot, one in the past, and a second visit at the same time', async () => {
    const offer = await offerOf('zorehrad-cnap-central', 'international-passport');
    const invalid = await t.services.appointments.book(olena, offer.centreId, offer.serviceId, new Date('2026-09-02T05:07:00Z'));
    expect(invalid.ok ? null : invalid.error.code).toBe('appointments.slot_invalid');
    const past = await t.services.appointments.book(olena, offer.centreId, offer.serviceId, new Date('2026-09-01T05:00:00Z'));
    expect(past.ok ? null : past.error.code).toBe('appointments.slot_invalid');
    const clash = await t.services.appointments.book(olena, offer.centreId, offer.serviceId, new Date('2026-09-02T05:00:00Z'));
    expect(clash.ok ? null : clash.error.code).toBe('appointments.clash');
    const nothing = await t.services.appointments.book(olena, 'lymansk-cnap', 'birth-registration', new Date('2026-09-02T05:00:00Z'));
    expect(nothing.ok ? null : nothing.error.code).toBe('appointments.not_offered');
  });

  it('moves an appointment (the old place freed) and cancels one; a cancelled one cannot be cancelled again', async () => {
    const offer = await offerOf('lymansk-cnap', 'id-card-passport');
    const [first, second] = await t.services.appointments.freeSlots(offer, '2026-09-03');
    const booked = await t.services.appointments.book(olena, offer.centreId, offer.serviceId, first?.startsAt ?? new Date(0));
    expect(booked.ok).toBe(true);
    const moved = booked.ok ? await t.services.appointments.reschedule(olena, booked.value.id, second?.startsAt ?? new Date(0)) : null;
    if (moved === null || !moved.ok || !booked.ok) {
      throw new Error('not moved');
    }
    const slots = await t.services.appointments.freeSlots(offer, '2026-09-03');
    expect(slots.slice(0, 2).map((s) => s.free)).toEqual([1, 0]);
    expect((await t.services.appointments.one(olena, booked.value.id))).toMatchObject({ status: 'cancelled', rescheduledTo: moved.value.id });
    const cancelled = await t.services.appointments.cancel(olena, moved.value.id);
    expect(cancelled.ok && cancelled.value.status).toBe('cancelled');
    const again = await t.services.appointments.cancel(olena, moved.value.id);
    expect(again.ok ? null : again.error.code).toBe('appointments.closed');
    const notHers = await t.services.appointments.cancel(desk, moved.value.id);
    expect(notHers.ok ? null : notHers.error.code).toBe('appointments.not_found');
    expect((await t.services.appointments.freeSlots(offer, '2026-09-03')).slice(0, 2).map((s) => s.free)).toEqual([1, 1]);
  });

  it('lets an officer book by phone or at the desk for a person, recorded with the officer and the channel; a citizen cannot', async () => {
    const [person] = await people(1);
    const offer = await offerOf('zorehrad-cnap-livoberezhnyi', 'residence-registration');
    const [slot] = await t.services.appointments.freeSlots(offer, '2026-09-04');
    const byPhone = await t.services.appointments.bookFor(desk, person ?? '', 'phone', offer.centreId, offer.serviceId, slot?.startsAt ?? new Date(0));
    expect(byPhone.ok && [byPhone.value.bookedChannel, byPhone.value.bookedBy, byPhone.value.personId]).toEqual(['phone', desk.person.id, person]);
    const refused = await t.services.appointments.bookFor(olena, person ?? '', 'in-person', offer.centreId, offer.serviceId, slot?.startsAt ?? new Date(0));
    expect(refused.ok ? null : refused.error.code).toBe('appointments.not_allowed');
    const [audit] = await t.services.db.query<{ channel: string; actor_person_id: string; acting_for: string }>('SELECT channel, actor_person_id, acting_for FROM audit_events WHERE subject = $1', [`appointment:${byPhone.ok ? byPhone.value.id : ''}`]);
    expect(audit).toEqual({ channel: 'phone', actor_person_id: desk.person.id, acting_for: person });
  });
});

describe('no slot is booked twice', () => {
  it('of many bookings at once for the same slot, exactly as many as it has places succeed', async () => {
    for (const [serviceId, tries] of [['birth-registration', 10], ['taxpayer-number', 12]] as const) {
      const offer = await offerOf('zorehrad-cnap-central', serviceId);
      const slot = (await t.services.appointments.freeSlots(offer, '2026-09-08'))[3];
      const persons = await people(tries);
      const results = await Promise.all(persons.map((p) => t.services.appointments.bookFor(desk, p, 'in-person', offer.centreId, offer.serviceId, slot?.startsAt ?? new Date(0))));
      const codes = results.map((r) => (r.ok ? 'ok' : r.error.code));
      expect(codes.filter((c) => c === 'ok')).toHaveLength(offer.capacity);
      expect(codes.filter((c) => c !== 'ok').every((c) => c === 'appointments.slot_full')).toBe(true);
      const [row] = await t.services.db.query<{ booked: number; n: number }>(
        "SELECT s.booked, (SELECT count(*)::int FROM appointments a WHERE a.centre_id = s.centre_id AND a.service_id = s.service_id AND a.starts_at = s.starts_at AND a.status = 'booked') AS n FROM appointment_slots s WHERE s.centre_id = $1 AND s.service_id = $2 AND s.starts_at = $3",
        [offer.centreId, offer.serviceId, slot?.startsAt],
      );
      expect(row).toEqual({ booked: offer.capacity, n: offer.capacity });
    }
  });
});

describe('reminders', () => {
  it('are claimed once the day before, through the outbox, and never twice', async () => {
    const offer = await offerOf('zorehrad-cnap-central', 'residence-registration');
    const [slot] = await t.services.appointments.freeSlots(offer, '2026-09-10');
    const booked = await t.services.appointments.book(olena, offer.centreId, offer.serviceId, slot?.startsAt ?? new Date(0));
    expect(booked.ok).toBe(true);
    const id = booked.ok ? booked.value.id : '';
    const queued = async () => (await t.services.db.query('SELECT 1 FROM outbox WHERE idempotency_key = $1', [`appointment-reminder:${id}`])).length;
    await t.services.appointments.sendDueReminders();
    expect(await queued()).toBe(0);
    t.clock.set(new Date('2026-09-09T09:00:00Z')); // 12:00 the day before
    const [a, b] = await Promise.all([t.services.appointments.sendDueReminders(), t.services.appointments.sendDueReminders()]);
    expect(await queued()).toBe(1);
    expect((a ?? 0) + (b ?? 0)).toBeGreaterThanOrEqual(1);
    expect(await t.services.appointments.sendDueReminders()).toBe(0);
    t.clock.set(new Date('2026-09-01T06:00:00Z'));
  });
});
