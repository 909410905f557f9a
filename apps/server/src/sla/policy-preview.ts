import type { PolicyPreviewDTO, PriorityRuleSet, SlaPolicySetInput } from '@switchboard/shared';
import type { Live } from '../domain/versioned-setting.js';
import { notFound } from '../lib/errors.js';
import type { Models } from '../models/index.js';
import { parseBusinessHours, type QueueService } from '../routing/index.js';
import {
  previewPriority,
  type IntentClassifier,
  type ParsedPolicySample,
  type PriorityRules,
} from '../triage/index.js';
import { computeSlaTargets, escalationSchedule } from './sla-clock.js';
import { resolveSlaPolicies, type SlaPolicySet } from './sla-policies.js';

export type PreviewInput = {
  sample: ParsedPolicySample;
  /** Drafts, checked by the caller, tried instead of what is saved. */
  priorityRules?: PriorityRuleSet;
  slaPolicies?: SlaPolicySetInput;
};

/**
 * What a sample conversation would get, end to end and writing nothing: its intent, the priority the rules give
 * it (and which matched), the queue routing picks, and the SLA targets that would start, due in that queue's
 * business hours. The settings editors call it with their unsaved drafts.
 */
export class PolicyPreview {
  constructor(
    private readonly models: Models,
    private readonly classifier: IntentClassifier,
    private readonly rules: Live<PriorityRules>,
    private readonly policies: Live<SlaPolicySet>,
    private readonly queues: QueueService,
  ) {}

  async preview({ sample, priorityRules, slaPolicies }: PreviewInput): Promise<PolicyPreviewDTO> {
    const triaged = await previewPriority(this.classifier, priorityRules ?? this.rules.current(), sample);
    const queue = await this.queueFor(sample.queueId, triaged.intent, triaged.language);
    const policies = slaPolicies ? resolveSlaPolicies(slaPolicies) : this.policies.current();
    const at = sample.at ? new Date(sample.at) : new Date();
    const hours = queue?.doc.businessHours ? parseBusinessHours(queue.doc.businessHours) : undefined;
    const targets = computeSlaTargets({
      policies,
      priority: triaged.priority,
      ...(hours ? { hours } : {}),
      moments: {
        conversationStartedAt: at,
        firstResponseAt: null,
        lastCustomerMessageAt: at,
        lastAgentReplyAt: null,
        resolvedAt: null,
      },
    });
    const policy = policies[triaged.priority];
    const minutesOf = { first_response: policy.firstResponseMinutes, resolution: policy.resolutionMinutes };
    const first = targets[0];
    return {
      intent: triaged.intent,
      intentSource: triaged.intentSource,
      confidence: triaged.confidence,
      language: triaged.language,
      sentiment: triaged.sentiment,
      priority: triaged.priority,
      matchedRules: triaged.matchedRules,
      queue: queue
        ? { id: queue.doc.id, name: queue.doc.name, why: queue.why, businessHours: hours !== undefined }
        : null,
      sla: targets.map((t) => ({
        kind: t.kind,
        minutes: t.kind === 'next_response' ? policy.nextResponseMinutes : minutesOf[t.kind],
        warnAt: t.warnAt.toISOString(),
        dueAt: t.dueAt.toISOString(),
      })),
      escalation: first
        ? escalationSchedule(first.dueAt, policy.escalation).map((step, i) => ({
            action: step.action,
            afterBreachMinutes: policy.escalation[i]!.afterBreachMinutes,
            at: step.at.toISOString(),
          }))
        : [],
    };
  }

  private async queueFor(queueId: string | undefined, intent: string, language: string) {
    if (queueId) {
      const doc = await this.models.Queue.findById(queueId);
      if (!doc) throw notFound('queue');
      return { doc, why: `${doc.name} was chosen for the sample` };
    }
    const picked = await this.queues.pick(intent, language);
    return picked ? { doc: picked.queue, why: picked.why } : null;
  }
}
