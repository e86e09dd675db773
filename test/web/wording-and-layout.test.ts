/**
 * What people met on the pages, that no other test covers: the sign-in buttons name the provider in
 * quotes (Ukrainian "через" would otherwise need the provider's name declined), a company is named
 * in the page's language wherever a person chooses whom to act for, and the back office uses the full
 * width of the screen while public pages keep the reading width.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { TestApp } from '../support/app.ts';
import { appWithPersonas, signIn } from '../support/personas.ts';

let t: TestApp;
const get = (url: string, cookie = '') => t.app.inject({ url, headers: cookie === '' ? {} : { cookie } });
const visible = (html: string) => html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ');

beforeAll(async () => {
  t = await appWithPersonas();
});
afterAll(async () => t.close());

describe('sign-in wording', () => {
  it('names each provider in quotes in Ukrainian, and plainly in English', async () => {
    const uk = visible((await get('/uk/sign-in')).body);
    expect(uk).toMatch(/Увійти через «Державна eID[^«»]*»/);
    expect(uk).toMatch(/Увійти через «Банк А[^«»]*»/);
    expect(uk).toMatch(/Увійти як посадова особа через «Державна eID[^«»]*»/);
    expect(uk).not.toMatch(/через Державна/);
    expect(visible((await get('/en/sign-in')).body)).toMatch(/Sign in with State eID/);
  });
});

describe('whom a person acts for', () => {
  it('names the company in the language of the page', async () => {
    const director = await signIn(t.app, 'taras-melnyk');
    const uk = visible((await get('/uk/cabinet/act-as', director)).body);
    const en = visible((await get('/en/cabinet/act-as', director)).body);
    expect(uk).toContain('ТОВ «Зоряна пекарня»');
    expect(uk).not.toContain('Zoriana Bakery LLC');
    expect(en).toContain('Zoriana Bakery LLC');
    expect(en).not.toContain('Зоряна пекарня');
  });
});

describe('page widths', () => {
  it('gives the back office the full width and keeps public pages at the reading width', async () => {
    const clerk = await signIn(t.app, 'mykola-tkachenko', 'staff');
    const queue = await get('/uk/office/cases', clerk);
    expect(queue.statusCode).toBe(200);
    expect(queue.body).toMatch(/class="govuk-width-container app-width-container--fluid"/);
    const home = await get('/uk/');
    expect(home.body).toMatch(/class="govuk-width-container"/);
    expect(home.body).not.toContain('app-width-container--fluid');
  });
});
