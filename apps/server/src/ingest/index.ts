// The ingest feature (stored webhooks, processed in the background) as other layers see it: import it
// through this file only.
export { IntakeWorker } from './intake.worker.js';
export { isValidSignature } from './signature.js';
export { WebhookIntakeStore } from './webhook-intake.store.js';
export { WebhookProcessor, type InboundFollowUp, type TemplateReviewFollowUp } from './webhook.processor.js';
export { observeDeadLetters, observeIntake } from './intake-metrics.js';
export { InboundDeadLetters } from './dead-letters.js';
