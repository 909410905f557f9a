// The SLA feature as other layers see it: import it through this file only.
export { loadSlaPolicies } from './sla-policies.js';
export { SlaService } from './sla.service.js';
