// The reports feature as other layers see it: import it through this file only.
export { AgentOnlineTracker } from './agent-online.js';
export { BacklogSampler } from './backlog-sampler.js';
export { DatabaseFactsStore, FactsCache, MemoryFactsStore, type FactsStore } from './conversation-facts.js';
export { ReportDaySealer } from './report-day-sealer.js';
export { dayDocsOf, ReportDays } from './report-days.js';
export { ReportReducer, type SlaSettled } from './report-reducer.js';
export { ReportService } from './report.service.js';
export { tableRows, toCsv } from './report-csv.js';
export { RollupWriter } from './rollup-writer.js';
