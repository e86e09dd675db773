/**
 * What the documents say, per language. Copy, not logic: `documents.ts` decides which sentences a
 * document carries. Names are never declined into Ukrainian cases: a name is printed as given (in the
 * nominative), so it appears only after a label ("Послуга: …") or in quotes, never inside a phrase
 * that would need "до Державної міграційної служби".
 */
import type { Lang } from '../../kernel/text.ts';
import type { DocumentKind } from './documents.ts';

/** What a sentence may mention: the service's name, the case number, the printed issue date. */
export interface Facts {
  readonly service: string;
  readonly caseNumber: string;
  readonly issued: string;
}

export interface Wording {
  readonly titles: Readonly<Record<DocumentKind, string>>;
  readonly labels: {
    readonly documentNumber: string;
    readonly caseNumber: string;
    readonly issuedAt: string;
    readonly issuer: string;
    readonly service: string;
    readonly applicant: string;
    readonly represented: string;
  };
  readonly receipt: (f: Facts) => readonly string[];
  readonly submissionHash: (hash: string) => string;
  readonly granted: (f: Facts) => readonly string[];
  readonly refused: (f: Facts) => readonly string[];
  readonly refusalGround: (ground: string) => string;
  readonly appeal: string;
  readonly silentConsent: (f: Facts, legalBasis: string) => readonly string[];
  readonly reasons: (reasons: string) => string;
  readonly verify: (url: string) => string;
  readonly portal: string;
  readonly page: (documentNumber: string, page: number, pages: number) => string;
  /** Across every page of a preview: the document has not been issued and carries no seal. */
  readonly draft: string;
}

const uk: Wording = {
  titles: {
    receipt: 'Квитанція про прийняття заяви',
    'decision-granted': 'Рішення про надання адміністративної послуги',
    'decision-refused': 'Рішення про відмову в наданні адміністративної послуги',
    'silent-consent': 'Рішення за принципом мовчазної згоди',
  },
  labels: {
    documentNumber: 'Номер документа',
    caseNumber: 'Номер справи',
    issuedAt: 'Дата видачі',
    issuer: 'Суб’єкт надання послуги',
    service: 'Послуга',
    applicant: 'Заявник',
    represented: 'В інтересах',
  },
  receipt: (f) => [
    `Заяву про надання послуги «${f.service}» отримано ${f.issued} та зареєстровано за номером справи ${f.caseNumber}.`,
    'Ця квитанція підтверджує подання заяви. Вона не є рішенням: рішення буде прийнято у встановлений законом строк, про нього вас буде повідомлено.',
  ],
  submissionHash: (hash) =>
    `Відбиток поданої заяви (SHA-256): ${hash}. За ним можна переконатися, що заява, яку зберігає суб’єкт надання послуги, є саме тією, що була подана.`,
  granted: (f) => [
    `Розглянувши заяву у справі № ${f.caseNumber}, суб’єкт надання послуги вирішив надати адміністративну послугу «${f.service}».`,
  ],
  refused: (f) => [
    `Розглянувши заяву у справі № ${f.caseNumber}, суб’єкт надання послуги вирішив відмовити в наданні адміністративної послуги «${f.service}».`,
  ],
  refusalGround: (ground) => `Підстава для відмови: ${ground}`,
  appeal: 'Це рішення може бути оскаржене до вищого органу або до адміністративного суду.',
  silentConsent: (f, legalBasis) => [
    `Заяву про надання адміністративної послуги «${f.service}» у справі № ${f.caseNumber} подано з повним комплектом документів.`,
    'У встановлений законом строк рішення за заявою не прийнято, і цей строк минув.',
    `Тому заявник набуває права, про надання якого просив, в силу закону за принципом мовчазної згоди, так, ніби послугу було надано. Правова підстава: ${legalBasis}.`,
    'Цей документ засвідчує цей факт; саме право виникло в силу закону і від документа не залежить.',
  ],
  reasons: (reasons) => `Обґрунтування: ${reasons}`,
  verify: (url) =>
    `Електронну печатку суб’єкта надання послуги на цьому документі зберігає портал. Щоб перевірити, що документ справжній і не відкликаний, відкрийте ${url} або відскануйте QR-код.`,
  portal: 'Портіко — єдиний державний портал публічних послуг',
  page: (documentNumber, page, pages) => `Документ № ${documentNumber} · сторінка ${page} з ${pages}`,
  draft: 'ПРОЄКТ — не видано',
};

const en: Wording = {
  titles: {
    receipt: 'Receipt of application',
    'decision-granted': 'Decision to grant the administrative service',
    'decision-refused': 'Decision to refuse the administrative service',
    'silent-consent': 'Decision by silent consent',
  },
  labels: {
    documentNumber: 'Document number',
    caseNumber: 'Case number',
    issuedAt: 'Date of issue',
    issuer: 'Issuing authority',
    service: 'Service',
    applicant: 'Applicant',
    represented: 'On behalf of',
  },
  receipt: (f) => [
    `The application for the service “${f.service}” was received on ${f.issued} and registered under case number ${f.caseNumber}.`,
    'This receipt confirms that the application was submitted. It is not a decision: the decision will be taken within the statutory term, and you will be notified of it.',
  ],
  submissionHash: (hash) =>
    `Fingerprint of the submitted application (SHA-256): ${hash}. It lets anyone check that the application kept by the issuing authority is the one that was submitted.`,
  granted: (f) => [
    `Having considered the application in case ${f.caseNumber}, the issuing authority decided to grant the administrative service “${f.service}”.`,
  ],
  refused: (f) => [
    `Having considered the application in case ${f.caseNumber}, the issuing authority decided to refuse the administrative service “${f.service}”.`,
  ],
  refusalGround: (ground) => `Ground for refusal: ${ground}`,
  appeal: 'This decision may be appealed to a higher authority or to an administrative court.',
  silentConsent: (f, legalBasis) => [
    `The application for the administrative service “${f.service}” in case ${f.caseNumber} was submitted with a complete set of documents.`,
    'No decision on it was taken within the statutory term, and that term has passed.',
    `The applicant therefore acquires the right applied for by law, on the principle of silent consent, as if the service had been granted. Legal basis: ${legalBasis}.`,
    'This document records that fact; the right itself arises by law and does not depend on this document.',
  ],
  reasons: (reasons) => `Reasons: ${reasons}`,
  verify: (url) =>
    `The issuing authority’s electronic seal over this document is kept by the portal. To check that the document is genuine and has not been revoked, open ${url} or scan the QR code.`,
  portal: 'Portico — the single national portal of public services',
  page: (documentNumber, page, pages) => `Document no. ${documentNumber} · page ${page} of ${pages}`,
  draft: 'DRAFT — not issued',
};

export const WORDING: Readonly<Record<Lang, Wording>> = { uk, en };
