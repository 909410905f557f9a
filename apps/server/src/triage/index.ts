// The triage feature as other layers see it: import triage through this file only.
export type { IntentClassifier } from './intent-classifier.js';
export { createPriorityRules, loadPriorityRules, type PriorityRules } from './priority-rules.js';
export {
  previewPriority,
  sharedIntentClassifier,
  triageTextOf,
  TriageService,
  type ParsedPolicySample,
} from './triage.service.js';
export { correctionLines, readCorrections } from './corrections-corpus.js';
