import { z } from 'zod';

/**
 * The body of `POST /{version}/{phone-number-id}/messages`, validated the way Cloud API does:
 * a fixed envelope plus exactly the object named by `type`. Unknown extra keys are ignored.
 */

const SEND_TYPES = [
  'text',
  'template',
  'image',
  'audio',
  'video',
  'document',
  'sticker',
  'location',
  'contacts',
  'interactive',
  'reaction',
] as const;

export type SendType = (typeof SEND_TYPES)[number];

const mediaRef = z.object({ id: z.string().min(1).optional(), link: z.url().optional() });

const oneSource = {
  check: (m: { id?: string | undefined; link?: string | undefined }) => (m.id === undefined) !== (m.link === undefined),
  message: 'exactly one of id or link is required',
};

function media(extra: { caption?: z.ZodOptional<z.ZodString>; filename?: z.ZodOptional<z.ZodString> }) {
  return mediaRef.extend(extra).refine(oneSource.check, { message: oneSource.message });
}

const caption = z.string().max(1024).optional();

const templateComponent = z.looseObject({
  type: z.enum(['header', 'body', 'button', 'footer', 'carousel', 'limited_time_offer']),
  sub_type: z.string().optional(),
  index: z.union([z.string(), z.number()]).optional(),
  parameters: z.array(z.looseObject({ type: z.string() })).optional(),
});

const interactiveCommon = {
  header: z.looseObject({ type: z.string(), text: z.string().max(60).optional() }).optional(),
  body: z.object({ text: z.string().min(1).max(1024) }).optional(),
  footer: z.object({ text: z.string().max(60) }).optional(),
};

/** Cloud API refuses a message whose reply ids (or button titles) repeat. */
function uniqueIn(values: string[], what: string, ctx: z.RefinementCtx, path: PropertyKey[]) {
  if (new Set(values).size !== values.length) ctx.addIssue({ code: 'custom', path, message: `${what} must be unique` });
}

const MAX_LIST_ROWS = 10;

const interactive = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('button'),
      ...interactiveCommon,
      body: z.object({ text: z.string().min(1).max(1024) }),
      action: z.object({
        buttons: z
          .array(
            z.object({
              type: z.literal('reply'),
              reply: z.object({ id: z.string().min(1).max(256), title: z.string().min(1).max(20) }),
            }),
          )
          .min(1)
          .max(3),
      }),
    })
    .superRefine((m, ctx) => {
      const replies = m.action.buttons.map((b) => b.reply);
      uniqueIn(
        replies.map((r) => r.id),
        'button ids',
        ctx,
        ['action', 'buttons'],
      );
      uniqueIn(
        replies.map((r) => r.title),
        'button titles',
        ctx,
        ['action', 'buttons'],
      );
    }),
  z
    .object({
      type: z.literal('list'),
      ...interactiveCommon,
      body: z.object({ text: z.string().min(1).max(4096) }),
      action: z.object({
        button: z.string().min(1).max(20),
        sections: z
          .array(
            z.looseObject({
              title: z.string().max(24).optional(),
              rows: z
                .array(
                  z.looseObject({
                    id: z.string().min(1).max(200),
                    title: z.string().min(1).max(24),
                    description: z.string().max(72).optional(),
                  }),
                )
                .min(1),
            }),
          )
          .min(1)
          .max(10),
      }),
    })
    .superRefine((m, ctx) => {
      const rows = m.action.sections.flatMap((s) => s.rows);
      if (rows.length > MAX_LIST_ROWS)
        ctx.addIssue({
          code: 'custom',
          path: ['action', 'sections'],
          message: `at most ${MAX_LIST_ROWS} rows in total`,
        });
      uniqueIn(
        rows.map((r) => r.id),
        'row ids',
        ctx,
        ['action', 'sections'],
      );
      if (m.action.sections.length > 1 && m.action.sections.some((s) => !s.title))
        ctx.addIssue({ code: 'custom', path: ['action', 'sections'], message: 'every section needs a title' });
    }),
  z.object({
    type: z.enum(['cta_url', 'product', 'product_list', 'catalog_message', 'flow', 'location_request_message']),
    ...interactiveCommon,
    action: z.looseObject({}),
  }),
]);

const contactCard = z.looseObject({
  name: z.looseObject({ formatted_name: z.string().min(1) }),
  phones: z.array(z.looseObject({ phone: z.string().optional() })).optional(),
});

