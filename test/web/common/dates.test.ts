import { describe, expect, it } from 'vitest';

import { formatDay, formatInstant } from '../../../src/web/common/dates.ts';
import { translator } from '../../../src/web/locales/messages.ts';

describe('dates in words', () => {
  it('prints a day without the Ukrainian "р." so that a sentence ending with it has one full stop', () => {
    expect(formatDay('2026-12-31', 'uk')).toBe('31 грудня 2026');
    expect(formatDay('2026-12-31', 'en')).toBe('31 December 2026');
    const sentence = translator('uk')('cases.next.reviewBy', { due: formatDay('2026-12-31', 'uk') });
    expect(sentence).toMatch(/31 грудня 2026\.$/);
    expect(sentence).not.toContain('..');
  });

  it('prints an instant in Kyiv time', () => {
    expect(formatInstant(new Date('2026-12-31T22:30:00Z'), 'en')).toBe('1 January 2027 at 00:30');
    expect(formatInstant(new Date('2026-07-01T09:00:00Z'), 'uk')).toMatch(/^1 липня 2026 р\. о 12:00$/);
  });
});
