/** The maturity module's public surface: service maturity measured from the catalogue and the running portal. */
export {
  CAPABILITIES,
  type Capability,
  type CapabilityCheck,
  type EuBasicServiceRow,
  type EuFigure,
  EU_LEVELS,
  type EuLevel,
  type FeatureCheck,
  type MaturityReport,
  OSI_FEATURES,
  REASONS,
  type Reason,
  type OsiFeature,
  type ServiceMaturity,
  type SystemFacts,
  UN_STAGES,
  type UnStage,
} from './maturity.ts';
export { createMaturityService, type MaturityProbe, type MaturityService } from './maturity.service.ts';
