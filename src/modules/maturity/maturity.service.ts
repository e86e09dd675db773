import type { CatalogueService } from '../catalogue/index.ts';
import { type FeatureCheck, type MaturityReport, maturityReport, type ServiceMaturity, type SystemFacts } from './maturity.ts';

/**
 * Looks at the running portal: what it can do for every service (its routes, its configuration) and
 * which of the UN Online Service Index's features it has. Made by the composition root once the HTTP
 * routes exist (app/maturity.ts); a test may pass its own to see a level change.
 */
export interface MaturityProbe {
  readonly system: () => Promise<SystemFacts>;
  readonly features: () => Promise<readonly FeatureCheck[]>;
}

/**
 * The maturity report: every service's level and stage, the EU 20 figure and the portal's features.
 * Measured again for each catalogue revision; the portal's own facts are looked at once per process
 * (routes and configuration do not change while it runs).
 */
export function createMaturityService(deps: { catalogue: Pick<CatalogueService, 'allServices' | 'revision'>; probe: MaturityProbe }) {
  const { catalogue, probe } = deps;
  let facts: Promise<{ system: SystemFacts; features: readonly FeatureCheck[] }> | null = null;
  let last: { revision: number; report: Promise<MaturityReport> } | null = null;

  const portal = () => {
    facts ??= Promise.all([probe.system(), probe.features()]).then(([system, features]) => ({ system, features }));
    facts.catch(() => {
      facts = null;
    });
    return facts;
  };

  async function report(): Promise<MaturityReport> {
    const revision = await catalogue.revision();
    if (last?.revision !== revision) {
      const made = (async () => {
        const [{ system, features }, services] = await Promise.all([portal(), catalogue.allServices()]);
        return maturityReport(services.value, system, features);
      })();
      made.catch(() => {
        last = null;
      });
      last = { revision, report: made };
    }
    return last.report;
  }

  return {
    report,
    /** One service's level and stage, or null when the catalogue has no such service. */
    async ofService(id: string): Promise<ServiceMaturity | null> {
      return (await report()).services.find((s) => s.serviceId === id) ?? null;
    },
  };
}

export type MaturityService = ReturnType<typeof createMaturityService>;
