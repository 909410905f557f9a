import type { FaultController } from './faults.js';
import type { MediaStore } from './media-store.js';
import type { SendMessageRequest, SendType } from './send-request.schema.js';
import type { StatusWebhooks } from './status-webhooks.js';
import type { TemplateCreateRequest } from './template-request.schema.js';
import type { TemplateReviewEvent } from './template-reviews.js';

/** One send request the simulator accepted, as `sentMessages` and `GET /__simulator/messages` list it. */
export interface SentMessage {
  /** The wamid returned to the caller and used by its status webhooks. */
  id: string;
  phoneNumberId: string;
  /** wa_id (digits) when sent to a phone number. */
  waId?: string;
  /** Business-scoped user id when sent with `recipient`. */
  recipient?: string;
  type: SendType;
  request: SendMessageRequest;
  acceptedAt: string;
  /** False when a hang fault swallowed the answer although the message went out. */
  answered: boolean;
  /** Error code reported by a `failed` status instead of delivery, if a fault armed one. */
  failureCode?: number;
}

/** A file the business uploaded to the media endpoint. */
export interface UploadedMedia {
  id: string;
  phoneNumberId: string;
  mimeType: string;
  filename: string;
  size: number;
}

/** A template the business submitted for review, with where Meta's review of it stands. */
export interface SubmittedTemplate {
  /** Meta's template id, as the creation answered it. */
  id: string;
  wabaId: string;
  name: string;
  language: string;
  category: string;
  request: TemplateCreateRequest;
  status: TemplateReviewEvent;
  submittedAt: string;
}

/** What the HTTP routes share with the simulator object. */
export interface SimulatorContext {
  accessToken: string;
  displayPhoneNumber: string;
  wabaId: string;
  faults: FaultController;
  /** Failure injection for the template creation endpoint, apart from the sends'. */
  templateFaults: FaultController;
  media: MediaStore;
  statusWebhooks: StatusWebhooks;
  sentMessages: SentMessage[];
  /** Every request the send endpoint received, faulted or not. */
  sendRequests: { count: number };
  markedRead: string[];
  /** Every file the business uploaded, oldest first. */
  uploads: UploadedMedia[];
  /** Every template the business submitted, oldest first. */
  templates: SubmittedTemplate[];
  baseUrl(): string;
  /** Aborted on stop, so latency waits and held requests end with the simulator. */
  lifetime(): AbortSignal;
}
