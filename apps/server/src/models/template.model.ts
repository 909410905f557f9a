import { TemplateCategory, TemplateParameterFormat, TemplateParameterType, TemplateStatus } from '@switchboard/shared';
import { Schema, type Connection, type InferSchemaType, type HydratedDocument } from 'mongoose';

const parameterSchema = new Schema(
  {
    name: { type: String, required: true },
    type: { type: String, enum: TemplateParameterType.options, required: true },
    example: { type: String, required: true },
  },
  { _id: false },
);

/** What a template says: the current template holds these, and so does every version's snapshot. */
export const templateContentFields = () => ({
  name: { type: String, required: true },
  language: { type: String, required: true },
  category: { type: String, enum: TemplateCategory.options, required: true },
  parameterFormat: { type: String, enum: TemplateParameterFormat.options, required: true },
  body: { type: String, required: true },
  parameters: { type: [parameterSchema], default: [] },
  headerText: { type: String, default: null },
  footer: { type: String, default: null },
  status: { type: String, enum: TemplateStatus.options, required: true },
  rejectionReason: { type: String, default: null },
});

/**
 * The current state of a template. `_id` is keyedId('template', `<name>:<language>`), so the send path finds
 * a template with one lookup by `_id` and the (name, language) pair can exist once. It is written only from
 * a version already stored (see TemplateVersion), and never to an older version than it holds.
 */
/**
 * Where WhatsApp's review of the template stands, when the catalogue's numbers have a WhatsApp Business
 * Account: not content (no version records it), so a submission never makes a new version. `lastEventAt` is
 * the trigger time of the newest review webhook applied, which orders the ones that arrive late.
 */
const reviewSchema = new Schema(
  {
    wabaId: { type: String, required: true },
    metaTemplateId: { type: String, default: null },
    submittedAt: { type: Date, default: null },
    failure: { type: String, default: null },
    lastEventAt: { type: Date, default: null },
  },
  { _id: false },
);

const templateSchema = new Schema({
  _id: { type: Schema.Types.ObjectId, required: true },
  ...templateContentFields(),
  review: { type: reviewSchema, default: null },
  version: { type: Number, required: true },
  createdAt: { type: Date, required: true },
  updatedAt: { type: Date, required: true },
});

export type Template = InferSchemaType<typeof templateSchema>;
export type TemplateDoc = HydratedDocument<Template>;
export const templateModel = (c: Connection) => c.model('Template', templateSchema, 'templates');
