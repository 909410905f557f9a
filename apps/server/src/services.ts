import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { KeyedQueue } from '@switchboard/concurrency';
import {
  ConversationActions,
  ConversationLifecycle,
  HandoffService,
  IntentCorrections,
  SnoozeService,
  TimelineQuery,
} from './conversations/index.js';
import { AuditLog } from './domain/audit-log.js';
import { CannedRenderer, CannedReplyService } from './canned/index.js';
import { ContactChanges, ContactMerges, ContactProfiles } from './contacts/index.js';
import { MentionService } from './mentions/index.js';
import { OutOfHoursReplies } from './out-of-hours/index.js';
import { CsatAnswers, CsatSettingsService, CsatSurveyService } from './csat/index.js';
import { BotKeys } from './domain/auth/bot-keys.js';
import { TokenService } from './domain/auth/token.js';
import { ChannelService } from './domain/channel.service.js';
import { ContactHistory } from './domain/contact-history.js';
import { ContactService } from './domain/contact.service.js';
import { ConversationLog } from './domain/conversation-log.js';
import { ConversationSlots } from './domain/conversation-slots.js';
import { ConversationService } from './domain/conversation.service.js';
import type { DomainEvents, QueuedOutboxItem } from './domain/domain-events.js';
import { MessageService } from './domain/message.service.js';
import { TimelineWriter } from './domain/timeline-writer.js';
import { UserService } from './domain/user.service.js';
import { VersionedSetting } from './domain/versioned-setting.js';
import { WorkLeases } from './domain/work-leases.js';
import type { InboundFollowUp } from './ingest/index.js';
import type { Config } from './lib/config.js';
import type { Logger } from './lib/logger.js';
import type { Models } from './models/index.js';
import {
  ChannelSendHealth,
  ConsentService,
  createWhatsAppClient,
  DeadLetterService,
  MediaService,
  ReadReceiptService,
  SendService,
  TemplateReviewService,
  TemplateService,
  UploadService,
} from './outbound/index.js';
import {
  AgentService,
  Assignments,
  InboundRouting,
  PresenceTracker,
  QueueService,
  RouterService,
} from './routing/index.js';
import { SearchIndex, SearchService } from './search/index.js';
import {
  AgentOnlineTracker,
  DatabaseFactsStore,
  FactsCache,
  ReportReducer,
  ReportService,
  RollupWriter,
} from './reports/index.js';
import { buildSlaPolicies, loadSlaPolicySource, PolicyPreview, SlaService } from './sla/index.js';
import { createPriorityRules, loadPriorityRules, TriageService, type IntentClassifier } from './triage/index.js';

/**
 * Builds every service, bottom to top, and wires what features declared they need of each other (the
 * inbound follow-ups intake runs for each stored message). The only module that sees every feature.
 */
