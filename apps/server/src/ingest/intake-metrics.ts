import type { InboundDeadLetterKind } from '@switchboard/shared';
import type { Metrics } from '../lib/metrics.js';
import type { ProcessResult } from './webhook.processor.js';

export type IntakeOutcome =
  { outcome: 'done'; receivedAt: Date; result: ProcessResult } | { outcome: 'retry' | 'failed'; receivedAt: Date };

/** What happens to dead letters: a webhook newly listed, and each replay's outcome. */
export type DeadLetterEvent =
  { event: 'dead-lettered'; kind: InboundDeadLetterKind } | { event: 'replayed' } | { event: 'replay-failed' };

/** What the intake worker reports about each stored webhook it worked on. */
export function observeIntake(metrics: Metrics) {
  return (report: IntakeOutcome) => {
    metrics.webhookProcessing.inc({ outcome: report.outcome });
    if (report.outcome !== 'done') return;
    metrics.intakeLag.observe((Date.now() - report.receivedAt.getTime()) / 1000);
    metrics.webhookMessages.inc(report.result.messages);
    metrics.webhookStatuses.inc(report.result.statuses);
    metrics.webhookItemsRefused.inc(report.result.itemErrors.length);
  };
}

export function observeDeadLetters(metrics: Metrics) {
  return (report: DeadLetterEvent) => {
    if (report.event === 'dead-lettered') metrics.webhookDeadLettered.inc({ kind: report.kind });
    else metrics.webhookReplays.inc({ outcome: report.event === 'replayed' ? 'replayed' : 'failed' });
  };
}
