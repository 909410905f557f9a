import type { Connection } from 'mongoose';
import { channelModel } from './channel.model.js';
import { contactAliasModel } from './contact-alias.model.js';
import { contactModel } from './contact.model.js';
import { conversationEventModel } from './conversation-event.model.js';
import { conversationSlotModel } from './conversation-slot.model.js';
import { providerMessageRefModel } from './provider-message-ref.model.js';
import { templateModel } from './template.model.js';
import { templateVersionModel } from './template-version.model.js';
import { conversationModel } from './conversation.model.js';
import { deliveryStatusModel } from './delivery-status.model.js';
import { messageModel } from './message.model.js';
import { userModel } from './user.model.js';
import { webhookArchiveModel, webhookIntakeModel } from './webhook-intake.model.js';
import { webhookDeadLetterModel } from './webhook-dead-letter.model.js';
import { workLeaseModel } from './work-lease.model.js';
import { outboxModel } from './outbox.model.js';
import { slaTimerModel } from './sla-timer.model.js';
import { botModel } from './bot.model.js';
import { queueModel } from './queue.model.js';
import { agentSlotModel } from './agent-slot.model.js';
import { presenceModel } from './presence.model.js';
import { providerCallbackModel } from './provider-callback.model.js';
import { consentChangeModel } from './consent-change.model.js';
import { snoozeModel } from './snooze.model.js';
import { auditEntryModel } from './audit-entry.model.js';
import { settingModel } from './setting.model.js';
import { uploadModel } from './upload.model.js';
import { intentCorrectionModel } from './intent-correction.model.js';
import { cannedReplyModel } from './canned-reply.model.js';
import { contactChangeModel } from './contact-change.model.js';
import { mentionModel } from './mention.model.js';
import { reportDayModel } from './report-day.model.js';
import { reportFactsModel } from './report-facts.model.js';
import { reportAgentSessionModel } from './report-agent-session.model.js';
import { csatSettingsModel } from './csat-settings.model.js';

export function createModels(connection: Connection) {
  return {
    User: userModel(connection),
    Channel: channelModel(connection),
    Contact: contactModel(connection),
    ContactAlias: contactAliasModel(connection),
    Conversation: conversationModel(connection),
    Message: messageModel(connection),
    ConversationSlot: conversationSlotModel(connection),
    ConversationEvent: conversationEventModel(connection),
    ProviderMessageRef: providerMessageRefModel(connection),
    WebhookIntake: webhookIntakeModel(connection),
    WebhookArchive: webhookArchiveModel(connection),
    WebhookDeadLetter: webhookDeadLetterModel(connection),
    DeliveryStatus: deliveryStatusModel(connection),
    WorkLease: workLeaseModel(connection),
    Template: templateModel(connection),
    TemplateVersion: templateVersionModel(connection),
    Outbox: outboxModel(connection),
    SlaTimer: slaTimerModel(connection),
    Bot: botModel(connection),
    Queue: queueModel(connection),
    AgentSlot: agentSlotModel(connection),
    Presence: presenceModel(connection),
    ProviderCallback: providerCallbackModel(connection),
    ConsentChange: consentChangeModel(connection),
    Snooze: snoozeModel(connection),
    AuditEntry: auditEntryModel(connection),
    Setting: settingModel(connection),
    Upload: uploadModel(connection),
    IntentCorrection: intentCorrectionModel(connection),
    CannedReply: cannedReplyModel(connection),
    ContactChange: contactChangeModel(connection),
    Mention: mentionModel(connection),
    ReportDay: reportDayModel(connection),
    ReportFacts: reportFactsModel(connection),
    ReportAgentSession: reportAgentSessionModel(connection),
    CsatSettings: csatSettingsModel(connection),
  };
}
export type Models = ReturnType<typeof createModels>;

/** Builds every declared index before the server takes traffic (unique keys are what make retries safe). */
export async function ensureIndexes(models: Models): Promise<void> {
  for (const model of Object.values(models)) await model.syncIndexes();
}

export function isDuplicateKeyError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  // FerretDB's SQLite backend reports an update that breaks a unique index as an InternalError (code 1).
  return code === 11000 || (code === 1 && typeof message === 'string' && message.includes('UNIQUE constraint failed'));
}

/** Two writers upserting the same unique key at once: the loser's retry finds the winner's document. */
export async function retryOnDuplicateKey<T>(write: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (!isDuplicateKeyError(error) || attempt >= attempts) throw error;
    }
  }
}
