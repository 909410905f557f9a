// The conversations feature (the lifecycle: resolve, reopen, snooze, labels, escalate, timeline, bot
// handoff) as other layers see it: import it through this file only.
export { ConversationActions } from './conversation-actions.service.js';
export { HandoffService } from './handoff.service.js';
export { IntentCorrections } from './intent-correction.service.js';
export { ConversationLifecycle } from './lifecycle.service.js';
export { SnoozeService } from './snooze.service.js';
export { TimelineQuery } from './timeline.query.js';
