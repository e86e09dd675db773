import type { Check } from './run.ts';

interface Ids {
  readonly service: string;
  readonly organisation: string;
  readonly centre: string;
  readonly event: string;
}

async function pickIds(base: string): Promise<Ids> {
  const get = async <T>(path: string) => (await (await fetch(`${base}${path}`)).json()) as T;
  const services = await get<{ items: Array<{ id: string }> }>('/api/v1/services?q=passport');
  const organisations = await get<{ items: Array<{ id: string }> }>('/api/v1/organisations');
  const centres = await get<{ items: Array<{ id: string }> }>('/api/v1/centres');
  const first = (list: Array<{ id: string }>, what: string) => {
    const id = list[0]?.id;
    if (!id) {
      throw new Error(`the demo catalogue has no ${what}`);
    }
    return id;
  };
  return {
    service: first(services.items, 'passport service'),
    organisation: first(organisations.items, 'organisation'),
    centre: first(centres.items, 'centre'),
    event: 'birth-of-child',
  };
}

/** Every page type in both languages through axe, and the search journeys with JavaScript off. */
export async function catalogueJourneys(base: string): Promise<Check[]> {
  const ids = await pickIds(base);
  const pages: Array<[string, string, number]> = [
    ['home', '/', 200],
    ['search results', '/search?q=паспорт', 200],
    ['search with filters', '/search?q=&audience=business&online=yes', 200],
    ['search with bad parameters', '/search?page=0&channel=pigeon', 400],
    ['service', `/services/${ids.service}`, 200],
    ['agencies', '/agencies', 200],
    ['agency', `/agencies/${ids.organisation}`, 200],
    ['events', '/events', 200],
    ['life event', `/events/${ids.event}`, 200],
    ['centres', '/centres', 200],
    ['centre', `/centres/${ids.centre}`, 200],
    ['accessibility statement', '/accessibility', 200],
    ['not found', '/services/no-such-service', 404],
  ];
  const axeChecks: Check[] = (['uk', 'en'] as const).flatMap((lang) =>
    pages.map(([name, path, status]): Check => ({
      name: `${lang}: ${name} has no axe violations`,
      run: async (ctx) => {
        await ctx.audit(`/${lang}${path}`, status, async (page) => {
          const htmlLang = await page.getAttribute('html', 'lang');
          if (htmlLang !== lang) {
            throw new Error(`html lang is ${htmlLang}`);
          }
          if ((await page.locator('script').count()) > 0) {
            throw new Error('the page carries a script');
          }
        });
      },
    })),
  );
  return [...axeChecks, ...searchJourneys()];
}

function searchJourneys(): Check[] {
  return [
    {
      name: 'a person finds the passport service with a typo, reads it and switches language, without JavaScript',
      run: async (ctx) => {
        const context = await ctx.newContext();
        try {
          const page = await ctx.visit(context, '/uk/', 200);
          await page.getByLabel('Пошук послуг').fill('pasport');
          await page.getByRole('button', { name: 'Шукати' }).click();
          await page.waitForURL(/\/uk\/search\?q=pasport/);
          const first = page.locator('.app-service-list h3 a').first();
          const title = await first.textContent();
          if (!title || !/паспорт/i.test(title)) {
            throw new Error(`first result for "pasport" is "${title}"`);
          }
          await first.click();
          await page.getByRole('heading', { level: 2, name: 'Необхідні документи' }).waitFor();
          await page.getByRole('link', { name: 'English', exact: true }).click();
          await page.getByRole('heading', { level: 2, name: 'Documents you need' }).waitFor();
          if (!/\/en\/services\//.test(page.url())) {
            throw new Error(`language switch went to ${page.url()}`);
          }
        } finally {
          await context.close();
        }
      },
    },
    {
      name: 'filters narrow the results and their counts add up, without JavaScript',
      run: async (ctx) => {
        const context = await ctx.newContext();
        try {
          const page = await ctx.visit(context, '/en/search?q=', 200);
          const all = Number((await page.locator('#results-count').textContent())?.match(/\d+/)?.[0]);
          const option = page.locator('#filter-audience option[value="business"]');
          const expected = Number((await option.textContent())?.match(/\((\d+)\)/)?.[1]);
          await page.locator('#filter-audience').selectOption('business');
          await page.getByRole('button', { name: 'Apply filters' }).click();
          await page.waitForURL(/audience=business/);
          const narrowed = Number((await page.locator('#results-count').textContent())?.match(/\d+/)?.[0]);
          if (!(narrowed === expected && narrowed > 0 && narrowed < all)) {
            throw new Error(`all ${all}, business option said ${expected}, filtered ${narrowed}`);
          }
        } finally {
          await context.close();
        }
      },
    },
  ];
}
