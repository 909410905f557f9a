import { TemplateChange } from '@switchboard/shared';
import { Schema, type Connection, type InferSchemaType, type HydratedDocument } from 'mongoose';
import { templateContentFields } from './template.model.js';

/**
 * Every version of every template, never changed once written. `_id` is
 * keyedId('template-version', `<templateId>:<version>`): two edits of the same version both try to insert
 * version N+1 and only one can, which holds on FerretDB too (an insert under a unique `_id` is atomic).
 */
const templateVersionSchema = new Schema({
  _id: { type: Schema.Types.ObjectId, required: true },
  templateId: { type: Schema.Types.ObjectId, required: true },
  version: { type: Number, required: true },
  change: { type: String, enum: TemplateChange.options, required: true },
  changedFields: { type: [String], default: [] },
  changedById: { type: Schema.Types.ObjectId, default: null },
  changedByName: { type: String, required: true },
  changedAt: { type: Date, required: true },
  snapshot: { type: new Schema(templateContentFields(), { _id: false }), required: true },
});
templateVersionSchema.index({ templateId: 1, version: 1 });

export type TemplateVersion = InferSchemaType<typeof templateVersionSchema>;
export type TemplateVersionDoc = HydratedDocument<TemplateVersion>;
export const templateVersionModel = (c: Connection) =>
  c.model('TemplateVersion', templateVersionSchema, 'template_versions');
