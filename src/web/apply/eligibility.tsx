import type { FastifyRequest } from 'fastify';
import { renderToString } from 'preact-render-to-string';

import type { ApplicationProblem, DraftsService } from '../../modules/applications/index.ts';
import type { ActingOption } from '../../modules/identity/index.ts';
import type { Translator } from '../locales/messages.ts';
import { paths } from '../common/paths.ts';
import { pageContext } from '../common/render.ts';
import type { PageContext } from '../common/layout.tsx';

/** Marks where a service page's "Apply online" goes: it depends on who asks, so it is filled in after the page cache. */
export const APPLY_SLOT = '<div class="apply-slot" id="apply-slot"></div>';

/** Refusals that depend on whom the person acts for, not on the service or the draft. */
export const isEligibilityProblem = (problem: ApplicationProblem): boolean => problem === 'not-allowed' || problem === 'audience';

/** Why the person cannot apply for the party they act for, in one plain sentence. */
export function whyNot(t: Translator, problem: ApplicationProblem, acting: ActingOption): string {
  const name = acting.name;
  if (problem === 'audience') {
    return acting.party.kind === 'business' ? t('eligibility.businessForIndividuals', { name }) : t('eligibility.personForBusinesses', { name });
  }
  const basis = acting.basis;
  if (basis.kind === 'mandate') {
    return basis.mandates[0]?.grantor.kind === 'person' ? t('eligibility.mandateFromPerson', { name }) : t('eligibility.mandateFromBusiness', { name });
  }
  return t('eligibility.otherwise', { name });
}

/** The heading of a refusal: whom the person cannot apply for. */
export const whyNotTitle = (t: Translator, acting: ActingOption): string =>
  acting.party.kind === 'self' ? t('eligibility.titleSelf') : t('eligibility.title', { name: acting.name });

function ApplyBlock({ ctx, serviceId, refusal }: { ctx: PageContext; serviceId: string; refusal: { text: string; canSwitch: boolean } | null }) {
  const { t, lang } = ctx;
  if (refusal === null) {
    return <div class="apply-slot" id="apply-slot"><p><a class="button" href={paths.apply(lang, serviceId)}>{t('service.applyOnline')}</a></p></div>;
  }
  return (
    <div class="apply-slot" id="apply-slot">
      <p class="notice">{refusal.text}</p>
      {refusal.canSwitch ? <p><a href={paths.actAs(lang)}>{t('session.changeActing')}</a></p> : null}
    </div>
  );
}

/**
 * Fills a cached service page's apply slot for this request: "Apply online" for someone not signed
 * in (they sign in first) or who may apply for the party they act for now; otherwise why not.
 */
export async function fillApplySlot(html: string, request: FastifyRequest, serviceId: string, drafts: Pick<DraftsService, 'applicable'>): Promise<string> {
  if (!html.includes(APPLY_SLOT)) {
    return html;
  }
  const ctx = pageContext(request);
  const signedIn = request.signedIn;
  let refusal: { text: string; canSwitch: boolean } | null = null;
  if (signedIn !== null) {
    const allowed = await drafts.applicable(signedIn, serviceId);
    if (!allowed.ok && isEligibilityProblem(allowed.error.problem)) {
      refusal = { text: whyNot(ctx.t, allowed.error.problem, signedIn.actor.acting), canSwitch: signedIn.options.length > 1 };
    }
  }
  return html.replace(APPLY_SLOT, renderToString(<ApplyBlock ctx={ctx} serviceId={serviceId} refusal={refusal} />));
}
