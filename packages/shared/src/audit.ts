import { z } from 'zod';
import { ObjectIdString } from './ids.js';
import { CursorQuery } from './pagination.js';
import { Role } from './user.js';

/** What a settings change was made to. */
export const AuditEntityType = z.enum([
  'user',
  'queue',
  'channel',
  'template',
  'bot',
  'priority-rules',
  'sla-policies',
  'canned-reply',
]);
export type AuditEntityType = z.infer<typeof AuditEntityType>;

/**
 * One change made in settings: who, when, what, and the record before and after it (secrets never appear:
 * a token or password shows as changed, not as its value).
 */
export const AuditEntryDTO = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.object({ id: z.string(), name: z.string(), role: Role }),
  /** `<entity>.<verb>`: `queue.created`, `user.password-reset`, `bot.rotated`... */
  action: z.string(),
  entity: z.object({ type: AuditEntityType, id: z.string(), name: z.string() }),
  /** The fields that differ between before and after. */
  changes: z.array(z.string()),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntryDTO = z.infer<typeof AuditEntryDTO>;

export const AuditFilter = z.strictObject({
  entityType: AuditEntityType.optional(),
  entityId: z.string().min(1).max(100).optional(),
  actorId: ObjectIdString.optional(),
  action: z.string().max(60).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type AuditFilter = z.infer<typeof AuditFilter>;

/** Newest first. */
export const ListAuditQuery = CursorQuery.extend(AuditFilter.shape);
export type ListAuditQuery = z.infer<typeof ListAuditQuery>;
