import { TokenService } from './domain/auth/token.js';
import type { Config } from './lib/config.js';
import { randomUUID } from 'node:crypto';
import { KeyedLock } from './lib/keyed-lock.js';
import { WorkLeases } from './domain/work-leases.js';
import { AgentService } from './routing/agents.service.js';
import { Assignments } from './routing/assignment.js';
import { InboundRouting } from './routing/inbound-routing.js';
import { PresenceTracker } from './routing/presence.js';
import { QueueService } from './routing/queue.service.js';
import { RouterService } from './routing/router.service.js';
import { TimelineService } from './domain/timeline.js';
import { HandoffService } from './conversations/handoff.service.js';
import { SlaService } from './sla/sla.service.js';
import { SnoozeService } from './conversations/snooze.service.js';
import { ConversationActions } from './conversations/conversation-actions.service.js';
import { TriageService } from './triage/triage.service.js';
import type { IntentClassifier } from './triage/intent-classifier.js';
import { loadPriorityRules } from './triage/priority-rules.js';
import { loadSlaPolicies } from './sla/sla-policies.js';
import { BotKeys } from './domain/auth/bot-keys.js';
import type { Models } from './models/index.js';
import { ConsentService } from './outbound/consent.service.js';
import { DeadLetterService } from './outbound/dead-letters.service.js';
import { MediaService } from './outbound/media.service.js';
import { SendService } from './outbound/send.service.js';
import { createWhatsAppClient } from './outbound/whatsapp-client.js';
import { TemplateService } from './outbound/template.service.js';
import { ChannelService } from './domain/channel.service.js';
import { ContactService } from './domain/contact.service.js';
import { ContactHistory } from './domain/contact-history.js';
import { ConversationLog } from './domain/conversation-log.js';
import { ConversationService } from './domain/conversation.service.js';
import type { DomainEvents } from './domain/domain-events.js';
import { MessageService } from './domain/message.service.js';
import { UserService } from './domain/user.service.js';

export function createServices(models: Models, config: Config, events: DomainEvents, classifier: IntentClassifier) {
  const documentLock = new KeyedLock();
  const log = new ConversationLog(models, events);
  const conversations = new ConversationService(models, log, events, config.CONVERSATION_REOPEN_MINUTES * 60_000);
  const messages = new MessageService(models, log, conversations, documentLock);
  const templates = new TemplateService(models);
  const outboxQueued = () => events.emit('outbox.queued');
  const send = new SendService(models, conversations, messages, templates, outboxQueued);
  const whatsapp = createWhatsAppClient({ timeoutMs: config.WHATSAPP_TIMEOUT_MS });
  const queues = new QueueService(models);
  const agents = new AgentService(models, events, randomUUID());
  const timeline = new TimelineService(log);
  const assignments = new Assignments(models, new WorkLeases(models, 'assign', randomUUID()));
  const router = new RouterService(models, conversations, queues, agents, assignments, timeline);
  const triage = new TriageService(models, classifier, loadPriorityRules(config.PRIORITY_RULES_FILE), timeline);
  const contacts = new ContactService(models);
  const sla = new SlaService(models, loadSlaPolicies(config.SLA_POLICIES_FILE), conversations, router, timeline, events, new WorkLeases(models, 'sla', randomUUID()));
  const actions = new ConversationActions(models, conversations, router, assignments, agents, timeline);
  const snoozes = new SnoozeService(models, conversations, timeline, new WorkLeases(models, 'snooze', randomUUID()));
  return {
    models,
    sla,
    actions,
    snoozes,
    contactHistory: new ContactHistory(models),
    log,
    queues,
    agents,
    timeline,
    router,
    presence: new PresenceTracker(agents),
    triage,
    inboundRouting: new InboundRouting(models, router, triage),
    conversations,
    messages,
    send,
    whatsapp,
    media: new MediaService(models, conversations, whatsapp, config),
    consent: new ConsentService(models, send, { optOut: config.OPT_OUT_KEYWORDS, optIn: config.OPT_IN_KEYWORDS }),
    deadLetters: new DeadLetterService(models, messages, outboxQueued),
    contacts,
    botKeys: new BotKeys(models),
    handoffs: new HandoffService(models, contacts, conversations, router, assignments, timeline),
    channels: new ChannelService(models, events),
    users: new UserService(models, new TokenService(config.JWT_SECRET, config.JWT_TTL_HOURS), events),
    templates,
  };
}
export type Services = ReturnType<typeof createServices>;
