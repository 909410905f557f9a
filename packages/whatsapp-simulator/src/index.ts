export { signWebhookBody, verifyWebhookSignature } from './signature.js';
export { inbound, ctwaReferral, replyContext, type MediaOptions, type SenderOptions } from './inbound.js';
export { contact, type ContactOptions } from './webhook-contacts.js';
export { status, pricingFor, type StatusOptions } from './statuses.js';
export {
  envelope,
  batch,
  MAX_UPDATES_PER_WEBHOOK,
  DEFAULT_PHONE_NUMBER_ID,
  DEFAULT_DISPLAY_PHONE_NUMBER,
  DEFAULT_WABA_ID,
  type EnvelopeOptions,
} from './envelope.js';
export { signedWebhook, deliverWebhook, type SignedWebhook, type WebhookDelivery } from './webhook-client.js';
export { wamid, bsuid, unixSeconds } from './ids.js';
export {
  META_ERRORS,
  META_ERROR_CODES,
  graphError,
  webhookError,
  type MetaErrorCode,
  type GraphErrorBody,
} from './meta-errors.js';
export {
  createWhatsAppSimulator,
  DEFAULT_SIMULATOR_PORT,
  DEFAULT_SIMULATOR_URL,
  type WhatsAppSimulator,
  type WhatsAppSimulatorOptions,
} from './simulator-server.js';
export type { SentMessage, SubmittedTemplate, UploadedMedia } from './simulator-context.js';
export {
  templateStatusUpdate,
  type TemplateReviewEvent,
  type TemplateReviewInput,
  type TemplateStatusUpdateOptions,
  type TemplateStatusWebhookPayload,
} from './template-reviews.js';
export type { TemplateCreateRequest } from './template-request.schema.js';
export type { FaultController, FaultSettings, FaultSettingsInput } from './faults.js';
export type { AnyWebhookPayload, StatusDelays, WebhookLogEntry } from './status-webhooks.js';
export type { RegisterMediaInput } from './media-store.js';
export { gradientPng } from './gradient-png.js';
export { runSimulation, isLoopbackUrl, type SimulationOptions, type SimulationSummary } from './simulation.js';
export type * from './webhook-types.js';
