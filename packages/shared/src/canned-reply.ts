import { z } from 'zod';
import { CANNED_VARIABLES, unknownVariablesIn } from './canned-variables.js';
import { ObjectIdString } from './ids.js';
import { Language } from './routing.js';

export * from './canned-variables.js';

/** `shared`: the team's, managed by admins and supervisors; `personal`: one agent's own. */
export const CannedReplyScope = z.enum(['shared', 'personal']);
export type CannedReplyScope = z.infer<typeof CannedReplyScope>;

/** What an agent types after `/`: lowercase, so `/Refund` and `/refund` are the same reply. */
export const CannedShortcut = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'must not be blank')
  .max(32, 'at most 32 characters')
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'letters, digits, _ and -, starting with a letter or digit');

const CannedText = z
  .string()
  .trim()
  .min(1, 'must not be blank')
  .max(4096, 'WhatsApp allows at most 4096 characters')
  .superRefine((text, ctx) => {
    const unknown = unknownVariablesIn(text);
    if (unknown.length > 0)
      ctx.addIssue({
        code: 'custom',
        message: `unknown variable ${unknown.map((v) => `{{${v}}}`).join(', ')}: use one of ${CANNED_VARIABLES.join(', ')}`,
      });
  });

export const CannedReplyDTO = z.object({
  id: z.string(),
  scope: CannedReplyScope,
  /** The agent a personal reply belongs to; null for shared ones. */
  ownerId: z.string().nullable(),
  shortcut: z.string(),
  title: z.string(),
  text: z.string(),
  language: Language,
  updatedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CannedReplyDTO = z.infer<typeof CannedReplyDTO>;

export const CreateCannedReplyRequest = z.strictObject({
  scope: CannedReplyScope,
  shortcut: CannedShortcut,
  title: z.string().trim().max(80, 'at most 80 characters').default(''),
  text: CannedText,
  language: Language,
});
export type CreateCannedReplyRequest = z.infer<typeof CreateCannedReplyRequest>;

export const UpdateCannedReplyRequest = z
  .strictObject({
    shortcut: CannedShortcut,
    title: z.string().trim().max(80, 'at most 80 characters'),
    text: CannedText,
    language: Language,
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'give at least one field to change');
export type UpdateCannedReplyRequest = z.infer<typeof UpdateCannedReplyRequest>;

export const ListCannedRepliesQuery = z.strictObject({
  scope: CannedReplyScope.optional(),
  language: Language.optional(),
});
export type ListCannedRepliesQuery = z.infer<typeof ListCannedRepliesQuery>;

export const RenderCannedReplyRequest = z.strictObject({ conversationId: ObjectIdString });
export type RenderCannedReplyRequest = z.infer<typeof RenderCannedReplyRequest>;

/** A canned reply filled in for one conversation; `missing` names the variables that had no value. */
export const RenderedCannedReply = z.object({ text: z.string(), missing: z.array(z.string()) });
export type RenderedCannedReply = z.infer<typeof RenderedCannedReply>;
