import { Schema, type Connection, type InferSchemaType, type HydratedDocument } from 'mongoose';

/**
 * One change made in settings. The records before and after are kept as JSON text: settings hold keys a
 * document database may refuse (a contact attribute named `plan.level` in a priority rule) and nested lists.
 * Newest first is `_id` descending: ids grow with time, and `_id` is the one filter every backend indexes.
 */
const auditEntrySchema = new Schema({
  at: { type: Date, required: true },
  actorId: { type: Schema.Types.ObjectId, required: true },
  actorName: { type: String, required: true },
  actorRole: { type: String, required: true },
  action: { type: String, required: true },
  entityType: { type: String, required: true },
  entityId: { type: String, required: true },
  entityName: { type: String, required: true },
  changes: { type: [String], default: [] },
  before: { type: String, default: null },
  after: { type: String, default: null },
});

export type AuditEntry = InferSchemaType<typeof auditEntrySchema>;
export type AuditEntryDoc = HydratedDocument<AuditEntry>;
export const auditEntryModel = (c: Connection) => c.model('AuditEntry', auditEntrySchema, 'audit_entries');
