import type { CatalogueRecords, ChannelType, ServiceRecord } from '../modules/catalogue/index.ts';
import { THEMATIC_AREAS } from '../modules/catalogue/index.ts';

/** A small deterministic generator (mulberry32), so the same seed builds the same catalogue. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ACTIONS = [
  ['Видача', 'Issue of'],
  ['Реєстрація', 'Registration of'],
  ['Продовження строку дії', 'Renewal of'],
  ['Анулювання', 'Cancellation of'],
  ['Внесення змін до', 'Amendment of'],
  ['Видача дубліката', 'Duplicate of'],
  ['Погодження', 'Approval of'],
  ['Надання витягу щодо', 'Extract concerning'],
] as const;

const OBJECTS = [
  ['дозволу на розміщення зовнішньої реклами', 'an outdoor advertising permit'],
  ['ліцензії на перевезення пасажирів', 'a passenger transport licence'],
  ['декларації відповідності', 'a declaration of conformity'],
  ['свідоцтва про право власності', 'a certificate of ownership'],
  ['дозволу на спеціальне водокористування', 'a special water use permit'],
  ['сертифіката якості зерна', 'a grain quality certificate'],
  ['посвідчення мисливця', 'a hunting licence'],
  ['дозволу на розміщення тимчасової споруди', 'a temporary structure siting permit'],
  ['довідки про склад сім’ї', 'a household composition certificate'],
  ['картки платника податків', 'a taxpayer card'],
  ['дозволу на порушення об’єктів благоустрою', 'a permit for works on public spaces'],
  ['висновку державної санітарної експертизи', 'a state sanitary expert opinion'],
  ['договору оренди земельної ділянки', 'a land lease agreement'],
  ['реєстраційного посвідчення на засіб захисту рослин', 'a plant protection product registration'],
  ['дозволу на викиди забруднювальних речовин', 'an air emissions permit'],
  ['ліцензії на роздрібну торгівлю пальним', 'a fuel retail licence'],
] as const;

const REGIONS = [
  ['Північного краю', 'Northern Province'],
  ['Південного краю', 'Southern Province'],
  ['Західного краю', 'Western Province'],
  ['Східного краю', 'Eastern Province'],
  ['Центрального краю', 'Central Province'],
  ['Приморського краю', 'Coastal Province'],
  ['Гірського краю', 'Highland Province'],
  ['Озерного краю', 'Lakeland Province'],
] as const;

const CHANNELS: readonly ChannelType[] = ['online', 'phone', 'post', 'in-person', 'sms'];

const pickFrom = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;

/**
 * Builds `count` synthetic services that refer to the organisations, events and centres of `base`,
 * for benchmarks at catalogue scale. Ids are `synthetic-NNNNN`, register codes 90/0000 onwards.
 */
export function syntheticServices(count: number, base: CatalogueRecords, seed = 42): ServiceRecord[] {
  const rnd = random(seed);
  const organisations = base.organisations.map((o) => o.id);
  const events = base.events.map((e) => e.id);
  const centres = base.centres.map((c) => c.id);
  if (organisations.length === 0) {
    throw new Error('the synthetic catalogue needs at least one organisation to refer to');
  }
  return Array.from({ length: count }, (_, i) => {
    const [actionUk, actionEn] = pickFrom(rnd, ACTIONS);
    const [objectUk, objectEn] = pickFrom(rnd, OBJECTS);
    const [regionUk, regionEn] = pickFrom(rnd, REGIONS);
    const channels = CHANNELS.filter((c) => c === 'in-person' || rnd() < 0.45);
    const paid = rnd() < 0.6;
    const n = String(i).padStart(5, '0');
    const name = { uk: `${actionUk} ${objectUk} (${regionUk}, № ${i + 1})`, en: `${actionEn} ${objectEn} (${regionEn}, no. ${i + 1})` };
    return {
      id: `synthetic-${n}`,
      identifier: `${90 + Math.floor(i / 10000)}/${String(i % 10000).padStart(4, '0')}`,
      name,
      description: { uk: `${name.uk}: синтетичний запис для вимірювання продуктивності каталогу.`, en: `${name.en}: a synthetic record for measuring the catalogue at scale.` },
      keywords: { uk: [objectUk.split(' ')[0] ?? objectUk], en: [objectEn.split(' ').slice(-1)[0] ?? objectEn] },
      audience: rnd() < 0.5 ? ['business'] : rnd() < 0.5 ? ['individual'] : ['individual', 'business'],
      organisationId: pickFrom(rnd, organisations),
      thematicArea: pickFrom(rnd, THEMATIC_AREAS),
      eventIds: events.length > 0 && rnd() < 0.3 ? [pickFrom(rnd, events)] : [],
      requirements: [{ id: 'applicant', name: { uk: 'Заявник — фізична або юридична особа', en: 'The applicant is a person or a legal entity' } }],
      evidence: [{ id: 'application', name: { uk: 'Заява', en: 'Application' }, type: 'application-form' }],
      costs: paid ? [{ id: 'fee', amount: Math.round(rnd() * 2000) + 50, currency: 'UAH', description: { uk: 'Адміністративний збір', en: 'Administrative fee' } }] : [],
      outputs: [{ id: 'result', name: { uk: 'Рішення', en: 'Decision' }, type: 'permit' }],
      legalResources: [{ id: 'law', title: { uk: 'Закон про адміністративні послуги', en: 'Law on Administrative Services' }, citation: 'Law No. 5203-VI' }],
      refusalGrounds: [{ id: 'incomplete', text: { uk: 'Подано неповний пакет документів', en: 'The documents are incomplete' } }],
      deadline: { days: 5 + Math.floor(rnd() * 25), unit: rnd() < 0.5 ? 'working' : 'calendar' },
      silentConsent: rnd() < 0.1,
      resultDelivery: ['in-person'],
      channels: channels.map((type) =>
        type === 'online'
          ? { type, url: `https://portal.example.gov.ua/apply/synthetic-${n}` }
          : type === 'in-person' && centres.length > 0
            ? { type, centreIds: [pickFrom(rnd, centres)] }
            : type === 'sms'
              ? { type, smsNumber: '5505' }
              : type === 'phone'
                ? { type, phone: '+380 44 000 1545' }
                : { type },
      ),
      popularity: Math.floor(rnd() * 50),
    };
  });
}
