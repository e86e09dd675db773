/**
 * What every staff route does with personal data, declared next to the route table and checked when
 * the portal builds (a staff route without a declaration stops it) and by the enumeration test
 * (test/access-log/personal-data-reads.test.ts), which calls each `recorded` route as staff with a
 * fixture subject and checks that an access record (`personal-data.read`) for that subject appeared.
 */
import type { PATHS } from './paths.ts';

export type PersonalDataUse =
  /** Shows or sends a person's or a legal entity's data: every call writes an access record for each subject. */
  | { readonly use: 'recorded'; readonly whose: string }
  /** A form that changes something (audited by its service); a refusal that shows data again goes through a recorded read. */
  | { readonly use: 'write' }
  /** Shows nobody's personal data (the staff member's own pages, forms, templates, sample letters). */
  | { readonly use: 'none'; readonly why: string }
  /**
   * A work list of the staff member's own agency, centre or desk, not searched by person: rows name people
   * (a name, a case or appeal number) and are not recorded row by row; opening one is (ADR 0019). A list
   * searched by a person's name, number or case is no work list: it is `recorded`, each row listed.
   */
  | { readonly use: 'work-list'; readonly why: string };

type Key = `${'GET' | 'POST'} ${keyof typeof PATHS}`;

const WRITE: PersonalDataUse = { use: 'write' };
const recorded = (whose: string): PersonalDataUse => ({ use: 'recorded', whose });

/** By `METHOD pathName` (the route's declaration in paths.ts). */
export const PERSONAL_DATA: Readonly<Partial<Record<Key, PersonalDataUse>>> = {
  'GET officeFeedback': { use: 'work-list', why: 'the agency\'s ratings, their comments and page answers: no names, no case numbers' },
  'GET contentGaps': { use: 'none', why: 'searches that found nothing, normalised, without personal numbers' },
  'GET officeCatalogue': { use: 'none', why: 'the agency\'s services in the catalogue' },
  'GET officeCatalogueService': { use: 'work-list', why: 'a service\'s versions and drafts, with the staff members who wrote and published them' },
  'GET officeCatalogueEdit': { use: 'none', why: 'a service\'s record in the edit form' },
  'POST officeCatalogueEdit': WRITE,
  'GET officeCatalogueCompare': { use: 'none', why: 'two versions of a service\'s record' },
  'GET officeCatalogueDraft': { use: 'work-list', why: 'a draft with the staff members who wrote and published it' },
  'GET officeCataloguePreview': { use: 'none', why: 'the public page of a service from a draft' },
  'GET officeCataloguePublish': { use: 'work-list', why: 'the changes a draft makes, with the staff member who wrote it' },
  'POST officeCataloguePublish': WRITE,
  'GET staffHome': { use: 'none', why: 'the staff member\'s own tasks and counts' },
  'GET officeCases': { use: 'work-list', why: 'the agency\'s queue: case numbers, services, applicants\' names' },
  'POST officeAssignCases': WRITE,
  'GET officeCase': recorded('the case\'s applicant and the party it is for'),
  'POST officeCaseAct': WRITE,
  'POST officeDecision': recorded('the case\'s parties, named in the draft decision'),
  'POST officeDecisionConfirm': WRITE,
  'POST officeDecisionDraft': recorded('the case\'s parties, named in the draft decision'),
  'POST officeDecisionBack': WRITE,
  'POST officeCaseNotes': WRITE,
  'POST officeCaseAssign': WRITE,
  'POST officeCollectionReady': WRITE,
  'GET officeAttachment': recorded('the case\'s parties'),
  'GET officeDocument': recorded('the case\'s parties, named in the decision'),
  'POST officeRevokeDocument': WRITE,
  'GET officePayments': { use: 'work-list', why: 'payments to reconcile: case numbers and amounts' },
  'GET deadLetters': { use: 'work-list', why: 'undelivered messages of the agency\'s cases' },
  'POST deadLetterRequeue': WRITE,
  'GET letters': { use: 'work-list', why: 'the print queue of letters' },
  'GET letterBatch': recorded('every addressee of a day\'s letters, each letter printed'),
  'GET letterPdf': recorded('the letter\'s addressee'),
  'POST letterDispatch': WRITE,
  'GET noticeTemplates': { use: 'none', why: 'message templates with sample values' },
  'GET noticeTemplateLetter': { use: 'none', why: 'a template\'s letter with sample values' },
  'GET assisted': { use: 'none', why: 'the services one may file for' },
  'GET assistedFile': { use: 'none', why: 'the empty filing form' },
  'POST assistedFile': WRITE,
  'GET assistedFiled': recorded('the applicant and party of a case the staff member filed'),
  'GET frontDesk': { use: 'work-list', why: 'the centre\'s queue of tickets' },
  'POST frontDeskCall': WRITE,
  'POST frontDeskFinish': WRITE,
  'POST frontDeskTransfer': WRITE,
  'GET collections': recorded('the applicant and party of each result listed (search by name or case number)'),
  'POST collectionsReady': WRITE,
  'GET collection': recorded('the applicant and party of the result handed over'),
  'POST collectionHandOver': WRITE,
  'POST collectionCancel': WRITE,
  'GET staffAdmin': { use: 'work-list', why: 'the staff register: staff members\' names and roles' },
  'POST staffAdmin': WRITE,
  'POST revokeStaffRole': WRITE,
  'GET officeAppeals': { use: 'work-list', why: 'appeals to the agency: numbers, kinds, terms' },
  'GET officeAppeal': recorded('the person who filed the appeal'),
  'POST officeAppealAct': WRITE,
  'GET callAppeal': recorded('the identified caller, named on the form'),
  'POST callAppeal': WRITE,
  'GET deskAppeal': { use: 'none', why: 'the empty form' },
  'POST deskAppeal': recorded('the person of the national id typed, looked up in the register'),
  'GET postAppeal': { use: 'none', why: 'the empty form' },
  'POST postAppeal': WRITE,
  'GET appealTaken': recorded('the person an appeal was taken for'),
  'GET calls': { use: 'work-list', why: 'the operator\'s own latest calls' },
  'POST calls': WRITE,
  'GET call': recorded('the identified caller and each party they act for'),
  'POST callCode': WRITE,
  'POST callCodeConfirm': WRITE,
  'POST callKnowledge': WRITE,
  'POST callCallback': WRITE,
  'POST callLog': WRITE,
  'GET callbacks': { use: 'work-list', why: 'the queue of callbacks: numbers and topics' },
  'GET callbackRequest': { use: 'work-list', why: 'one callback: a number and a topic, no person named' },
  'POST callbackClaim': WRITE,
  'POST callbackDone': WRITE,
  'GET callVisits': recorded('the identified caller\'s visits'),
  'POST callVisits': WRITE,
  'POST callVisitCancel': WRITE,
  'GET deskVisits': recorded('the visitor\'s visits (the search form alone shows nobody\'s)'),
  'POST deskVisits': recorded('the person of the national id typed, looked up in the register, and their visits'),
  'POST deskVisitCancel': WRITE,
};
