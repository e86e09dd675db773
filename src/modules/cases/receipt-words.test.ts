import { describe, expect, it } from 'vitest';

import { CASE_CHANNELS } from './case.ts';
import { CHANNEL_NAMES, termText } from './receipt-words.ts';

describe('the words of a receipt', () => {
  it('names every channel in both languages, never by its code', () => {
    for (const channel of CASE_CHANNELS) {
      expect(CHANNEL_NAMES[channel].uk).not.toBe(channel);
      expect(CHANNEL_NAMES[channel].en.length).toBeGreaterThan(2);
    }
    expect(CHANNEL_NAMES.web).toEqual({ uk: 'Вебпортал', en: 'Web portal' });
  });

  it('puts a term in the plural its number needs', () => {
    expect(termText({ days: 1, unit: 'working' }, 'en')).toBe('1 working day');
    expect(termText({ days: 20, unit: 'working' }, 'en')).toBe('20 working days');
    expect(termText({ days: 1, unit: 'working' }, 'uk')).toBe('1 робочий день');
    expect(termText({ days: 3, unit: 'calendar' }, 'uk')).toBe('3 календарні дні');
    expect(termText({ days: 10, unit: 'working' }, 'uk')).toBe('10 робочих днів');
    expect(termText({ days: 21, unit: 'calendar' }, 'uk')).toBe('21 календарний день');
  });
});
