/** The performance module's public surface: the figures of the public performance pages and the open data (ADR 0030). */
export type { Figures, PeriodFigures, CentreFigures, Scope } from './figures.ts';
export { CHANNELS, ONLINE_CHANNELS, SMALL_CELL } from './performance.ts';
export { DATASETS, OPEN_DATASETS, type OpenDatasetId, openDataUrls } from './open-data.ts';
export { createPerformanceService, type PerformanceService, type RefreshSummary } from './performance.service.ts';
