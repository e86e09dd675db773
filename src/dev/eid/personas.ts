import type { LocalText } from '../../kernel/text.ts';

/**
 * The people one can be on the embedded test eID. All of them are invented.
 *
 * - `id` is also the `sub` claim, the same on the State eID and on Bank A (a real portal would key
 *   accounts by issuer and sub; the demo keeps them equal so links are easy to follow).
 * - `givenName`/`familyName` are the legal names as the population register holds them and as the
 *   claims carry them; `displayName` is for the persona picker in both portal languages.
 * - National IDs are fictional 10-digit numbers beginning with 9: read as a Ukrainian RNOKPP,
 *   the first five digits would be a birth date after the year 2100, so no living person has one.
 * - `directorOf`, `children`, `staffRole`, `agencyId` and `centreId` are not claims: they describe what
 *   the portal's demo registries (registries/demo/) say of the persona. The clerk, decision-maker and
 *   supervisor hold their role in every agency with services online (`agencyId` names the first).
 */

export type PersonaKind = 'citizen' | 'foreigner' | 'officer';

export type StaffRole =
  | 'clerk'
  | 'decision-maker'
  | 'supervisor'
  | 'agency-admin'
  | 'front-desk'
  | 'contact-centre'
  | 'catalogue-editor'
  | 'national-admin';

export interface PersonaChild {
  readonly nationalId: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly birthdate: string; // YYYY-MM-DD
}

export interface Persona {
  readonly id: string;
  readonly kind: PersonaKind;
  readonly givenName: string;
  readonly familyName: string;
  readonly displayName: LocalText;
  /** One line under the name in the picker: who this is for in the demo. */
  readonly description: LocalText;
  readonly birthdate: string; // YYYY-MM-DD
  /** 10 digits; null for a foreigner who has none. */
  readonly nationalId: string | null;
  /** The 8-digit registry code of the company this person directs. */
  readonly directorOf?: string;
  readonly children?: readonly PersonaChild[];
  readonly staffRole?: StaffRole;
  /** Catalogue organisation id (catalogue/demo/organisations.json). */
  readonly agencyId?: string;
  /** Catalogue centre id (catalogue/demo/centres.json). */
  readonly centreId?: string;
}

