/** "Who saw my data": the access records of a person and of the parties they act for. */
export type { AccessEntry, WatchedParty } from './access-log.ts';
export { ACCESS_PAGE_SIZE, type AccessLogService, type AccessPage, createAccessLogService } from './access-log.service.ts';
