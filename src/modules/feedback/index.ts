/** The feedback module's public surface: page feedback, ratings shown, searches that found nothing. */
export { looksPersonal, MAX_COMMENT, normaliseQuery, readPageFeedback, redactPersonal } from './feedback.ts';
export type { FeedbackCounts, PageFeedbackRow, RatingComment, RatingSummary, SearchGap } from './feedback.repository.ts';
export { type AgencyFeedback, createFeedbackService, feedbackAgencies, type FeedbackService } from './feedback.service.ts';