export const PERSONAS: readonly Persona[] = [
  // Citizens: on the State eID and on Bank A.
  {
    id: 'olena-koval', kind: 'citizen', givenName: 'Олена', familyName: 'Коваль',
    displayName: { uk: 'Олена Коваль', en: 'Olena Koval' },
    description: { uk: 'Громадянка', en: 'Citizen' },
    birthdate: '1990-04-12', nationalId: '9000000011',
  },
  {
    id: 'andrii-shevchenko', kind: 'citizen', givenName: 'Андрій', familyName: 'Шевченко',
    displayName: { uk: 'Андрій Шевченко', en: 'Andrii Shevchenko' },
    description: { uk: 'Громадянин', en: 'Citizen' },
    birthdate: '1975-09-30', nationalId: '9000000022',
  },
  {
    id: 'taras-melnyk', kind: 'citizen', givenName: 'Тарас', familyName: 'Мельник',
    displayName: { uk: 'Тарас Мельник', en: 'Taras Melnyk' },
    description: {
      uk: 'Директор ТОВ «Зоряна пекарня» (код 40000001)',
      en: 'Director of Zoriana Bakery LLC (code 40000001)',
    },
    birthdate: '1979-11-05', nationalId: '9000000033', directorOf: '40000001',
  },
  {
    id: 'iryna-bondar', kind: 'citizen', givenName: 'Ірина', familyName: 'Бондар',
    displayName: { uk: 'Ірина Бондар', en: 'Iryna Bondar' },
    description: {
      uk: 'Бухгалтерка; отримує довіреність від директора ТОВ «Зоряна пекарня»',
      en: 'Accountant; receives a mandate from the director of Zoriana Bakery LLC',
    },
    birthdate: '1986-02-21', nationalId: '9000000044',
  },
  {
    id: 'nataliia-hrytsenko', kind: 'citizen', givenName: 'Наталія', familyName: 'Гриценко',
    displayName: { uk: 'Наталія Гриценко', en: 'Nataliia Hrytsenko' },
    description: { uk: 'Мати доньки Софії (2015 р. н.)', en: 'Mother of Sofiia (born 2015)' },
    birthdate: '1984-07-08', nationalId: '9000000055',
    children: [{ nationalId: '9000000101', givenName: 'Софія', familyName: 'Гриценко', birthdate: '2015-05-19' }],
  },
  // A foreign national: State eID only, no national ID.
  {
    id: 'marta-nowak', kind: 'foreigner', givenName: 'Marta', familyName: 'Nowak',
    displayName: { uk: 'Марта Новак', en: 'Marta Nowak' },
    description: { uk: 'Іноземка без РНОКПП', en: 'Foreign national without a national ID' },
    birthdate: '1992-10-03', nationalId: null,
  },
  // Officers: State eID only (staff sign in at assurance level high).
  officer('mykola-tkachenko', 'Микола', 'Ткаченко', 'Mykola Tkachenko', '1981-01-17', '9000000066', 'clerk',
    { uk: 'Спеціаліст у кожному органі з онлайн-послугами (ДМС, ДПС, Мін’юст…)', en: 'Clerk in every agency with services online (migration, tax, justice…)' },
    { agencyId: 'state-migration-service' }),
  officer('oksana-lysenko', 'Оксана', 'Лисенко', 'Oksana Lysenko', '1977-06-02', '9000000077', 'decision-maker',
    { uk: 'Ухвалює рішення в кожному органі з онлайн-послугами', en: 'Decision maker in every agency with services online' },
    { agencyId: 'state-migration-service' }),
  officer('petro-boiko', 'Петро', 'Бойко', 'Petro Boiko', '1970-12-24', '9000000088', 'supervisor',
    { uk: 'Керівник відділу в кожному органі з онлайн-послугами', en: 'Supervisor in every agency with services online' },
    { agencyId: 'state-migration-service' }),
  officer('halyna-kravets', 'Галина', 'Кравець', 'Halyna Kravets', '1983-03-09', '9000000099', 'agency-admin',
    { uk: 'Адміністраторка відомства, ДМС', en: 'Agency administrator, State Migration Service' },
    { agencyId: 'state-migration-service' }),
  officer('yuliia-marchenko', 'Юлія', 'Марченко', 'Yuliia Marchenko', '1995-08-15', '9000000112', 'front-desk',
    { uk: 'Адміністраторка ЦНАП «Зореград»', en: 'Front desk, Zorehrad Centre for Administrative Services' },
    { centreId: 'zorehrad-cnap-central' }),
  officer('serhii-pavlenko', 'Сергій', 'Павленко', 'Serhii Pavlenko', '1991-05-27', '9000000123', 'contact-centre',
    { uk: 'Оператор контакт-центру', en: 'Contact-centre operator' }, {}),
  officer('larysa-moroz', 'Лариса', 'Мороз', 'Larysa Moroz', '1988-09-11', '9000000134', 'catalogue-editor',
    { uk: 'Редакторка національного каталогу послуг', en: 'Editor of the national service catalogue' }, {}),
  officer('nadiia-romanenko', 'Надія', 'Романенко', 'Nadiia Romanenko', '1990-01-23', '9000000178', 'catalogue-editor',
    { uk: 'Редакторка каталогу ДМС: готує зміни послуг', en: 'Catalogue editor, State Migration Service: drafts changes to its services' },
    { agencyId: 'state-migration-service' }),
  officer('bohdan-kovalenko', 'Богдан', 'Коваленко', 'Bohdan Kovalenko', '1985-06-14', '9000000167', 'catalogue-editor',
    { uk: 'Редактор каталогу ДМС: публікує зміни колег', en: 'Catalogue editor, State Migration Service: publishes colleagues\' changes' },
    { agencyId: 'state-migration-service' }),
  officer('viktor-savchenko', 'Віктор', 'Савченко', 'Viktor Savchenko', '1968-02-03', '9000000145', 'national-admin',
    { uk: 'Національний адміністратор порталу', en: 'National administrator of the portal' }, {}),
];

function officer(
  id: string,
  givenName: string,
  familyName: string,
  nameEn: string,
  birthdate: string,
  nationalId: string,
  staffRole: StaffRole,
  description: LocalText,
  place: { agencyId?: string; centreId?: string },
): Persona {
  return {
    id, kind: 'officer', givenName, familyName,
    displayName: { uk: `${givenName} ${familyName}`, en: nameEn },
    description, birthdate, nationalId, staffRole, ...place,
  };
}

export type EidName = 'state' | 'bank';

/** Who may sign in on which stand-in: Bank A knows its customers, not officers or foreigners. */
export function personasFor(name: EidName): readonly Persona[] {
  return name === 'state' ? PERSONAS : PERSONAS.filter((p) => p.kind === 'citizen');
}

export function findPersona(name: EidName, id: string): Persona | undefined {
  return personasFor(name).find((p) => p.id === id);
}
