/** The open API's authorization server, clients and partner webhooks (ADR 0026). */
export type { ApiClient, OAuthFailure, TokenRefusal, TokenResponse } from './api-access.ts';
export { type ApiAccess, type AuthorizationRequest, type AuthorizeRefusal, createApiAccess, type NewApiClient } from './api-access.service.ts';
export { API_WEBHOOK_TOPIC, type CaseWebhookEvent, createWebhooks, signWebhook, verifyWebhook, WEBHOOK_SIGNATURE_HEADER, type Webhooks } from './webhooks.service.ts';
