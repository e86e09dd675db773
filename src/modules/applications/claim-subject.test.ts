import { describe, expect, it } from 'vitest';

import { childNamed, type RegisteredChild } from './claim-subject.ts';

const FIELDS = { name: 'childFullName', birthDate: 'childBirthDate' };
const MARKO: RegisteredChild = { nationalId: '9000000156', name: 'Марко Бондар', birthDate: '2026-10-26' };
const OLENA: RegisteredChild = { nationalId: '9000000164', name: 'Олена Бондар', birthDate: '2026-10-26' };
const KATERYNA: RegisteredChild = { nationalId: '9000000172', name: 'Катерина Бондар', birthDate: '2019-03-01' };
const answers = (name: unknown, birthDate: unknown) => ({ childFullName: name, childBirthDate: birthDate });

describe('the child an application made for oneself is about', () => {
  it('is the child born that day whose registered names are all in the name given, in any order, with a patronymic', () => {
    expect(childNamed([KATERYNA, MARKO], answers('Марко Бондар', '2026-10-26'), FIELDS)).toBe('9000000156');
    expect(childNamed([KATERYNA, MARKO], answers('  бондар   МАРКО Андрійович ', '2026-10-26'), FIELDS)).toBe('9000000156');
  });

  it('tells twins apart by name', () => {
    expect(childNamed([MARKO, OLENA], answers('Олена Бондар', '2026-10-26'), FIELDS)).toBe('9000000164');
  });

  it('treats the apostrophe\'s forms as one', () => {
    const child = { nationalId: '9000000180', name: "Мар'яна Пʼятак", birthDate: '2026-10-01' };
    expect(childNamed([child], answers('Марʼяна П’ятак', '2026-10-01'), FIELDS)).toBe('9000000180');
  });

  it('is no one when the day, a name or the answers do not fit, or when two children would', () => {
    expect(childNamed([MARKO], answers('Марко Бондар', '2026-10-27'), FIELDS)).toBeNull();
    expect(childNamed([MARKO], answers('Марко', '2026-10-26'), FIELDS)).toBeNull();
    expect(childNamed([MARKO], answers('Марк Бондар', '2026-10-26'), FIELDS)).toBeNull();
    expect(childNamed([MARKO], answers(undefined, '2026-10-26'), FIELDS)).toBeNull();
    expect(childNamed([MARKO], answers('Марко Бондар', null), FIELDS)).toBeNull();
    expect(childNamed([], answers('Марко Бондар', '2026-10-26'), FIELDS)).toBeNull();
    expect(childNamed([MARKO, { ...MARKO, nationalId: '9000000199' }], answers('Марко Бондар', '2026-10-26'), FIELDS)).toBeNull();
    expect(childNamed([{ ...MARKO, name: '' }], answers('Марко Бондар', '2026-10-26'), FIELDS)).toBeNull();
  });
});
