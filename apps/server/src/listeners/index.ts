import type { DomainEvents, QueuedOutboxItem } from '../domain/domain-events.js';
import type { UserService } from '../domain/user.service.js';
import type { Logger } from '../lib/logger.js';
import type { Metrics } from '../lib/metrics.js';
import type { SearchIndex } from '../search/index.js';
import type { Models } from '../models/index.js';
import type { CsatSurveyService } from '../csat/index.js';
import type { AgentOnlineTracker, ReportReducer } from '../reports/index.js';
import type { SlaService } from '../sla/index.js';
import type { TriageService } from '../triage/index.js';
import type { AppSocketServer } from '../socket/socket-server.js';
import { countDomainEvents } from './metrics.listener.js';
import { wakeOutbox } from './outbox-wakeup.listener.js';
import { followWithSlaTimers } from './sla-follower.listener.js';
import { feedSearchIndex } from './search-index.listener.js';
import { askForRatings } from './csat-survey.listener.js';
import { feedReports } from './reports.listener.js';
import { pushToSockets } from './socket-push.listener.js';
import { pushTeamNews } from './team-push.listener.js';
import { reprioritizeOnProfileChange } from './vip-priority.listener.js';
import { recordMentions } from './mentions.listener.js';
import type { MentionService } from '../mentions/index.js';

export type ListenerDeps = {
  events: DomainEvents;
  io: AppSocketServer;
  users: UserService;
  sla: SlaService;
  models: Models;
  triage: TriageService;
  mentions: MentionService;
  outbox: { handOff(item: QueuedOutboxItem): void };
  searchIndex: Pick<SearchIndex, 'apply'>;
  reports: { reducer: ReportReducer; online: AgentOnlineTracker };
  csatSurvey: CsatSurveyService;
  metrics: Metrics;
  logger: Logger;
};

/**
 * Every reaction to domain events, in one list (as Chatwoot's dispatcher lists its listeners): services only
 * emit events, and this is where they turn into socket pushes, SLA timers, outbox wake-ups, the search index
 * and metrics.
 * Listeners of one event run in this order, synchronously inside the work that emitted it. Returns the stop.
 */
export function registerListeners({
  events,
  io,
  users,
  sla,
  models,
  triage,
  mentions,
  outbox,
  searchIndex,
  reports,
  csatSurvey,
  metrics,
  logger,
}: ListenerDeps): () => void {
  const stops = [
    pushToSockets(io, events, users, logger),
    pushTeamNews(io, events),
    countDomainEvents(events, metrics, logger),
    followWithSlaTimers(events, sla, logger),
    wakeOutbox(events, outbox),
    feedSearchIndex(events, searchIndex, logger),
    reprioritizeOnProfileChange(events, models, triage, logger),
    recordMentions(events, mentions, logger),
    feedReports(events, reports.reducer, reports.online),
    askForRatings(events, csatSurvey, logger),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}
