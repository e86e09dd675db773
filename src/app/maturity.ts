import type { FastifyInstance } from 'fastify';

import { registerMaturityApi } from '../api/maturity.api.ts';
import { createMaturityService, type FeatureCheck, type MaturityProbe, type MaturityService, type SystemFacts } from '../modules/maturity/index.ts';
import type { AnyPath } from '../web/common/path.ts';
import { PATHS } from '../web/common/paths.ts';
import { localeCompleteness } from '../web/locales/messages.ts';
import type { Services } from './container.ts';

/** Addresses where the portal's usage statistics would be published (public performance pages or their data). */
const STATISTICS_PATHS = ['/uk/performance', '/en/performance', '/uk/statistics', '/en/statistics', '/api/v1/performance', '/api/v1/statistics'];

/**
 * The maturity report's look at the running portal (ADR 0029): the routes it serves (`hasRoute`, on every
 * pattern of a path declaration), its configuration (a payment provider, identity providers, the jobs'
 * interval), its translations, and a few of its own pages asked for in-process (`inject`): the privacy
 * statement, the home page's viewport, the open data. Nothing here is a constant list of claims.
 */
function maturityProbe(app: FastifyInstance, services: Services): MaturityProbe {
  const served = (method: 'GET' | 'POST', path: AnyPath) => path.patterns.every((p) => app.hasRoute({ method, url: p.url }));
  const get = async (url: string) => {
    const answer = await app.inject({ method: 'GET', url });
    return { status: answer.statusCode, type: String(answer.headers['content-type'] ?? ''), body: answer.body };
  };

  const system = async (): Promise<SystemFacts> => ({
    onlineApplications: served('GET', PATHS.apply) && served('POST', PATHS.applySubmit),
    onlinePayments: services.payments !== null && app.hasRoute({ method: 'POST', url: '/api/v1/payments/callback' }),
    sealedDecisions: served('GET', PATHS.caseDocument) && served('GET', PATHS.verify),
    printableForms: served('GET', PATHS.serviceFormPdf),
    silentConsentJob: services.config.cases.jobIntervalSeconds > 0,
    registryEventsJob: services.config.cases.jobIntervalSeconds > 0,
    registerPrefill: services.config.identity.providers.length > 0,
  });

  const features = async (): Promise<FeatureCheck[]> => {
    const providers = services.config.identity.providers.length;
    const privacy = await Promise.all(PATHS.privacy.patterns.map((p) => get(p.url)));
    const locales = localeCompleteness();
    const homes = await Promise.all(PATHS.home.patterns.map((p) => get(p.url)));
    const all = (await services.catalogue.allServices()).value;
    const otherChannels = all.filter((s) => s.channels.some((c) => c.type !== 'online')).length;
    const centres = (await services.catalogue.centres()).value.length;
    const statistics = STATISTICS_PATHS.filter((url) => app.hasRoute({ method: 'GET', url }));
    const viewport = homes.every((h) => /<meta name="viewport" content="width=device-width/.test(h.body));
    const openData = await get(PATHS.jsonld.url({}));
    const participation = served('POST', PATHS.pageFeedback) && served('POST', PATHS.newAppeal);
    return [
      { feature: 'digital-identity', present: providers > 0 && served('GET', PATHS.signInWith), evidence: `${providers} identity providers; ${PATHS.signIn.url('uk')}` },
      { feature: 'privacy-statement', present: privacy.every((p) => p.status === 200), evidence: PATHS.privacy.patterns.map((p, i) => `${p.url}: ${privacy[i]?.status}`).join(', ') },
      { feature: 'languages', present: locales.gaps.length === 0 && homes.every((h) => h.status === 200), evidence: `uk, en: ${locales.keys} messages, ${locales.gaps.length} missing` },
      { feature: 'other-channels', present: otherChannels > 0 && centres > 0 && served('GET', PATHS.centres), evidence: `${otherChannels} services by post, phone or in person; ${centres} centres at ${PATHS.centres.url('uk')}` },
      { feature: 'usage-statistics', present: statistics.length > 0, evidence: statistics.length > 0 ? statistics.join(', ') : `none of ${STATISTICS_PATHS.join(', ')}` },
      { feature: 'mobile-access', present: viewport, evidence: `${PATHS.home.url('uk')}: viewport width=device-width${viewport ? '' : ' missing'}` },
      { feature: 'open-data', present: openData.status === 200 && openData.type.startsWith('application/ld+json'), evidence: `${PATHS.jsonld.url({})}: ${openData.status} ${openData.type.split(';')[0] ?? ''}` },
      { feature: 'e-participation', present: participation, evidence: `${PATHS.pageFeedback.url('uk')}, ${PATHS.newAppeal.url('uk')}` },
    ];
  };

  return { system, features };
}

/** The services' maturity, measured from the catalogue and from this portal's own routes and settings, and its API. */
export function registerMaturity(app: FastifyInstance, services: Services): MaturityService {
  const maturity = createMaturityService({ catalogue: services.catalogue, probe: maturityProbe(app, services) });
  registerMaturityApi(app, maturity);
  return maturity;
}
