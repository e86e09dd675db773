import type { PageContext } from './layout.tsx';
import { PATHS } from './paths.ts';

/** The page's own path, when it is a page under a language (the one the feedback is about). */
export function feedbackPathOf(url: string): string | null {
  const path = url.split(/[?#]/)[0] ?? '';
  return /^\/(uk|en)(\/|$)/.test(path) && path.length <= 200 ? path : null;
}

/**
 * "Was this page useful? Yes / No" with an optional "what was wrong" (a details element: no script).
 * Sent without a session (`sessionless`: the gate checks that it comes from the portal's own page), so
 * cached pages shared by everyone carry it unchanged.
 */
export function PageFeedback({ ctx }: { ctx: PageContext }) {
  const { t, lang } = ctx;
  const path = feedbackPathOf(ctx.url);
  if (path === null) {
    return null;
  }
  return (
    <section class="app-page-feedback" aria-labelledby="page-feedback-heading">
      <form method="post" action={PATHS.pageFeedback.url(lang)} novalidate>
        <input type="hidden" name="page" value={path} />
        <h2 class="govuk-heading-s" id="page-feedback-heading">{t('feedback.question')}</h2>
        <details class="govuk-details">
          <summary class="govuk-details__summary"><span class="govuk-details__summary-text">{t('feedback.whatWrong')}</span></summary>
          <div class="govuk-details__text">
            <div class="govuk-form-group">
              <label class="govuk-label" for="page-feedback-comment">{t('feedback.commentLabel')}</label>
              <div class="govuk-hint" id="page-feedback-comment-hint">{t('feedback.commentHint')}</div>
              <textarea class="govuk-textarea" id="page-feedback-comment" name="whatWasWrong" rows={3} maxLength={1000} aria-describedby="page-feedback-comment-hint" />
            </div>
          </div>
        </details>
        <div class="govuk-button-group">
          <button type="submit" name="answer" value="yes" class="govuk-button govuk-button--secondary">{t('feedback.yes')}<span class="govuk-visually-hidden">{t('feedback.yesHidden')}</span></button>
          <button type="submit" name="answer" value="no" class="govuk-button govuk-button--secondary">{t('feedback.no')}<span class="govuk-visually-hidden">{t('feedback.noHidden')}</span></button>
        </div>
      </form>
    </section>
  );
}
