import { describe, expect, it } from 'vitest';

import { kyivClock, kyivInstant, slotsOfDay, weekdayId } from '../../src/modules/appointments/slots.ts';
import { type Offer, offerNamed } from '../../src/modules/appointments/offers.ts';

const HOURS = [{ days: ['mo', 'tu', 'we', 'th', 'fr'], opens: '08:00', closes: '20:00' }, { days: ['sa'], opens: '09:00', closes: '16:00' }];
const none = () => false;

describe('slots cut from opening hours', () => {
  it('divides each opening period into visits of the service length; a visit that would end after closing is not offered', () => {
    const tuesday = slotsOfDay(HOURS, '2026-09-01', 25, none);
    expect(weekdayId('2026-09-01')).toBe('tu');
    expect(tuesday[0]).toEqual({ start: '08:00', end: '08:25' });
    expect(tuesday.at(-1)).toEqual({ start: '19:15', end: '19:40' });
    expect(tuesday).toHaveLength(28);
    expect(slotsOfDay(HOURS, '2026-09-05', 60, none).map((s) => s.start)).toEqual(['09:00', '10:00', '11:00', '12:00', '13:00', '14:00', '15:00']);
  });

  it('offers nothing on a day the centre is closed or on a public holiday', () => {
    expect(slotsOfDay(HOURS, '2026-09-06', 20, none)).toEqual([]);
    expect(slotsOfDay(HOURS, '2026-08-24', 20, (d) => d === '2026-08-24')).toEqual([]);
    expect(slotsOfDay(HOURS, '2026-08-25', 20, (d) => d === '2026-08-24')).not.toEqual([]);
  });

  it('turns the state clock into instants across summer and winter time', () => {
    expect(kyivInstant('2026-09-01', '08:00').toISOString()).toBe('2026-09-01T05:00:00.000Z');
    expect(kyivInstant('2026-12-01', '08:00').toISOString()).toBe('2026-12-01T06:00:00.000Z');
    expect(kyivClock(new Date('2026-12-01T06:20:00Z'))).toEqual({ day: '2026-12-01', time: '08:20' });
  });
});

describe('reading BOOK <centre> <service>', () => {
  const offer = (centreId: string, city: string, serviceId: string, service: string): Offer => ({
    centreId, centreName: { uk: centreId, en: centreId }, address: { uk: '', en: '' }, city: { uk: city, en: city }, hours: HOURS, serviceId, serviceName: { uk: service, en: service }, minutes: 20, capacity: 1,
  });
  const offers = [offer('zorehrad-cnap-central', 'Zorehrad', 'id-card-passport', 'ID card passport'), offer('lymansk-cnap', 'Lymansk', 'residence-registration', 'Registering your place of residence')];

  it('takes the first words as the centre and the rest as the service, by prefixes, in any letter case', () => {
    expect(offerNamed(offers, 'Zorehrad passport')?.serviceId).toBe('id-card-passport');
    expect(offerNamed(offers, 'lyman residence')?.centreId).toBe('lymansk-cnap');
    expect(offerNamed(offers, 'lymansk-cnap place of residence')?.centreId).toBe('lymansk-cnap');
    expect(offerNamed(offers, 'Lymansk passport')).toBeNull();
    expect(offerNamed(offers, 'passport')).toBeNull();
  });
});
