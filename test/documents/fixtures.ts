/** Sample inputs for the documents tests: one per kind, with what that kind requires. */
import type { DocumentInput, DocumentKind } from '../../src/modules/documents/index.ts';

export const ISSUED_AT = new Date('2026-06-30T21:30:00.000Z'); // 1 July 2026, 00:30 in Kyiv (UTC+3)
export const SUBMISSION_HASH = 'a'.repeat(8) + '0123456789abcdef'.repeat(3) + 'b'.repeat(8);

export const REFUSAL_GROUND = {
  uk: 'Подання неповного пакета документів (стаття 19 Закону України «Про адміністративні послуги»)',
  en: 'The set of documents was incomplete (Article 19 of the Law of Ukraine "On Administrative Services")',
};

export const LEGAL_BASIS = {
  uk: 'Закон України «Про дозвільну систему у сфері господарської діяльності», стаття 1',
  en: 'Law of Ukraine "On the Permit System in Economic Activity", Article 1',
};

export function sampleInput(kind: DocumentKind, lang: 'uk' | 'en', over: Partial<DocumentInput> = {}): DocumentInput {
  return {
    kind,
    lang,
    documentNumber: '2026-000123-D1',
    caseNumber: '2026-000123',
    issuedAt: ISSUED_AT,
    issuer: { uk: 'Державна міграційна служба України', en: 'State Migration Service of Ukraine' },
    serviceName: { uk: 'Оформлення закордонного паспорта', en: 'Issuing a passport for travel abroad' },
    applicantName: 'Олена Петренко',
    representedName: kind === 'receipt' ? 'ТОВ «Сонячний степ»' : null,
    lines:
      kind === 'receipt'
        ? [
            { label: { uk: 'Адміністративний збір', en: 'Administrative fee' }, value: '782 грн' },
            { label: { uk: 'Строк розгляду', en: 'Term' }, value: '20 робочих днів / 20 working days' },
          ]
        : [],
    reasons: kind === 'decision-refused' ? 'Не подано довідку про склад сім’ї.\nЗаявника повідомлено 12.06.2026.' : null,
    refusalGround: kind === 'decision-refused' ? REFUSAL_GROUND : null,
    legalBasis: kind === 'silent-consent' ? LEGAL_BASIS : null,
    submissionHash: kind === 'receipt' ? SUBMISSION_HASH : null,
    verificationUrl: 'https://portico.example.gov.ua/verify/5d1c2a9e-3f47-4b8e-9a61-0c2f7e4d8b13',
    ...over,
  };
}
