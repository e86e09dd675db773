/**
 * Pure: which notice, if any, a case's movement earns its applicant. One notice per event that
 * matters to the person (the list is in this module's README); steps that are the portal's own
 * bookkeeping (`submit` and `request-payment` inside a submission, registration, review, the result
 * issued with its decision, closing) and the applicant's own answer send nothing.
 */
export type CaseNoticeKind = 'submitted' | 'payment-received' | 'information-requested' | 'decision' | 'withdrawn' | 'ready-for-collection' | 'collection-reminder';
/** `submitted` has its own message (`case.submitted`), and the collection notices theirs (`collection.ready`): no movement repeats them. */
export type MovementNoticeKind = Exclude<CaseNoticeKind, 'submitted' | 'ready-for-collection' | 'collection-reminder'>;

/** What the cases module tells about a movement (`case.changed`). */
export interface CaseMovement {
  readonly event: string;
  /** The outcome this very event decided (granted, refused, withdrawn), else null. */
  readonly decided: string | null;
}

export function noticeForMovement(m: CaseMovement): MovementNoticeKind | null {
  if (m.decided === 'withdrawn') {
    return 'withdrawn';
  }
  if (m.decided !== null) {
    return 'decision';
  }
  switch (m.event) {
    case 'pay':
      return 'payment-received';
    case 'request-information':
      return 'information-requested';
    default:
      return null;
  }
}