export function createServices(
  models: Models,
  config: Config,
  events: DomainEvents,
  classifier: IntentClassifier,
  logger: Logger,
) {
  const log = new ConversationLog(models, events);
  const slots = new ConversationSlots(models);
  const conversations = new ConversationService(
    models,
    slots,
    log,
    events,
    config.CONVERSATION_REOPEN_MINUTES * 60_000,
  );
  const messages = new MessageService(models, log, conversations, new KeyedQueue());
  const timeline = new TimelineWriter(log);
  const audit = new AuditLog(models);
  const templates = new TemplateService(models, audit, events);
  const outboxQueued = (item: QueuedOutboxItem) => events.emit('outbox.queued', item);
  const whatsapp = createWhatsAppClient({ timeoutMs: config.WHATSAPP_TIMEOUT_MS });
  const templateReviews = new TemplateReviewService(models, templates, whatsapp, config, events);
  const uploads = new UploadService(models, conversations, whatsapp, config);
  const send = new SendService(models, conversations, messages, templates, uploads, outboxQueued);
  const consent = new ConsentService(models, send, { optOut: config.OPT_OUT_KEYWORDS, optIn: config.OPT_IN_KEYWORDS });
  const queues = new QueueService(models, audit, events);
  const agents = new AgentService(models, events, randomUUID(), audit);
  const assignments = new Assignments(models, new WorkLeases(models, 'assign', randomUUID()));
  const router = new RouterService(models, conversations, queues, agents, assignments, timeline);
  const { priorityRules, slaPolicies } = policySettings(models, audit, config);
  const triage = new TriageService(models, classifier, priorityRules, timeline, conversations);
  const inboundRouting = new InboundRouting(models, router, triage);
  const contacts = new ContactService(models);
  const sla = new SlaService(
    models,
    slaPolicies,
    conversations,
    router,
    timeline,
    events,
    new WorkLeases(models, 'sla', randomUUID()),
  );
  const snoozes = new SnoozeService(models, conversations, timeline, new WorkLeases(models, 'snooze', randomUUID()));
  const searchIndex = new SearchIndex(join(config.SEARCH_INDEX_DIR, `${config.MONGODB_DB_NAME}.sqlite`));
  const csatSettings = new CsatSettingsService(models);
  const csatAnswers = new CsatAnswers(
    models,
    csatSettings,
    send,
    conversations,
    timeline,
    config.CSAT_COMMENT_MINUTES * 60_000,
  );
  // After a customer's message is stored: an opt-out keyword first, then an early wake, a survey answer, then
  // triage and routing, and last the out-of-hours reply (it needs the queue routing chose).
  const outOfHours = new OutOfHoursReplies(models, send, timeline, conversations);
  const inboundFollowUps: InboundFollowUp[] = [consent, snoozes, csatAnswers, inboundRouting, outOfHours];
  const cannedReplies = new CannedReplyService(models, events);
  const contactChanges = new ContactChanges(models, conversations, events);
  return {
    models,
    audit,
    priorityRules,
    slaPolicies,
    policyPreview: new PolicyPreview(models, classifier, priorityRules, slaPolicies, queues),
    ...createReports(models, config, logger),
    csatSettings,
    csatSurvey: new CsatSurveyService(
      models,
      csatSettings,
      send,
      templates,
      conversations,
      timeline,
      config.CSAT_ANSWER_HOURS * 3_600_000,
    ),
    sla,
    lifecycle: new ConversationLifecycle(models, conversations, slots, router, assignments, agents, timeline),
    actions: new ConversationActions(models, conversations, timeline),
    intentCorrections: new IntentCorrections(models, conversations, timeline, router, triage),
    snoozes,
    contactHistory: new ContactHistory(models),
    log,
    queues,
    agents,
    timeline: new TimelineQuery(log),
    router,
    presence: new PresenceTracker(agents),
    triage,
    inboundFollowUps,
    conversations,
    messages,
    send,
    whatsapp,
    media: new MediaService(models, conversations, whatsapp, config),
    uploads,
    readReceipts: new ReadReceiptService(models, conversations, whatsapp, config),
    consent,
    deadLetters: new DeadLetterService(models, messages, outboxQueued),
    contacts,
    botKeys: new BotKeys(models, audit),
    handoffs: new HandoffService(models, contacts, conversations, router, assignments, timeline),
    channels: new ChannelService(models, events, audit),
    sendHealth: new ChannelSendHealth(models, events, logger),
    users: new UserService(models, new TokenService(config.JWT_SECRET, config.JWT_TTL_HOURS), events, audit),
    templates,
    templateReviews,
    searchIndex,
    search: new SearchService(searchIndex),
    cannedReplies,
    cannedRender: new CannedRenderer(models, cannedReplies, conversations),
    contactProfiles: new ContactProfiles(models, contactChanges),
    contactMerges: new ContactMerges(models, slots, contactChanges),
    mentions: new MentionService(models, conversations, events),
  };
}
export type Services = ReturnType<typeof createServices>;

/**
 * Priority rules and SLA policies: settings in the database, seeded from their files (PRIORITY_RULES_FILE,
 * SLA_POLICIES_FILE) on first start. The audit log compares rules by id and policies by priority.
 */
function policySettings(models: Models, audit: AuditLog, config: Config) {
  const priorityRules = new VersionedSetting(models, audit, {
    key: 'priority-rules',
    name: 'Priority rules',
    seed: () => ({ rules: [...loadPriorityRules(config.PRIORITY_RULES_FILE).rules] }),
    build: (content) => createPriorityRules(content, 'the priority rules in settings'),
    auditView: ({ rules }) => Object.fromEntries(rules.map((rule) => [rule.id, rule])),
  });
  const slaPolicies = new VersionedSetting(models, audit, {
    key: 'sla-policies',
    name: 'SLA policies',
    seed: () => loadSlaPolicySource(config.SLA_POLICIES_FILE),
    build: (content) => buildSlaPolicies(content, 'the SLA policies in settings'),
    auditView: ({ escalation, policies }) => ({ escalation, ...policies }),
  });
  return { priorityRules, slaPolicies };
}

/** The reports: counts gathered as changes happen (fed by listeners/reports.listener.ts), and the figures read back. */
function createReports(models: Models, config: Config, logger: Logger) {
  const reportWriter = new RollupWriter(models, config.REPORTS_TIMEZONE, config.REPORTS_FLUSH_MS, logger);
  const agentOnline = new AgentOnlineTracker(models, reportWriter, config.REPORTS_TIMEZONE, logger);
  return {
    reportWriter,
    reportReducer: new ReportReducer(new FactsCache(new DatabaseFactsStore(models)), reportWriter, logger),
    agentOnline,
    reports: new ReportService(models, config.REPORTS_TIMEZONE, reportWriter, agentOnline),
  };
}
