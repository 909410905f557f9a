import { z } from 'zod';
import { ObjectIdString } from './ids.js';

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

export const QueueDTO = z.object({
  id: z.string(),
  name: z.string(),
  intents: z.array(z.string()),
  languages: z.array(Language),
  /** `auto`: the router assigns; `manual`: agents claim from the queue. */
  mode: z.enum(['auto', 'manual']),
  /** Picked when no queue takes the intent and language. */
  fallback: z.boolean(),
  businessHours: z.record(z.string(), z.unknown()).nullable(),
  createdAt: z.string(),
});
export type QueueDTO = z.infer<typeof QueueDTO>;

export const CreateQueueRequest = z.strictObject({
  name: z.string().trim().min(1).max(80),
  intents: z.array(z.string().min(1).max(40)).max(50).default([]),
  languages: z.array(Language).max(3).default([]),
  mode: z.enum(['auto', 'manual']).default('auto'),
  fallback: z.boolean().default(false),
  /** When SLA clocks run: `{ timezone, weekly: { mon: [{ start: '09:00', end: '18:00' }], ... }, holidays }`; checked by the server. */
  businessHours: z.record(z.string(), z.unknown()).nullable().optional(),
});
export type CreateQueueRequest = z.infer<typeof CreateQueueRequest>;

export const UpdateQueueRequest = CreateQueueRequest.partial().refine(
  (v) => Object.keys(v).length > 0,
  'give at least one field to change',
);

export const AgentProfileRequest = z
  .strictObject({
    queueIds: z.array(ObjectIdString).max(50),
    capacity: z.number().int().min(0).max(100),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'give at least one field to change');
export type AgentProfileRequest = z.infer<typeof AgentProfileRequest>;

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

export const TransferRequest = z.union([
  z.strictObject({ toUserId: ObjectIdString }),
  z.strictObject({ toQueueId: ObjectIdString }),
]);
export type TransferRequest = z.infer<typeof TransferRequest>;

export const AssignRequest = z.strictObject({ userId: ObjectIdString });
