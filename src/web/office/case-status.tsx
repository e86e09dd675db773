import type { PageContext } from '../common/layout.tsx';
import { caseStatus, openRequestOn } from './case.view.ts';
import { formatDay, stateLabel, workflowFor } from './format.tsx';
import type { CaseView } from './query.tsx';

/** The case's state as a tag, and in words who waits for whom (case.view.ts decides which words). */
export function statusOf(view: CaseView, me: string) {
  const c = view.case;
  const workflow = workflowFor(view.service);
  return caseStatus({
    state: c.state, stateKind: workflow.states.find((s) => s.id === c.state)?.kind ?? null, outcome: c.outcome, feeStatus: c.feeStatus,
    clockPaused: c.clockPaused, openRequestOn: openRequestOn(view.requests), actions: view.actions, assignedTo: c.assignedTo, assignedName: c.assignedName, me,
  });
}

/** Who waits for whom, as a sentence in the page's language. */
export function statusText(ctx: PageContext, view: CaseView, me: string): string {
  const status = statusOf(view, me);
  return ctx.t(status.key, { day: status.params.day === undefined ? '' : formatDay(ctx.lang, status.params.day), name: status.params.name ?? '' });
}

export function CaseStatusPanel({ ctx, view, me }: { ctx: PageContext; view: CaseView; me: string }) {
  const { lang } = ctx;
  const status = statusOf(view, me);
  const text = statusText(ctx, view, me);
  return (
    <div class="govuk-inset-text app-case-status" aria-label={ctx.t('office.status.label')} role="region">
      <p class="govuk-body govuk-!-margin-bottom-2">
        <strong class={`govuk-tag govuk-tag--${status.tone}`}>{stateLabel(workflowFor(view.service), view.case.state, lang)}</strong>
      </p>
      <p class="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-0" id="case-status">{text}</p>
    </div>
  );
}
