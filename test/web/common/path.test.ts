import { describe, expect, it } from 'vitest';

import { declarePaths, localPath, rootPath } from '../../../src/web/common/path.ts';
import { PATHS, paths } from '../../../src/web/common/paths.ts';

describe('a path declaration', () => {
  const caseFile = localPath('/cabinet/cases/:id/attachments/:attachmentId', { id: 'uuid', attachmentId: 'uuid' });

  it('gives the route pattern in each language, and one without a language for a root path', () => {
    expect(caseFile.patterns).toEqual([
      { lang: 'uk', url: '/uk/cabinet/cases/:id/attachments/:attachmentId' },
      { lang: 'en', url: '/en/cabinet/cases/:id/attachments/:attachmentId' },
    ]);
    expect(caseFile.pattern('en')).toBe('/en/cabinet/cases/:id/attachments/:attachmentId');
    expect(localPath('/').pattern('uk')).toBe('/uk/');
    const callback = rootPath('/auth/callback/:idp', { idp: 'slug' });
    expect(callback.patterns).toEqual([{ lang: null, url: '/auth/callback/:idp' }]);
    expect(callback.pattern()).toBe('/auth/callback/:idp');
  });

  it('builds URLs from named values, each encoded as one segment', () => {
    expect(caseFile.url('uk', { id: 'a1', attachmentId: 'b2' })).toBe('/uk/cabinet/cases/a1/attachments/b2');
    expect(rootPath('/verify/:id', { id: null }).url({ id: 'a/b?c#d é' })).toBe('/verify/a%2Fb%3Fc%23d%20%C3%A9');
    expect(localPath('/agencies').url('en')).toBe('/en/agencies');
  });

  it('builds the same URL from positional values, in the order of the pattern', () => {
    expect(caseFile.byPosition('en', 'a1', 'b2')).toBe(caseFile.url('en', { id: 'a1', attachmentId: 'b2' }));
    expect(paths.applyFollowUp('uk', 'd', 'reason', 'purpose')).toBe('/uk/applications/d/pages/reason/follow-up/purpose');
  });

  it('adds a query string, leaving out empty and missing values', () => {
    const search = localPath('/search');
    expect(search.url('uk', {}, { q: 'паспорт для дитини', page: 2, audience: '', event: undefined })).toBe('/uk/search?q=%D0%BF%D0%B0%D1%81%D0%BF%D0%BE%D1%80%D1%82+%D0%B4%D0%BB%D1%8F+%D0%B4%D0%B8%D1%82%D0%B8%D0%BD%D0%B8&page=2');
    expect(search.url('uk', {}, {})).toBe('/uk/search');
    expect(paths.signIn('en', '/en/cabinet?x=1&y=2')).toBe('/en/sign-in?returnTo=%2Fen%2Fcabinet%3Fx%3D1%26y%3D2');
    expect(paths.signIn('en')).toBe('/en/sign-in');
    expect(paths.signInWith('uk', 'bank-a', 'staff', '/uk/staff')).toBe('/uk/sign-in/bank-a?realm=staff&returnTo=%2Fuk%2Fstaff');
  });

  it('keeps the kinds the request edge checks, leaving out parameters the handler checks itself', () => {
    expect(caseFile.kinds).toEqual({ id: 'uuid', attachmentId: 'uuid' });
    expect(caseFile.checked).toEqual({ id: 'uuid', attachmentId: 'uuid' });
    expect(PATHS.applyUpload.checked).toEqual({ draftId: 'uuid', pageId: 'slug', field: 'name' });
    expect(PATHS.verify.kinds).toEqual({ id: null });
    expect(PATHS.verify.checked).toBeUndefined();
    expect(PATHS.cabinet.checked).toBeUndefined();
  });

  it('refuses a pattern whose parameters and kinds disagree, or a parameter that is not a whole segment', () => {
    const loose = (template: string, kinds: Record<string, 'uuid' | null>) => () => localPath(template as '/x', ...([kinds] as unknown as []));
    expect(loose('/cases/:id', {})).toThrow(/declared once with its kind/);
    expect(loose('/cases', { id: 'uuid' })).toThrow(/declared once with its kind/);
    expect(loose('/cases/:id/:id', { id: 'uuid' })).toThrow(/declared once with its kind/);
    expect(loose('/cases/:id-pdf', { 'id-pdf': 'uuid' })).toThrow(/one whole segment/);
    expect(loose('cases/:id', { id: 'uuid' })).toThrow(/starts with \//);
  });

  it('types the values and kinds from the pattern', () => {
    // @ts-expect-error: the pattern names `id` and `attachmentId`, not `caseId`
    expect(() => caseFile.url('uk', { caseId: 'x' })).toThrow(/no value for :id/);
    // @ts-expect-error: a path with parameters needs their values
    expect(() => caseFile.url('uk')).toThrow(/no value for :id/);
    // @ts-expect-error: a path with parameters needs their kinds
    expect(() => localPath('/a/:b')).toThrow(/declared once with its kind/);
    // @ts-expect-error: a kind is uuid, slug, name, or null for none
    expect(localPath('/a/:b', { b: 'text' }).kinds).toEqual({ b: 'text' });
  });

  it('is named by its key in its table', () => {
    const table = declarePaths({ one: localPath('/one'), two: rootPath('/two/:id', { id: 'slug' }) });
    expect([table.one.name, table.two.name]).toEqual(['one', 'two']);
    expect(table.two.url({ id: 'x' })).toBe('/two/x');
    expect(PATHS.myCase.name).toBe('myCase');
  });
});

describe('the page builders made from the declarations', () => {
  it('give the addresses the routes register', () => {
    expect(paths.myCase('uk', 'c')).toBe('/uk/cabinet/cases/c');
    expect(paths.caseAction('en', 'c', 'withdraw')).toBe('/en/cabinet/cases/c/withdraw');
    expect(paths.callback('state')).toBe('/auth/callback/state');
    expect(paths.officeCases('uk', { agency: 'tax', page: 3 })).toBe('/uk/office/cases?agency=tax&page=3');
    expect(paths.iconSvg).toBe('/assets/favicon.svg');
    expect(paths.home('en')).toBe('/en/');
  });

  it('declare every address once', () => {
    const patterns = Object.values(PATHS).flatMap((p) => p.patterns.map((x) => x.url));
    expect(new Set(patterns).size).toBe(patterns.length);
  });
});
