import { describe, expect, it } from 'vitest';

import { parseSms } from '../../src/modules/sms/index.ts';

describe('reading a text sent to the portal', () => {
  it('knows every command by its Ukrainian and English keywords and aliases, in any letter case, and the language of each', () => {
    const table: Array<[string, string, 'uk' | 'en' | null]> = [
      ['STATUS 2026-000123', 'status', 'en'], ['статус 2026-000123', 'status', 'uk'], ['Статус 2026-000123', 'status', 'uk'],
      ['HELP', 'help', 'en'], ['help', 'help', 'en'], ['ДОПОМОГА', 'help', 'uk'], ['довідка', 'help', 'uk'], ['?', 'help', null],
      ['STOP', 'stop', 'en'], ['СТОП', 'stop', 'uk'], ['sToP', 'stop', 'en'], ['START', 'start', 'en'], ['СТАРТ', 'start', 'uk'],
      ['INFO паспорт', 'info', 'en'], ['ІНФО паспорт', 'info', 'uk'], ['інфо паспорт', 'info', 'uk'],
      ['CENTRE Zorehrad', 'centre', 'en'], ['CENTER Zorehrad', 'centre', 'en'], ['ЦНАП Зореград', 'centre', 'uk'], ['цнап Зореград', 'centre', 'uk'],
      ['QUEUE lymansk-cnap', 'queue', 'en'], ['ЧЕРГА Лиманськ', 'queue', 'uk'], ['BOOK Zorehrad passport', 'book', 'en'], ['ЗАПИС Зореград паспорт', 'book', 'uk'],
      ['ASK when?', 'ask', 'en'], ['ПИТАННЯ коли?', 'ask', 'uk'], ['COMPLAIN queue', 'complain', 'en'], ['СКАРГА черга', 'complain', 'uk'],
      ['SUGGEST more hours', 'suggest', 'en'], ['ПРОПОЗИЦІЯ більше годин', 'suggest', 'uk'], ['COMMEND staff', 'commend', 'en'], ['ПОДЯКА персоналу', 'commend', 'uk'],
    ];
    expect(table.map(([text]) => { const p = parseSms(text); return [text, p.command.kind, p.lang]; })).toEqual(table);
  });

  it('takes what follows the keyword as its argument, spaces collapsed; leading and trailing spaces and line breaks do not matter', () => {
    expect(parseSms('   ask   when  is the\n centre   open?  ')).toEqual({ command: { kind: 'ask', argument: 'when is the centre open?' }, lang: 'en' });
    expect(parseSms('\tЦНАП   Зореград ')).toEqual({ command: { kind: 'centre', argument: 'Зореград' }, lang: 'uk' });
    expect(parseSms('INFO')).toEqual({ command: { kind: 'info', argument: '' }, lang: 'en' });
  });

  it('reads a case number written with or without the hyphen; anything else is no case number', () => {
    expect(parseSms('STATUS 2026-000123').command).toEqual({ kind: 'status', caseNumber: '2026-000123', argument: '2026-000123' });
    expect(parseSms('статус   2026000123').command).toMatchObject({ caseNumber: '2026-000123' });
    expect(parseSms('status 2026 - 000123').command).toMatchObject({ caseNumber: '2026-000123' });
    for (const bad of ['STATUS', 'STATUS 2026-00012', 'STATUS 26-000123', 'STATUS 2026-000123 2026-000124', "STATUS 2026-000123'; DROP TABLE cases"]) {
      expect(parseSms(bad).command).toMatchObject({ kind: 'status', caseNumber: null });
    }
  });

  it('anything else is no command: the keyword must be the whole first word', () => {
    for (const text of ['', '   ', 'hello', 'STATUS2026-000123', 'STOPP', 'СТАТУС?', 'please HELP', '??']) {
      expect(parseSms(text)).toEqual({ command: { kind: 'unknown' }, lang: null });
    }
  });
});
