import type { ClaimedCase } from './case-claims.repository.ts';

/**
 * Does the case holding a claim stand in for an application about the same person (ADR 0035)? The proactive job's
 * case while open or granted; not one the person objected to (withdrawn) or that was refused, nor another
 * application's or bundle's (two applications are two applications: the claim only keeps the job from opening a third).
 */
export const jobCaseStandsIn = (held: ClaimedCase): boolean => held.source === 'proactive' && (held.outcome === null || held.outcome === 'granted');
