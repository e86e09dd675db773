/** The SMS service's public surface: messages from phones and their commands, delivery receipts, opt-out (see README.md). */
export { type CommandKind, parseSms, type ParsedSms, type SmsCommand } from './sms-commands.ts';
export { SmsSignatureInvalid, SmsWebhookMalformed, type SmsWebhookRefusal, SmsWebhookStale } from './sms.errors.ts';
export type { SmsLinks } from './sms-answers.service.ts';
export type { SmsRow, SmsStatus } from './sms.repository.ts';
export { createSmsService, DEFAULT_INBOUND_RULE, type InboundOutcome, type ReceiptOutcome, SMS_SEND_TOPIC, type SmsService } from './sms.service.ts';
export { WEBHOOK_WINDOW_SECONDS } from './sms-webhooks.ts';
