import type { Lang } from '../../kernel/text.ts';

/** Every URL of the web pages, built in one place. */
export const paths = {
  home: (lang: Lang) => `/${lang}/`,
  search: (lang: Lang, params: Readonly<Record<string, string | number | undefined>> = {}) => {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) {
      if (v !== undefined && v !== '') {
        query.set(k, String(v));
      }
    }
    const qs = query.toString();
    return `/${lang}/search${qs ? `?${qs}` : ''}`;
  },
  service: (lang: Lang, id: string) => `/${lang}/services/${encodeURIComponent(id)}`,
  agencies: (lang: Lang) => `/${lang}/agencies`,
  agency: (lang: Lang, id: string) => `/${lang}/agencies/${encodeURIComponent(id)}`,
  events: (lang: Lang) => `/${lang}/events`,
  event: (lang: Lang, id: string) => `/${lang}/events/${encodeURIComponent(id)}`,
  centres: (lang: Lang) => `/${lang}/centres`,
  centre: (lang: Lang, id: string) => `/${lang}/centres/${encodeURIComponent(id)}`,
  accessibility: (lang: Lang) => `/${lang}/accessibility`,
  signIn: (lang: Lang, returnTo?: string) => `/${lang}/sign-in${returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : ''}`,
  signInWith: (lang: Lang, idp: string, realm: 'citizen' | 'staff', returnTo?: string) =>
    `/${lang}/sign-in/${encodeURIComponent(idp)}?realm=${realm}${returnTo ? `&returnTo=${encodeURIComponent(returnTo)}` : ''}`,
  callback: (idp: string) => `/auth/callback/${encodeURIComponent(idp)}`,
  signOut: (lang: Lang) => `/${lang}/sign-out`,
  signOutEverywhere: (lang: Lang) => `/${lang}/sign-out-everywhere`,
  signedOut: (lang: Lang) => `/${lang}/signed-out`,
  cabinet: (lang: Lang) => `/${lang}/cabinet`,
  actAs: (lang: Lang) => `/${lang}/cabinet/act-as`,
  representation: (lang: Lang) => `/${lang}/cabinet/representation`,
  grantMandate: (lang: Lang) => `/${lang}/cabinet/mandates`,
  revokeMandate: (lang: Lang, id: string) => `/${lang}/cabinet/mandates/${encodeURIComponent(id)}/revoke`,
  staffHome: (lang: Lang) => `/${lang}/staff`,
  staffAdmin: (lang: Lang) => `/${lang}/admin/staff`,
  revokeStaffRole: (lang: Lang, id: string) => `/${lang}/admin/staff/${encodeURIComponent(id)}/revoke`,
  contacts: (lang: Lang) => `/${lang}/cabinet/contacts`,
  contactCode: (lang: Lang) => `/${lang}/cabinet/contacts/code`,
  contactConfirm: (lang: Lang) => `/${lang}/cabinet/contacts/confirm`,
  apply: (lang: Lang, serviceId: string) => `/${lang}/services/${encodeURIComponent(serviceId)}/apply`,
  applyPage: (lang: Lang, draftId: string, pageId: string) => `/${lang}/applications/${draftId}/pages/${encodeURIComponent(pageId)}`,
  applyUpload: (lang: Lang, draftId: string, pageId: string, field: string) => `/${lang}/applications/${draftId}/pages/${encodeURIComponent(pageId)}/files/${encodeURIComponent(field)}`,
  applyRemoveFile: (lang: Lang, draftId: string, pageId: string, field: string) => `/${lang}/applications/${draftId}/pages/${encodeURIComponent(pageId)}/files/${encodeURIComponent(field)}/remove`,
  applyCheck: (lang: Lang, draftId: string) => `/${lang}/applications/${draftId}/check`,
  applySubmit: (lang: Lang, draftId: string) => `/${lang}/applications/${draftId}/submit`,
  applyDiscard: (lang: Lang, draftId: string) => `/${lang}/applications/${draftId}/discard`,
  myApplications: (lang: Lang) => `/${lang}/cabinet/applications`,
  myCase: (lang: Lang, caseId: string) => `/${lang}/cabinet/cases/${caseId}`,
  caseAction: (lang: Lang, caseId: string, action: 'answer' | 'withdraw' | 'rate' | 'pay') => `/${lang}/cabinet/cases/${caseId}/${action}`,
  receipt: (lang: Lang, caseId: string) => `/${lang}/cabinet/cases/${caseId}/receipt`,
  receiptPdf: (lang: Lang, caseId: string) => `/${lang}/cabinet/cases/${caseId}/receipt.pdf`,
  caseDocument: (lang: Lang, caseId: string, documentId: string) => `/${lang}/cabinet/cases/${caseId}/documents/${documentId}`,
  caseAttachment: (lang: Lang, caseId: string, attachmentId: string) => `/${lang}/cabinet/cases/${caseId}/attachments/${attachmentId}`,
  verify: (lang: Lang, documentId: string) => `/${lang}/verify/${documentId}`,
  officeRevokeDocument: (lang: Lang, documentId: string) => `/${lang}/office/documents/${documentId}/revoke`,
  officePayments: (lang: Lang) => `/${lang}/office/payments`,
  iconSvg: '/assets/favicon.svg',
  openapi: '/api/openapi.json',
  jsonld: '/api/v1/catalogue.jsonld',
  officeCases: (lang: Lang, params: Readonly<Record<string, string | number | undefined>> = {}) => {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) {
      if (v !== undefined && v !== '') {
        query.set(k, String(v));
      }
    }
    const qs = query.toString();
    return `/${lang}/office/cases${qs ? `?${qs}` : ''}`;
  },
  officeAssignCases: (lang: Lang) => `/${lang}/office/cases/assign`,
  officeCase: (lang: Lang, caseId: string) => `/${lang}/office/cases/${encodeURIComponent(caseId)}`,
  officeCaseAct: (lang: Lang, caseId: string) => `/${lang}/office/cases/${encodeURIComponent(caseId)}/act`,
  officeCaseNotes: (lang: Lang, caseId: string) => `/${lang}/office/cases/${encodeURIComponent(caseId)}/notes`,
  officeCaseAssign: (lang: Lang, caseId: string) => `/${lang}/office/cases/${encodeURIComponent(caseId)}/assign`,
  officeAttachment: (lang: Lang, caseId: string, attachmentId: string) => `/${lang}/office/cases/${encodeURIComponent(caseId)}/attachments/${encodeURIComponent(attachmentId)}`,
  officeDocument: (lang: Lang, documentId: string) => `/${lang}/office/documents/${encodeURIComponent(documentId)}`,
} as const;

/** The same page in the other language: the path prefix changes, the query string stays. */
export function switchLanguage(url: string, to: Lang): string {
  const match = /^\/(uk|en)(\/.*)?$/.exec(url);
  if (!match) {
    return paths.home(to);
  }
  return `/${to}${match[2] ?? '/'}`;
}
