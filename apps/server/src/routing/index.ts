// The routing feature as other layers see it: import routing through this file only.
export { AgentService, PRESENCE_TTL_MS } from './agents.service.js';
export { Assignments, type RoutingTurn } from './assignment.js';
export { addBusinessMinutes, businessMinutesBetween, closedUntil, isOpen } from './business-hours/business-hours.js';
export { BusinessHours, BusinessHoursError, parseBusinessHours } from './business-hours/business-hours.schema.js';
export { InboundRouting } from './inbound-routing.js';
export { PresenceTracker } from './presence.js';
export { loadQueueSeed } from './queue-seed.js';
export { queueStates } from './queue-state.js';
export { QueueService } from './queue.service.js';
export { RouterService } from './router.service.js';
export { RoutingWorker } from './routing.worker.js';
export { transferTargets } from './transfer-targets.js';
