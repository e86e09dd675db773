/** Proactive services (ADR 0032): registry events that lead to offers or automatic grants, objections and dismissals. */
export { createProactiveService, type ProactiveService } from './proactive.service.ts';
export { ProactiveClosed, ProactiveNotFound } from './proactive.errors.ts';
export { DEFAULT_OBJECTION_DAYS, mayDismiss, mayObject, mayStart, parseProactiveNotice, PROACTIVE_NOTICE_TOPIC, type ProactiveItem, type ProactiveNoticeMessage } from './proactive.ts';
