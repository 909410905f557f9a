import { z } from 'zod';
import { AttributeKey } from './bot.js';
import { ObjectIdString } from './ids.js';
import { Language } from './routing.js';
import { Email } from './user.js';

/** The customer's tier; `vip` raises their conversations' priority (the priority rules' `contact.tier`). */
export const ContactTier = z.enum(['standard', 'vip']);
export type ContactTier = z.infer<typeof ContactTier>;

/**
 * A customer. The profile fields default, so a change logged before profiles existed still reads as a
 * contact (the desktop replays old log entries through this schema).
 */
export const ContactDTO = z.object({
  id: z.string(),
  /** The customer's WhatsApp id (their phone number); null for username-only users known by `userId`. */
  waId: z.string().nullable(),
  /** Meta's business-scoped user id, present once WhatsApp sends it. */
  userId: z.string().nullable(),
  /** The name the customer gave WhatsApp; `name` (set by an agent) wins where both exist. */
  profileName: z.string().nullable(),
  /** The customer asked not to receive business-initiated messages (STOP and the like). */
  optedOut: z.boolean(),
  name: z.string().nullable().default(null),
  email: z.string().nullable().default(null),
  /** The language the customer prefers (canned replies pick theirs); null: as the conversation is written. */
  language: Language.nullable().default(null),
  tier: ContactTier.default('standard'),
  attributes: z.record(z.string(), z.string()).default({}),
  notes: z.string().default(''),
  /** Numbers of contacts merged into this one: their messages arrive here too. */
  otherWaIds: z.array(z.string()).default([]),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ContactDTO = z.infer<typeof ContactDTO>;

/** How a contact is named on screen: the agent's name for them, WhatsApp's, or the number. */
export const contactDisplayName = (c: Pick<ContactDTO, 'name' | 'profileName' | 'waId' | 'userId'>) =>
  c.name ?? c.profileName ?? (c.waId ? `+${c.waId}` : (c.userId ?? '?'));

const NOTES_MAX = 5000;

/** A change to a contact's profile; `attributes` is a patch: a key set to null is removed. */
export const UpdateContactRequest = z
  .strictObject({
    name: z.string().trim().max(100, 'at most 100 characters').nullable(),
    email: Email.nullable(),
    language: Language.nullable(),
    tier: ContactTier,
    attributes: z
      .record(AttributeKey, z.string().trim().max(500, 'at most 500 characters').nullable())
      .refine((a) => Object.keys(a).length <= 50, 'at most 50 attributes at once'),
    notes: z.string().max(NOTES_MAX, `at most ${NOTES_MAX} characters`),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'give at least one field to change');
export type UpdateContactRequest = z.infer<typeof UpdateContactRequest>;

/** Merges the `sourceId` contact into the one in the path: irreversible, so clients confirm first. */
export const MergeContactsRequest = z.strictObject({ sourceId: ObjectIdString });
export type MergeContactsRequest = z.infer<typeof MergeContactsRequest>;

export const SearchContactsQuery = z.strictObject({
  q: z.string().trim().min(1, 'type something to search for').max(100),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type SearchContactsQuery = z.infer<typeof SearchContactsQuery>;

/** One field's change: `attribute:<key>` for custom attributes; values as text, null when empty. */
export const ContactFieldChange = z.object({
  field: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
});
export type ContactFieldChange = z.infer<typeof ContactFieldChange>;

/**
 * A recorded change to a contact: `edited` by someone; `merged` (another contact was merged into this one,
 * `otherContactId`); `merged-away` (this one was merged into `otherContactId`).
 */
export const ContactChangeDTO = z.object({
  id: z.string(),
  contactId: z.string(),
  kind: z.enum(['edited', 'merged', 'merged-away']),
  actor: z.object({ id: z.string(), name: z.string() }).nullable(),
  at: z.string(),
  changes: z.array(ContactFieldChange),
  otherContactId: z.string().nullable(),
});
export type ContactChangeDTO = z.infer<typeof ContactChangeDTO>;
