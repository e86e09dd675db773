import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { parseSms } from '../../src/modules/sms/index.ts';
import { confirmPhone, type SmsApp, smsApp, text } from './support.ts';

let t: SmsApp;
const OLENA = '+380501230021';
const TARAS = '+380501230022';
const UNKNOWN = '+380501230098';

beforeAll(async () => {
  t = await smsApp('2026-09-01');
  t.clock.set(new Date('2026-09-01T06:00:00Z'));
  await confirmPhone(t, await t.person('olena-koval'), OLENA);
  await confirmPhone(t, await t.person('taras-melnyk'), TARAS);
}, 120_000);
afterAll(async () => t.close());

const replyTo = async (from: string, message: string) => {
  t.clock.set(new Date(t.clock.now().getTime() + 7000));
  const sent = await text(t, from, message);
  expect([sent.status, sent.outcome]).toEqual([200, 'answered']);
  return sent.reply?.text ?? '';
};

describe('CANCEL is a command in both languages', () => {
  it('knows its keywords and aliases', () => {
    for (const [message, lang] of [['CANCEL K7M4QX', 'en'], ['unbook K7M4QX', 'en'], ['СКАСУВАТИ K7M4QX', 'uk'], ['скасування K7M4QX', 'uk'], ['Відмінити K7M4QX', 'uk']] as const) {
      expect(parseSms(message)).toEqual({ command: { kind: 'cancel', argument: 'K7M4QX' }, lang });
    }
  });
});

describe('BOOK and CANCEL by SMS', () => {
  it('books the next free slot for the person who confirmed the number, and replies with date, time, centre and reference', async () => {
    const reply = await replyTo(OLENA, 'BOOK Zorehrad passport');
    expect(reply).toMatch(/^Booked: .+, 01\.09\.2026 at 09:20, Zorehrad Centre for Administrative Services, 32 Soborna Street, Zorehrad\. Reference: [A-Z0-9]{6}\. To cancel send CANCEL [A-Z0-9]{6}$/);
    const olena = await t.person('olena-koval');
    const [mine] = await t.services.appointments.mine(olena);
    expect(mine).toMatchObject({ bookedChannel: 'sms', status: 'booked', centreId: 'zorehrad-cnap-central', serviceId: 'id-card-passport' });
    expect(reply).toContain(mine?.reference ?? '-');
    const uk = await replyTo(OLENA, 'ЗАПИС Лиманськ реєстрація місця проживання');
    expect(uk).toMatch(/^Вас записано: .+ Номер запису: [A-Z0-9]{6}\. Скасувати: СКАСУВАТИ [A-Z0-9]{6}$/);
  });

  it('books nothing for a number nobody confirmed, or for words that name no bookable service', async () => {
    expect(await replyTo(UNKNOWN, 'BOOK Zorehrad passport')).toContain('no appointment has been made');
    expect(await replyTo(TARAS, 'BOOK Atlantis passport')).toContain('no appointment has been made');
    expect(await replyTo(TARAS, 'ЗАПИС')).toContain('Надішліть ЗАПИС');
    expect(await t.services.appointments.mine(await t.person('taras-melnyk'))).toEqual([]);
  });

  it('cancels an appointment booked online from the person\'s confirmed number, and nobody else\'s', async () => {
    const olena = await t.person('olena-koval');
    const offer = await t.services.appointments.offer('zorehrad-cnap-central', 'birth-registration');
    const slot = offer === null ? null : (await t.services.appointments.freeSlots(offer, '2026-09-03'))[0];
    const booked = await t.services.appointments.book(olena, 'zorehrad-cnap-central', 'birth-registration', slot?.startsAt ?? new Date(0));
    if (!booked.ok) {
      throw booked.error;
    }
    const ref = booked.value.reference;
    expect(await replyTo(TARAS, `CANCEL ${ref}`)).toBe(`No appointment ${ref} found for this number. Only a number confirmed in your account can cancel. Your appointments: http://portal.test/en/cabinet/appointments`);
    expect(await replyTo(UNKNOWN, `СКАСУВАТИ ${ref}`)).toContain(`Запису ${ref} для цього номера не знайдено`);
    expect((await t.services.appointments.one(olena, booked.value.id))?.status).toBe('booked');
    expect(await replyTo(OLENA, `скасувати ${ref.toLowerCase()}`)).toMatch(new RegExp(`^Запис ${ref} \\(.+, 03\\.09\\.2026 о 08:00\\) скасовано\\.$`, 'u'));
    expect(await t.services.appointments.one(olena, booked.value.id)).toMatchObject({ status: 'cancelled', cancelledChannel: 'sms' });
    expect(await replyTo(OLENA, `CANCEL ${ref}`)).toBe(`Appointment ${ref} is already cancelled or its time has passed.`);
    expect(await replyTo(OLENA, 'CANCEL')).toBe('Send CANCEL and the booking reference, for example: CANCEL K7M4QX');
  });
});
