/**
 * The stand-ins for the outside world, for development, demos and tests — never production: the
 * embedded eID (State eID and Bank A), the base registries behind the embedded exchange, the payment provider's simulator, the SMS gateway simulator and
 * the SMTP sink, and the page that lists the messages they caught. The composition root imports this
 * file only when the environment is not production (src/app/channels.ts, payments.ts, embedded-eid.ts, exchange.ts, http.ts).
 */
export { startEmbeddedEid, EID_PROFILES, PERSONAS, personasFor, type Persona, type PersonaChild, type StaffRole, type EidName } from './eid/index.ts';
export {
  type CallbackAttempt,
  type PaymentSimulator,
  type PaymentSimulatorOptions,
  type SimulatedCallback,
  type SimulatedTransaction,
  startPaymentSimulator,
} from './payments/simulator.ts';
export { createSmsSimulator, type SentSms, type SmsGatewaySimulator, type SmsSimulator, startSmsGatewaySimulator } from './sms/simulator.ts';
export { type CapturedMail, type LocalSmtp, type LocalSmtpOptions, startLocalSmtp } from './mail/local-smtp.ts';
export { devRoutes } from './messages.routes.tsx';
export { registerSmsPhone } from './sms/phone.routes.tsx';
export { type Registries, type RegistriesOptions, registriesDirectory, startRegistries } from './registries/registries.ts';
