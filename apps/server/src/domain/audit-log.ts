import { isDeepStrictEqual } from 'node:util';
import type { AuditEntityType, AuditEntryDTO, AuditFilter, ListAuditQuery, Page, Role } from '@switchboard/shared';
import { Types, type FilterQuery } from 'mongoose';
import { AppError } from '../lib/errors.js';
import type { AuditEntry, AuditEntryDoc } from '../models/audit-entry.model.js';
import type { Models } from '../models/index.js';

/** Who made a change in settings. */
export type Actor = { id: string; name: string; role: Role };

/** What a service tells the audit log about one change it made: the records as they were and as they are. */
export type SettingsChange = {
  action: string;
  entity: { type: AuditEntityType; id: string; name: string };
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

/**
 * Never written to the log, whatever a caller passes: a secret's change is still listed (by field name), its
 * value is not. Services already leave secrets out of their records; this is the net under them.
 */
const SECRET_FIELDS = new Set(['accessToken', 'password', 'passwordHash', 'keyHash', 'apiKey', 'temporaryPassword']);
export const HIDDEN = '(hidden)';

function hideSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(hideSecrets);
  if (typeof value !== 'object' || value === null || value instanceof Date) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [key, SECRET_FIELDS.has(key) && v != null ? HIDDEN : hideSecrets(v)]),
  );
}

/** The top-level fields that differ; a record created or removed changes every field it has. */
export function changedFields(before: Record<string, unknown> | null, after: Record<string, unknown> | null) {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...keys].filter((key) => !isDeepStrictEqual(before?.[key], after?.[key])).sort();
}

const json = (record: Record<string, unknown> | null) => (record ? JSON.stringify(hideSecrets(record)) : null);
const parsed = (text: string | null | undefined) => (text ? (JSON.parse(text) as Record<string, unknown>) : null);

export function toAuditEntryDTO(doc: AuditEntryDoc): AuditEntryDTO {
  return {
    id: doc._id.toHexString(),
    at: doc.at.toISOString(),
    actor: { id: doc.actorId.toHexString(), name: doc.actorName, role: doc.actorRole as Role },
    action: doc.action,
    entity: { type: doc.entityType as AuditEntityType, id: doc.entityId, name: doc.entityName },
    changes: doc.changes,
    before: parsed(doc.before),
    after: parsed(doc.after),
  };
}

/**
 * The audit log of settings: every service that changes a setting records it here inside its write (after
 * the change is stored, before it answers), so what the API acknowledged is in the log.
 */
export class AuditLog {
  constructor(private readonly models: Models) {}

  /** Records a change; one that changed nothing is not a change, and is not recorded. */
  async record(actor: Actor, change: SettingsChange): Promise<void> {
    const changes = changedFields(change.before, change.after);
    if (changes.length === 0) return;
    await this.models.AuditEntry.create({
      at: new Date(),
      actorId: new Types.ObjectId(actor.id),
      actorName: actor.name,
      actorRole: actor.role,
      action: change.action,
      entityType: change.entity.type,
      entityId: change.entity.id,
      entityName: change.entity.name,
      changes,
      before: json(change.before),
      after: json(change.after),
    });
  }

  /** Newest first, a page at a time. */
  async list(query: ListAuditQuery): Promise<Page<AuditEntryDTO>> {
    const { cursor, limit, ...filter } = query;
    const where = filterOf(filter);
    if (cursor) where._id = { $lt: cursorId(cursor) };
    const docs = await this.models.AuditEntry.find(where)
      .sort({ _id: -1 })
      .limit(limit + 1);
    const items = docs.slice(0, limit).map(toAuditEntryDTO);
    return { items, nextCursor: docs.length > limit ? items[items.length - 1]!.id : null };
  }

  /** Every matching entry, newest first, read in batches (an export of a long history stays in bounded memory). */
  async *each(filter: AuditFilter): AsyncGenerator<AuditEntryDTO> {
    for await (const doc of this.models.AuditEntry.find(filterOf(filter)).sort({ _id: -1 }).cursor({ batchSize: 200 }))
      yield toAuditEntryDTO(doc);
  }
}

function cursorId(cursor: string): Types.ObjectId {
  if (!Types.ObjectId.isValid(cursor) || !/^[a-f0-9]{24}$/.test(cursor))
    throw new AppError('VALIDATION_FAILED', 'cursor is not one this server gave out', [
      { path: 'query.cursor', message: 'invalid cursor' },
    ]);
  return new Types.ObjectId(cursor);
}

function filterOf(filter: AuditFilter): FilterQuery<AuditEntry> {
  const where: FilterQuery<AuditEntry> = {};
  if (filter.entityType) where.entityType = filter.entityType;
  if (filter.entityId) where.entityId = filter.entityId;
  if (filter.actorId) where.actorId = new Types.ObjectId(filter.actorId);
  if (filter.action) where.action = filter.action;
  if (filter.from || filter.to)
    where.at = {
      ...(filter.from ? { $gte: new Date(filter.from) } : {}),
      ...(filter.to ? { $lte: new Date(filter.to) } : {}),
    };
  return where;
}
