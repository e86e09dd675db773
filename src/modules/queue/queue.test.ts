import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { appointmentStreak, type Candidate, DEFAULT_FAIRNESS, deskName, estimatedWaitMinutes, nextTicket, ticketLabel } from './queue.ts';

const T0 = new Date('2026-12-07T08:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const walkIn = (id: string, since: number, forDesk: string | null = null): Candidate => ({ id, kind: 'walk-in', waitingSince: at(since), appointmentAt: null, forDesk });
const appointment = (id: string, since: number, time: number): Candidate => ({ id, kind: 'appointment', waitingSince: at(since), appointmentAt: at(time), forDesk: null });

describe('nextTicket: appointments first, walk-ins not starved', () => {
  it('calls nobody when nobody waits', () => {
    expect(nextTicket([], '1', 0, T0)).toBeNull();
  });

  it('calls a checked-in appointment whose time has come before an older walk-in', () => {
    expect(nextTicket([walkIn('w', -10), appointment('a', -2, 0)], '1', 0, T0)?.id).toBe('a');
  });

  it('calls the walk-in first when the appointment is not due yet, and the early appointment when nobody else waits', () => {
    expect(nextTicket([walkIn('w', -10), appointment('a', -2, 30)], '1', 0, T0)?.id).toBe('w');
    expect(nextTicket([appointment('a', -2, 30)], '1', 0, T0)?.id).toBe('a');
  });

  it('after two appointments in a row, a walk-in waiting 15 minutes or more goes next', () => {
    const waiting = [walkIn('w', -15), appointment('a', -5, -1)];
    expect(nextTicket(waiting, '1', 2, T0)?.id).toBe('w');
    expect(nextTicket(waiting, '1', 1, T0)?.id).toBe('a');
    expect(nextTicket([walkIn('w', -14), appointment('a', -5, -1)], '1', 2, T0)?.id).toBe('a');
  });

  it('leaves a ticket transferred to another desk for that desk', () => {
    expect(nextTicket([walkIn('w', -20, '2'), walkIn('v', -1)], '1', 0, T0)?.id).toBe('v');
    expect(nextTicket([walkIn('w', -20, '2'), walkIn('v', -1)], '2', 0, T0)?.id).toBe('w');
  });

  const candidates = fc.array(
    fc.record({ appointment: fc.boolean(), since: fc.integer({ min: -120, max: 0 }), time: fc.integer({ min: -60, max: 60 }) }),
    { maxLength: 30 },
  ).map((xs) => xs.map((x, i) => (x.appointment ? appointment(`a${String(i).padStart(2, '0')}`, x.since, x.time) : walkIn(`w${String(i).padStart(2, '0')}`, x.since))));

  it('always calls one of the waiting tickets, and someone whenever anyone waits', () => {
    fc.assert(fc.property(candidates, fc.nat(5), (waiting, streak) => {
      const next = nextTicket(waiting, '1', streak, T0);
      expect(next === null).toBe(waiting.length === 0);
      if (next !== null) {
        expect(waiting).toContain(next);
      }
    }));
  });

  it('calls walk-ins in the order they came', () => {
    fc.assert(fc.property(candidates, fc.nat(5), (waiting, streak) => {
      const next = nextTicket(waiting, '1', streak, T0);
      if (next?.kind === 'walk-in') {
        expect(waiting.filter((c) => c.kind === 'walk-in').every((c) => c.waitingSince >= next.waitingSince)).toBe(true);
      }
    }));
  });

  it('never calls a walk-in while an appointment is due and no walk-in is owed its turn', () => {
    fc.assert(fc.property(candidates, fc.nat(5), (waiting, streak) => {
      const next = nextTicket(waiting, '1', streak, T0);
      const due = waiting.some((c) => c.kind === 'appointment' && (c.appointmentAt as Date).getTime() <= T0.getTime() + DEFAULT_FAIRNESS.appointmentEarlyMinutes * 60_000);
      const owed = streak >= DEFAULT_FAIRNESS.maxAppointmentsInARow && waiting.some((c) => c.kind === 'walk-in' && T0.getTime() - c.waitingSince.getTime() >= DEFAULT_FAIRNESS.walkInPatienceMinutes * 60_000);
      if (due && !owed) {
        expect(next?.kind).toBe('appointment');
      }
    }));
  });

  it('serving a whole line, never more than two appointments in a row while a walk-in has waited 15 minutes or more', () => {
    fc.assert(fc.property(candidates, fc.integer({ min: 1, max: 20 }), (start, serviceMinutes) => {
      let waiting = [...start];
      const called: Candidate[] = [];
      let now = T0;
      while (waiting.length > 0) {
        const streak = appointmentStreak(called.map((c) => c.kind).reverse());
        const next = nextTicket(waiting, '1', streak, now) as Candidate;
        const starving = waiting.some((c) => c.kind === 'walk-in' && now.getTime() - c.waitingSince.getTime() >= 15 * 60_000);
        if (next.kind === 'appointment' && starving) {
          expect(streak).toBeLessThan(DEFAULT_FAIRNESS.maxAppointmentsInARow);
        }
        called.push(next);
        waiting = waiting.filter((c) => c !== next);
        now = new Date(now.getTime() + serviceMinutes * 60_000);
      }
      expect(called).toHaveLength(start.length);
    }));
  });
});

describe('the rest of the rules', () => {
  it('counts the appointments called in a row, newest first', () => {
    expect(appointmentStreak([])).toBe(0);
    expect(appointmentStreak(['appointment', 'appointment', 'walk-in', 'appointment'])).toBe(2);
    expect(appointmentStreak(['walk-in', 'appointment'])).toBe(0);
  });

  it('estimates the wait from recent service times, shared by the desks at work', () => {
    expect(estimatedWaitMinutes(0, [600], 1)).toBe(0);
    expect(estimatedWaitMinutes(3, [], 1)).toBe(30);
    expect(estimatedWaitMinutes(3, [300, 420], 2)).toBe(9);
    expect(estimatedWaitMinutes(1, [61], 0)).toBe(2);
  });

  it('labels tickets by kind and number', () => {
    expect(ticketLabel('walk-in', 17)).toBe('A-017');
    expect(ticketLabel('appointment', 1234)).toBe('B-1234');
  });

  it('reads a desk name', () => {
    expect(deskName('  3 ')).toBe('3');
    expect(deskName('Вікно 4')).toBe('Вікно 4');
    expect(deskName('')).toBeNull();
    expect(deskName('<b>')).toBeNull();
    expect(deskName('x'.repeat(13))).toBeNull();
  });
});
