import { z } from 'zod';
import { BusinessHoursSchedule } from './business-hours.js';
import { ObjectIdString } from './ids.js';
import type { Role } from './user.js';

export const Priority = z.enum(['low', 'normal', 'high', 'urgent']);
export type Priority = z.infer<typeof Priority>;
export const PRIORITY_ORDER: Record<Priority, number> = { low: 0, normal: 1, high: 2, urgent: 3 };

export const Language = z.enum(['en', 'es', 'pt']);
export type Language = z.infer<typeof Language>;

/** Where a conversation stands in routing. `waiting` always carries the reason nobody has it yet. */
export const RoutingState = z.enum(['waiting', 'assigned', 'bot']);
export type RoutingState = z.infer<typeof RoutingState>;

export const AgentStatus = z.enum(['online', 'away', 'offline']);
export type AgentStatus = z.infer<typeof AgentStatus>;

/**
 * What a queue says to a customer who writes while it is closed: once per conversation per closed period, in
 * the conversation's language (else the first message given).
 */
export const OutOfHoursReply = z
  .strictObject({
    enabled: z.boolean(),
    messages: z.strictObject({
      en: z.string().trim().min(1).max(1000).optional(),
      es: z.string().trim().min(1).max(1000).optional(),
      pt: z.string().trim().min(1).max(1000).optional(),
    }),
  })
  .refine((o) => !o.enabled || Object.values(o.messages).some(Boolean), {
    message: 'write the reply in at least one language, or turn it off',
    path: ['messages'],
  });
export type OutOfHoursReply = z.infer<typeof OutOfHoursReply>;

export const QueueDTO = z.object({
  id: z.string(),
  name: z.string(),
  intents: z.array(z.string()),
  languages: z.array(Language),
  /** `auto`: the router assigns; `manual`: agents claim from the queue. */
  mode: z.enum(['auto', 'manual']),
  /** Picked when no queue takes the intent and language. */
  fallback: z.boolean(),
  businessHours: BusinessHoursSchedule.nullable(),
  /** A capacity rule: an agent holds at most this many open conversations of this queue (null: no limit). */
  maxPerAgent: z.number().int().nullable(),
  outOfHours: OutOfHoursReply,
  createdAt: z.string(),
});
export type QueueDTO = z.infer<typeof QueueDTO>;

/** A queue's fields as a change names them: no defaults, so a change leaves what it does not name alone. */
const QueueFields = z.strictObject({
  name: z.string().trim().min(1).max(80),
  intents: z.array(z.string().min(1).max(40)).max(50),
  languages: z.array(Language).max(3),
  mode: z.enum(['auto', 'manual']),
  fallback: z.boolean(),
  /** When the queue is open (SLA clocks run, no out-of-hours reply): `{ timezone, weekly: { mon: [{ start: '09:00', end: '18:00' }], ... }, holidays }`. */
  businessHours: BusinessHoursSchedule.nullable(),
  maxPerAgent: z.number().int().min(1).max(100).nullable(),
  outOfHours: OutOfHoursReply,
});

export const CreateQueueRequest = QueueFields.extend({
  intents: QueueFields.shape.intents.default([]),
  languages: QueueFields.shape.languages.default([]),
  mode: QueueFields.shape.mode.default('auto'),
  fallback: QueueFields.shape.fallback.default(false),
  businessHours: QueueFields.shape.businessHours.optional(),
  maxPerAgent: QueueFields.shape.maxPerAgent.optional(),
  outOfHours: QueueFields.shape.outOfHours.optional(),
});
export type CreateQueueRequest = z.infer<typeof CreateQueueRequest>;

// From the fields without defaults: a partial of CreateQueueRequest would fill in its defaults, and a change
// of one field would reset the queue's intents, languages, mode and fallback.
export const UpdateQueueRequest = QueueFields.partial().refine(
  (v) => Object.keys(v).length > 0,
  'give at least one field to change',
);
export type UpdateQueueRequest = z.infer<typeof UpdateQueueRequest>;

/** What a supervisor may change on a queue (its hours and how it fills); the rest is the admins'. */
export const QUEUE_FIELDS_SUPERVISORS_CHANGE = ['businessHours', 'outOfHours', 'maxPerAgent'] as const;

/** Replaces who is skilled in the queue (their other queues are kept). */
export const QueueMembersRequest = z.strictObject({ userIds: z.array(ObjectIdString).max(1000) });
export type QueueMembersRequest = z.infer<typeof QueueMembersRequest>;

export const AgentProfileRequest = z
  .strictObject({
    queueIds: z.array(ObjectIdString).max(50),
    capacity: z.number().int().min(0).max(100),
    /** The agent's own hours: routing assigns them nothing outside these (null: any time they are online). */
    workingHours: BusinessHoursSchedule.nullable(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'give at least one field to change');
export type AgentProfileRequest = z.infer<typeof AgentProfileRequest>;

/**
 * Whose routing (queues, capacity, working hours) a role may change. Supervisors staff the agents and
 * supervisors; an admin's routing, like every account's role, access and password, is the admins'.
 */
export const mayChangeRoutingOf = (actor: Role, target: Role): boolean =>
  actor === 'admin' || (actor === 'supervisor' && target !== 'admin');

export const SetStatusRequest = z.strictObject({ status: z.enum(['online', 'away']) });

export const AgentLoadDTO = z.object({
  userId: z.string(),
  name: z.string(),
  status: AgentStatus,
  load: z.number().int(),
  capacity: z.number().int(),
  queueIds: z.array(z.string()),
});
export type AgentLoadDTO = z.infer<typeof AgentLoadDTO>;

export const QueueStateDTO = z.object({
  queue: QueueDTO,
  waiting: z.number().int(),
  oldestWaitingSince: z.string().nullable(),
  /** Open conversations of the queue whose SLA warned (at risk) or breached. */
  slaAtRisk: z.number().int(),
  slaBreached: z.number().int(),
  agents: z.array(AgentLoadDTO),
});
export type QueueStateDTO = z.infer<typeof QueueStateDTO>;

/**
 * `true` once a person confirmed giving the agent more than their capacity (supervisors and admins only):
 * without it, an agent at capacity is refused with OVER_CAPACITY naming their load.
 */
const OverCapacity = z.boolean().optional();

export const TransferRequest = z.union([
  z.strictObject({ toUserId: ObjectIdString, overCapacity: OverCapacity }),
  z.strictObject({ toQueueId: ObjectIdString }),
]);
export type TransferRequest = z.infer<typeof TransferRequest>;

export const AssignRequest = z.strictObject({ userId: ObjectIdString, overCapacity: OverCapacity });
export type AssignRequest = z.infer<typeof AssignRequest>;

/**
 * Where anyone signed in may send a conversation: every queue by name, and every teammate with their presence
 * and load. Read-only, and nothing of how a queue is set up (that is the supervisors' board and settings).
 */
export const TransferTargetsDTO = z.object({
  queues: z.array(QueueDTO.pick({ id: true, name: true })),
  agents: z.array(AgentLoadDTO.omit({ queueIds: true })),
});
export type TransferTargetsDTO = z.infer<typeof TransferTargetsDTO>;
