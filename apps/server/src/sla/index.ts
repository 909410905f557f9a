// The SLA feature as other layers see it: import it through this file only.
export { PolicyPreview } from './policy-preview.js';
export { buildSlaPolicies, loadSlaPolicySource, resolveSlaPolicies, type SlaPolicySet } from './sla-policies.js';
export { SlaService } from './sla.service.js';