const envelopeFields = {
  messaging_product: z.literal('whatsapp'),
  recipient_type: z.enum(['individual', 'group']).default('individual'),
  /** Phone number; takes precedence over `recipient` like in Cloud API. */
  to: z
    .string()
    .regex(/^\+?[\d\s().-]{5,20}$/, 'must be a phone number')
    .optional(),
  /** Business-scoped user id, for users known only by username. */
  recipient: z
    .string()
    .regex(/^[A-Z]{2}\.(ENT\.)?\w{1,128}$/, 'must be a business-scoped user id')
    .optional(),
  context: z.object({ message_id: z.string().min(1) }).optional(),
  biz_opaque_callback_data: z.string().max(512).optional(),
};

const sendVariants = z.discriminatedUnion('type', [
  z.object({
    ...envelopeFields,
    type: z.literal('text'),
    text: z.object({ body: z.string().min(1).max(4096), preview_url: z.boolean().optional() }),
  }),
  z.object({
    ...envelopeFields,
    type: z.literal('template'),
    template: z.object({
      name: z.string().min(1).max(512),
      language: z.object({ code: z.string().min(2), policy: z.literal('deterministic').optional() }),
      components: z.array(templateComponent).optional(),
    }),
  }),
  z.object({ ...envelopeFields, type: z.literal('image'), image: media({ caption }) }),
  z.object({ ...envelopeFields, type: z.literal('audio'), audio: media({}) }),
  z.object({ ...envelopeFields, type: z.literal('video'), video: media({ caption }) }),
  z.object({
    ...envelopeFields,
    type: z.literal('document'),
    document: media({ caption, filename: z.string().optional() }),
  }),
  z.object({ ...envelopeFields, type: z.literal('sticker'), sticker: media({}) }),
  z.object({
    ...envelopeFields,
    type: z.literal('location'),
    location: z.object({
      latitude: z.number(),
      longitude: z.number(),
      name: z.string().optional(),
      address: z.string().optional(),
    }),
  }),
  z.object({ ...envelopeFields, type: z.literal('contacts'), contacts: z.array(contactCard).min(1) }),
  z.object({ ...envelopeFields, type: z.literal('interactive'), interactive }),
  z.object({
    ...envelopeFields,
    type: z.literal('reaction'),
    reaction: z.object({ message_id: z.string().min(1), emoji: z.string() }),
  }),
]);

const REQUIRED = 'required';

export const sendMessageSchema = sendVariants.refine((body) => body.to !== undefined || body.recipient !== undefined, {
  message: REQUIRED,
  path: ['to'],
});

export type SendMessageRequest = z.infer<typeof sendMessageSchema>;

/** Marking an inbound message read shares the endpoint; `status: 'read'` tells it apart. */
export const markReadSchema = z.object({
  messaging_product: z.literal('whatsapp'),
  status: z.literal('read'),
  message_id: z.string().min(1),
  typing_indicator: z.object({ type: z.literal('text') }).optional(),
});

export type MarkReadRequest = z.infer<typeof markReadSchema>;

export type ParsedRequest =
  | { kind: 'send'; body: SendMessageRequest }
  | { kind: 'mark-read'; body: MarkReadRequest }
  | { kind: 'invalid'; details: string };

/** Renders a path the way Graph error details do: `template['language']['code']`. */
function graphPath(path: ReadonlyArray<PropertyKey>): string {
  const [head, ...rest] = path.map(String);
  return `${head ?? 'body'}${rest.map((key) => `['${key}']`).join('')}`;
}

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'Invalid parameter.';
  const where = graphPath(issue.path);
  const missing = issue.code === 'invalid_type' && issue.message.includes('received undefined');
  if (missing || issue.message === REQUIRED) return `The parameter ${where} is required.`;
  if (issue.code === 'invalid_union' && where === 'type') {
    return `Param type must be one of {${SEND_TYPES.join(', ')}}.`;
  }
  return `Param ${where} is invalid: ${issue.message}`;
}

export function parseMessagesRequest(raw: unknown): ParsedRequest {
  const body = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  if ('status' in body) {
    const read = markReadSchema.safeParse(body);
    return read.success ? { kind: 'mark-read', body: read.data } : { kind: 'invalid', details: describe(read.error) };
  }
  // Cloud API treats a missing type as text.
  const send = sendMessageSchema.safeParse({ type: 'text', ...body });
  return send.success ? { kind: 'send', body: send.data } : { kind: 'invalid', details: describe(send.error) };
}
