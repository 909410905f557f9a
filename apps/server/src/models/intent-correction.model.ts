import { Schema, type Connection, type InferSchemaType, type HydratedDocument } from 'mongoose';

/**
 * A person's correction of a triaged intent, kept as a training example: the customer's text, the
 * language it was read in, what the classifier said and what the person says. The next training learns it.
 */
const intentCorrectionSchema = new Schema(
  {
    conversationId: { type: Schema.Types.ObjectId, required: true },
    text: { type: String, required: true },
    language: { type: String, enum: ['en', 'es', 'pt'], required: true },
    from: { type: String, default: null },
    to: { type: String, required: true },
    byUserId: { type: Schema.Types.ObjectId, required: true },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);

export type IntentCorrectionDoc = HydratedDocument<InferSchemaType<typeof intentCorrectionSchema>>;

export function intentCorrectionModel(connection: Connection) {
  return connection.model('IntentCorrection', intentCorrectionSchema);
}
