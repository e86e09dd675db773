/**
 * The walk-in queue on a real database: numbers per centre and day without duplicates under parallel
 * issuing, appointments checked in by reference once, the front desk calling by the fairness rule,
 * serving, marking no-shows and transferring, estimates from service times, the per-centre figures,
 * and QUEUE by SMS.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { SignedIn } from '../../src/modules/identity/index.ts';
import { type SmsApp, smsApp, text } from '../sms/support.ts';

const CENTRE = 'zorehrad-cnap-central';
const SERVICE = 'birth-registration';
const OTHER_SERVICE = 'marriage-registration';

let t: SmsApp;
let desk: SignedIn & { token: string };
let citizen: SignedIn & { token: string };

const minutes = (n: number) => t.clock.set(new Date(t.clock.now().getTime() + n * 60_000));

beforeAll(async () => {
  t = await smsApp('2026-12-07');
  desk = await t.person('yuliia-marchenko', 'staff');
  citizen = await t.person('olena-koval', 'citizen');
});
afterAll(async () => {
  await t?.close();
});

describe('tickets', () => {
  it('numbers tickets per centre and day without duplicates when kiosks issue them in parallel', async () => {
    const issued = await Promise.all(Array.from({ length: 24 }, () => t.services.queue.issue(CENTRE, SERVICE)));
    const numbers = issued.map((r) => (r.ok ? r.value.ticket.number : -1)).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    const first = issued.find((r) => r.ok && r.value.ticket.number === 1);
    expect(first?.ok && first.value.ticket.label).toBe('A-001');
    // Another centre counts from one.
    const other = await t.services.queue.issue('zorehrad-cnap-livoberezhnyi', (await t.services.queue.services('zorehrad-cnap-livoberezhnyi', 'uk'))[0]!.id);
    expect(other.ok && other.value.ticket.number).toBe(1);
    // The next day too.
    t.clock.set('2026-12-08');
    const tomorrow = await t.services.queue.issue(CENTRE, SERVICE);
    expect(tomorrow.ok && tomorrow.value.ticket.label).toBe('A-001');
    const [row] = await t.services.db.query<{ n: number }>('SELECT count(*)::integer AS n FROM queue_tickets WHERE centre_id = $1', [CENTRE]);
    expect(row?.n).toBe(25);
  });

  it('refuses a centre that does not exist and a service the centre does not offer', async () => {
    const unknown = await t.services.queue.issue('no-such-centre', SERVICE);
    expect(!unknown.ok && unknown.error.code).toBe('queue.centre_unknown');
    const elsewhere = await t.services.queue.issue(CENTRE, 'foreign-passport');
    expect(!elsewhere.ok && elsewhere.error.code).toBe('queue.service_not_at_centre');
  });
});

describe('the front desk', () => {
  it('calls by the fairness rule, serves, marks no-shows and transfers; the figures and estimates follow', async () => {
    t.clock.set('2026-12-09');
    const q = t.services.queue;
    const w1 = await q.issue(CENTRE, SERVICE);
    minutes(1);
    const w2 = await q.issue(CENTRE, SERVICE);
    if (!w1.ok || !w2.ok) {
      throw new Error('not issued');
    }
    expect(w2.value.ahead).toBe(1);
    // Nothing served yet: ten minutes a person, one desk.
    expect(w2.value.estimatedMinutes).toBe(10);
    const appointmentTime = new Date(t.clock.now().getTime() + 2 * 60_000);
    const a1 = await q.checkIn(CENTRE, { reference: 'APT-0001', serviceId: SERVICE, time: appointmentTime });
    const again = await q.checkIn(CENTRE, { reference: 'APT-0001', serviceId: SERVICE, time: appointmentTime });
    expect(a1.ok && again.ok && again.value.ticket.id === a1.value.ticket.id).toBe(true);
    expect(a1.ok && a1.value.ticket.label).toMatch(/^B-\d{3}$/);
    const bad = await q.checkIn(CENTRE, { reference: '<x>', serviceId: SERVICE, time: appointmentTime });
    expect(!bad.ok && bad.error.code).toBe('queue.appointment_invalid');

    // The appointment is due (within five minutes of its time): it goes before the walk-ins.
    const first = await q.callNext(desk, '1');
    expect(first.ok && first.value?.kind).toBe('appointment');
    minutes(6);
    const served = await q.finish(desk, first.ok ? first.value!.id : '', 'served');
    expect(served.ok && served.value.status).toBe('served');
    const twice = await q.finish(desk, first.ok ? first.value!.id : '', 'served');
    expect(!twice.ok && twice.error.code).toBe('queue.ticket_not_found');

    const second = await q.callNext(desk, '1');
    expect(second.ok && second.value?.id).toBe(w1.value.ticket.id);
    const moved = await q.transfer(desk, w1.value.ticket.id, OTHER_SERVICE, '2');
    expect(moved.ok && moved.value.status).toBe('waiting');
    expect(moved.ok && moved.value.serviceId).toBe(OTHER_SERVICE);
    // Desk 1 does not get the ticket sent to desk 2.
    const third = await q.callNext(desk, '1');
    expect(third.ok && third.value?.id).toBe(w2.value.ticket.id);
    const noShow = await q.finish(desk, w2.value.ticket.id, 'no-show');
    expect(noShow.ok && noShow.value.status).toBe('no-show');
    minutes(1);
    const atTwo = await q.callNext(desk, '2');
    expect(atTwo.ok && atTwo.value?.id).toBe(w1.value.ticket.id);
    minutes(4);
    await q.finish(desk, w1.value.ticket.id, 'served');
    const none = await q.callNext(desk, '1');
    expect(none.ok && none.value).toBeNull();

    const board = await q.display(CENTRE);
    expect(board?.called.map((c) => c.label)).toEqual([w1.value.ticket.label, w2.value.ticket.label, a1.ok ? a1.value.ticket.label : '']);
    expect(board?.called[0]?.desk).toBe('2');

    const [day] = await q.centreDays(CENTRE, '2026-12-09', '2026-12-09');
    expect(day).toMatchObject({ tickets: 3, appointments: 1, served: 2, noShows: 1 });
    expect(day?.averageServiceSeconds).toBe(300);
    expect(day?.averageWaitSeconds).toBeGreaterThan(0);

    // Two served, 6 and 4 minutes, two desks at work: three people ahead wait 3 × 5 / 2 → 8 minutes.
    await q.issue(CENTRE, SERVICE);
    await q.issue(CENTRE, SERVICE);
    await q.issue(CENTRE, SERVICE);
    const fourth = await q.issue(CENTRE, SERVICE);
    expect(fourth.ok && fourth.value.estimatedMinutes).toBe(8);
    const audit = await t.services.db.query<{ action: string; channel: string }>(`SELECT action, channel FROM audit_events WHERE action LIKE 'queue.%' ORDER BY id`);
    expect(audit.map((a) => a.action)).toEqual(['queue.called', 'queue.served', 'queue.called', 'queue.transferred', 'queue.called', 'queue.no-show', 'queue.called', 'queue.served']);
    expect(new Set(audit.map((a) => a.channel))).toEqual(new Set(['in-person']));
  });

  it('refuses staff without a front-desk role at a centre, and a desk that is no desk name', async () => {
    const notDesk = await t.services.queue.callNext(citizen, '1');
    expect(!notDesk.ok && notDesk.error.code).toBe('queue.not_at_centre');
    const badDesk = await t.services.queue.callNext(desk, '<script>');
    expect(!badDesk.ok && badDesk.error.code).toBe('queue.desk_invalid');
  });

  it('never calls one ticket to two desks calling at once', async () => {
    t.clock.set('2026-12-10');
    await Promise.all(Array.from({ length: 6 }, () => t.services.queue.issue(CENTRE, SERVICE)));
    const calls = await Promise.all(['1', '2', '3', '4', '5', '6', '7'].map((d) => t.services.queue.callNext(desk, d)));
    const ids = calls.flatMap((c) => (c.ok && c.value !== null ? [c.value.id] : []));
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6);
  });
});

describe('QUEUE by SMS', () => {
  it('answers how many wait at the centre and the estimated wait', async () => {
    t.clock.set('2026-12-11');
    await t.services.queue.issue(CENTRE, SERVICE);
    await t.services.queue.issue(CENTRE, SERVICE);
    const none = await text(t, '+380501110000', 'QUEUE Atlantis');
    expect(none.outcome).toBe('answered');
    expect(none.reply?.text).toMatch(/^No centre found for "Atlantis"/);
    const reply = await text(t, '+380501110001', 'черга Зореград центр');
    expect(reply.reply?.text).toContain('Центр надання адміністративних послуг «Зореград»: у черзі 2, очікування близько 10 хв');
    // The estimate learns from the week's service times (6 and 4 minutes served on the 9th): 2 × 5 minutes.
  });
});
