import type {
  ConversationActions,
  ConversationLifecycle,
  HandoffService,
  IntentCorrections,
  SnoozeService,
  TimelineQuery,
} from '../conversations/index.js';
import type { PriorityRuleSet, SlaPolicySetInput } from '@switchboard/shared';
import type { AuditLog } from '../domain/audit-log.js';
import type { CannedRenderer, CannedReplyService } from '../canned/index.js';
import type { ContactMerges, ContactProfiles } from '../contacts/index.js';
import type { InboundDeadLetters } from '../ingest/index.js';
import type { MentionService } from '../mentions/index.js';
import type { CsatSettingsService } from '../csat/index.js';
import type { BotKeys } from '../domain/auth/bot-keys.js';
import type { VersionedSetting } from '../domain/versioned-setting.js';
import type { ChannelService } from '../domain/channel.service.js';
import type { ContactHistory } from '../domain/contact-history.js';
import type { ConversationLog } from '../domain/conversation-log.js';
import type { ConversationService } from '../domain/conversation.service.js';
import type { MessageService } from '../domain/message.service.js';
import type { UserService } from '../domain/user.service.js';
import type { Models } from '../models/index.js';
import type {
  ChannelSendHealth,
  DeadLetterService,
  MediaService,
  ReadReceiptService,
  SendService,
  TemplateReviewService,
  TemplateService,
  UploadService,
} from '../outbound/index.js';
import type { ReportService } from '../reports/index.js';
import type { AgentService, QueueService, RouterService } from '../routing/index.js';
import type { PolicyPreview, SlaPolicySet } from '../sla/index.js';
import type { PriorityRules } from '../triage/index.js';
import type { SearchService } from '../search/index.js';

/**
 * The services the HTTP routes call, declared here so that delivery depends on the layers below it only:
 * the composition root's `Services` has all of these (and more).
 */
export type HttpServices = {
  models: Models;
  users: UserService;
  botKeys: BotKeys;
  channels: ChannelService;
  sendHealth: ChannelSendHealth;
  contactHistory: ContactHistory;
  conversations: ConversationService;
  log: ConversationLog;
  messages: MessageService;
  lifecycle: ConversationLifecycle;
  actions: ConversationActions;
  intentCorrections: IntentCorrections;
  snoozes: SnoozeService;
  handoffs: HandoffService;
  timeline: TimelineQuery;
  queues: QueueService;
  agents: AgentService;
  router: RouterService;
  send: SendService;
  media: MediaService;
  uploads: UploadService;
  readReceipts: ReadReceiptService;
  deadLetters: DeadLetterService;
  inboundDeadLetters: InboundDeadLetters;
  templates: TemplateService;
  templateReviews: TemplateReviewService;
  audit: AuditLog;
  priorityRules: VersionedSetting<PriorityRuleSet, PriorityRules>;
  slaPolicies: VersionedSetting<SlaPolicySetInput, SlaPolicySet>;
  policyPreview: PolicyPreview;
  search: SearchService;
  cannedReplies: CannedReplyService;
  cannedRender: CannedRenderer;
  contactProfiles: ContactProfiles;
  contactMerges: ContactMerges;
  mentions: MentionService;
  reports: ReportService;
  csatSettings: CsatSettingsService;
};
