// The triage feature as other layers see it: import triage through this file only.
export type { IntentClassifier } from './intent-classifier.js';
export { loadPriorityRules } from './priority-rules.js';
export { sharedIntentClassifier, triageTextOf, TriageService } from './triage.service.js';
