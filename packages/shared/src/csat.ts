import { z } from 'zod';
import { Language } from './routing.js';

/**
 * Customer satisfaction on a three-point scale: WhatsApp shows at most three reply buttons, so the survey
 * offers exactly three (1 unhappy, 2 neutral, 3 happy), and a customer outside the 24-hour window answers
 * the template with the digit.
 */
export const CsatScore = z.number().int().min(1).max(3);
export type CsatScore = z.infer<typeof CsatScore>;
export const CSAT_SCORES = [1, 2, 3] as const;

const ButtonTitle = z.string().trim().min(1, 'a button needs a title').max(20, 'WhatsApp allows 20 characters');

/** What the survey says in one language: the question, the three buttons (1, 2, 3) and the thanks. */
export const CsatWording = z.strictObject({
  question: z.string().trim().min(1, 'ask a question').max(1024, 'WhatsApp allows 1024 characters'),
  // An array of exactly three, not a tuple: the OpenAPI 3.1 generator writes a tuple as `items: [...]`,
  // which 3.1 (JSON Schema 2020-12) does not accept.
  buttons: z
    .array(ButtonTitle)
    .length(3, 'the survey has three buttons')
    .refine(
      (titles) => new Set(titles.map((t) => t.toLowerCase())).size === 3,
      'the three buttons need different titles',
    ),
  thanks: z.string().trim().min(1, 'say thanks').max(1024, 'WhatsApp allows 1024 characters'),
});
export type CsatWording = z.infer<typeof CsatWording>;

/** A channel's survey: whether to ask after a resolve, the template used outside the window, the wording. */
export const CsatSettingsDTO = z.object({
  channelId: z.string(),
  enabled: z.boolean(),
  /** An approved template of this name, in the customer's language, asks outside the 24-hour window. */
  templateName: z.string(),
  wording: z.object({ en: CsatWording, es: CsatWording, pt: CsatWording }),
});
export type CsatSettingsDTO = z.infer<typeof CsatSettingsDTO>;

export const UpdateCsatSettingsRequest = z
  .strictObject({
    enabled: z.boolean(),
    templateName: z
      .string()
      .regex(/^[a-z0-9_]{1,512}$/, 'lowercase letters, digits and underscores, as WhatsApp names templates'),
    wording: z.strictObject({ en: CsatWording, es: CsatWording, pt: CsatWording }).partial(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'give at least one field to change');
export type UpdateCsatSettingsRequest = z.infer<typeof UpdateCsatSettingsRequest>;

/** The survey as it stands on a conversation. */
export const ConversationCsatDTO = z.object({
  state: z.enum(['asked', 'rated']),
  askedAt: z.string(),
  via: z.enum(['buttons', 'template']),
  language: Language,
  score: CsatScore.nullable(),
  ratedAt: z.string().nullable(),
  /** What the customer wrote after rating, kept with the rating. */
  comment: z.string().nullable(),
});
export type ConversationCsatDTO = z.infer<typeof ConversationCsatDTO>;
