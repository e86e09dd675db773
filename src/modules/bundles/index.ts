/** Life-event bundles (ADR 0031): one application opening cases at several agencies, tracked together. */
export { type Bundle, bundleStatus, type BundleStatus } from './bundle.ts';
export {
  BundleAnswersIncomplete, BundleAudienceMismatch, BundleDeclarationRequired, BundleNotFound, BundleNotOffered, type BundleSubmitFailure,
} from './bundles.errors.ts';
export { type BundleOffer, type BundlePart, type BundleStart, type BundleView, type BundlesService, createBundlesService, type SubmitBundle } from './bundles.service.ts';
