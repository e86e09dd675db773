import type { FastifyRequest } from 'fastify';
import { renderToString } from 'preact-render-to-string';

import type { ApplicationError, ApplyingNotAllowed, AudienceMismatch, DraftsService } from '../../modules/applications/index.ts';
import type { ActingOption } from '../../modules/identity/index.ts';
import type { Translator } from '../locales/messages.ts';
import { paths } from '../common/paths.ts';
import { ButtonLink, InsetText } from '../common/components.tsx';
import { pageContext } from '../common/render.ts';
import type { PageContext } from '../common/layout.tsx';

/** Marks where a service page's "Apply online" goes: it depends on who asks, so it is filled in after the page cache. */
export const APPLY_SLOT = '<div id="apply-slot"></div>';

/** Refusals that depend on whom the person acts for, not on the service or the draft. */
export const isEligibilityProblem = (e: ApplicationError): e is ApplyingNotAllowed | AudienceMismatch => e.code === 'applications.not_allowed' || e.code === 'applications.audience';

/** Why the person cannot apply for the party they act for, in one plain sentence. */
export function whyNot(t: Translator, e: ApplyingNotAllowed | AudienceMismatch, acting: ActingOption): string {
  const name = acting.name;
  if (e.code === 'applications.audience') {
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
    return <div id="apply-slot"><ButtonLink href={paths.apply(lang, serviceId)} start>{t('service.applyOnline')}</ButtonLink></div>;
  }
  return (
    <div id="apply-slot">
      <InsetText>
        <p class="govuk-body">{refusal.text}</p>
        {refusal.canSwitch ? <p class="govuk-body"><a class="govuk-link" href={paths.actAs(lang)}>{t('session.changeActing')}</a></p> : null}
      </InsetText>
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
    if (!allowed.ok && isEligibilityProblem(allowed.error)) {
      refusal = { text: whyNot(ctx.t, allowed.error, signedIn.actor.acting), canSwitch: signedIn.options.length > 1 };
    }
  }
  return html.replace(APPLY_SLOT, renderToString(<ApplyBlock ctx={ctx} serviceId={serviceId} refusal={refusal} />));
}
