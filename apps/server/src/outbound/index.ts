// The outbound feature (replies through the WhatsApp Cloud API, templates, consent) as other layers see
// it: import it through this file only.
export { createChannelBreakers } from './channel-breaker.js';
export { ChannelSendHealth } from './send-health.service.js';
export { ConsentService } from './consent.service.js';
export { DeadLetterService } from './dead-letters.service.js';
export { MediaService } from './media.service.js';
export { OutboxWorker } from './outbox.worker.js';
export { ReadReceiptService } from './read-receipts.service.js';
export { createSendRateLimits } from './send-rate-limits.js';
export { SendService, type ReplyButtons } from './send.service.js';
export { loadTemplateSeed } from './template-seed.js';
export { TemplateService, type TemplateActor } from './template.service.js';
export { TemplateReviewService } from './template-review.service.js';
export { UploadService } from './upload.service.js';
export { createWhatsAppClient } from './whatsapp-client.js';
export { observeBreakers } from './breaker-metrics.js';
