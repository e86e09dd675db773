import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { PERSONAS, personasFor } from '../../src/dev/eid/index.ts';

async function catalogueIds(file: string, key: string): Promise<Set<string>> {
  const json = JSON.parse(await readFile(new URL(`../../catalogue/demo/${file}`, import.meta.url), 'utf8')) as
    Record<string, Array<{ id: string }>>;
  return new Set((json[key] ?? []).map((record) => record.id));
}

describe('embedded eID personas', () => {
  it('have unique ids and unique fictional 10-digit national IDs (children included)', () => {
    const ids = PERSONAS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    const nationalIds = [
      ...PERSONAS.map((p) => p.nationalId).filter((id): id is string => id !== null),
      ...PERSONAS.flatMap((p) => (p.children ?? []).map((c) => c.nationalId)),
    ];
    expect(new Set(nationalIds).size).toBe(nationalIds.length);
    for (const id of nationalIds) {
      expect(id).toMatch(/^9\d{9}$/);
    }
    for (const p of PERSONAS) {
      expect(p.birthdate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Number.isNaN(Date.parse(p.birthdate))).toBe(false);
    }
  });

  it('are, with the children, the people of the demo population register: one person a national ID, under the same name', async () => {
    const register = JSON.parse(await readFile(new URL('../../registries/demo/population-registry.json', import.meta.url), 'utf8')) as {
      people: Array<{ nationalId: string; givenName: string; familyName: string }>;
      children: Array<{ childNationalId: string; givenName: string; familyName: string }>;
    };
    const ids = register.people.map((p) => p.nationalId);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    const named = new Map(register.people.map((p) => [p.nationalId, `${p.givenName} ${p.familyName}`]));
    for (const c of register.children) {
      expect(named.get(c.childNationalId) ?? `${c.givenName} ${c.familyName}`, c.childNationalId).toBe(`${c.givenName} ${c.familyName}`);
    }
    for (const p of PERSONAS.filter((x) => x.nationalId !== null && named.has(x.nationalId))) {
      expect(named.get(p.nationalId ?? ''), p.id).toBe(`${p.givenName} ${p.familyName}`);
    }
  });

  it('include the people the demo needs', () => {
    const byId = new Map(PERSONAS.map((p) => [p.id, p]));
    expect(byId.get('olena-koval')).toMatchObject({ kind: 'citizen', givenName: 'Олена', familyName: 'Коваль' });
    expect(byId.get('taras-melnyk')?.directorOf).toMatch(/^\d{8}$/);
    expect(byId.get('iryna-bondar')?.kind).toBe('citizen');
    expect(PERSONAS.some((p) => (p.children ?? []).length > 0)).toBe(true);
    const foreigners = PERSONAS.filter((p) => p.kind === 'foreigner');
    expect(foreigners.length).toBeGreaterThan(0);
    expect(foreigners.every((p) => p.nationalId === null)).toBe(true);
    const roles = PERSONAS.map((p) => p.staffRole).filter((r) => r !== undefined);
    expect(new Set(roles)).toEqual(new Set([
      'clerk', 'decision-maker', 'supervisor', 'agency-admin', 'front-desk', 'contact-centre', 'catalogue-editor', 'national-admin',
    ]));
  });

  it('point officers at organisations and centres that exist in the demo catalogue', async () => {
    const organisations = await catalogueIds('organisations.json', 'organisations');
    const centres = await catalogueIds('centres.json', 'centres');
    for (const p of PERSONAS) {
      expect(p.kind === 'officer').toBe(p.staffRole !== undefined);
      if (p.agencyId !== undefined) {
        expect(organisations, p.id).toContain(p.agencyId);
      }
      if (p.centreId !== undefined) {
        expect(centres, p.id).toContain(p.centreId);
      }
    }
    const migration = PERSONAS.filter((p) => p.agencyId === 'state-migration-service').map((p) => p.staffRole);
    expect(migration).toEqual(expect.arrayContaining(['clerk', 'decision-maker', 'supervisor', 'agency-admin']));
  });

  it('offer every persona on the State eID and only citizens on Bank A', () => {
    expect(personasFor('state')).toHaveLength(PERSONAS.length);
    const bank = personasFor('bank');
    expect(bank.length).toBeGreaterThan(0);
    expect(bank.every((p) => p.kind === 'citizen')).toBe(true);
  });
});
