import { z } from 'zod';

/**
 * The body of `POST /{version}/{waba-id}/message_templates`, checked the way Meta's template creation does:
 * name, language, category (uppercase), optional `parameter_format`, and components of which exactly one is the
 * BODY; every parameter of a body or text header has its example. Unknown extra keys are ignored.
 */
const PLACEHOLDER = /{{\s*([a-z0-9_]+)\s*}}/g;
const placeholders = (text: string) => [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!);

const body = z.object({
  type: z.literal('BODY'),
  text: z.string().min(1).max(1024),
  example: z
    .object({
      body_text: z.array(z.array(z.string())).optional(),
      body_text_named_params: z.array(z.object({ param_name: z.string(), example: z.string() })).optional(),
    })
    .optional(),
});
const header = z.object({
  type: z.literal('HEADER'),
  format: z.literal('TEXT'),
  text: z.string().min(1).max(60),
  example: z
    .object({
      header_text: z.array(z.string()).optional(),
      header_text_named_params: z.array(z.object({ param_name: z.string(), example: z.string() })).optional(),
    })
    .optional(),
});
const footer = z.object({ type: z.literal('FOOTER'), text: z.string().min(1).max(60) });
const buttons = z.object({ type: z.literal('BUTTONS'), buttons: z.array(z.looseObject({ type: z.string() })).max(10) });

const definitionFields = {
  name: z
    .string()
    .max(512)
    .regex(/^[a-z0-9_]+$/, 'name may contain only lowercase letters, digits and underscores'),
  language: z.string().regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, 'language must be a code like en or en_US'),
  category: z.enum(['MARKETING', 'UTILITY', 'AUTHENTICATION']),
  parameter_format: z.enum(['POSITIONAL', 'NAMED']).default('POSITIONAL'),
  components: z.array(z.discriminatedUnion('type', [body, header, footer, buttons])).min(1),
};

type Definition = {
  parameter_format: 'POSITIONAL' | 'NAMED';
  components: z.output<typeof definitionFields.components>;
};

function checkComponents(t: Definition, ctx: z.RefinementCtx) {
  const bodies = t.components.filter((c) => c.type === 'BODY');
  if (bodies.length !== 1) {
    ctx.addIssue({ code: 'custom', path: ['components'], message: 'exactly one BODY component is required' });
    return;
  }
  const named = t.parameter_format === 'NAMED';
  for (const [i, c] of t.components.entries()) {
    if (c.type !== 'BODY' && c.type !== 'HEADER') continue;
    const names = placeholders(c.text);
    if (names.length === 0) continue;
    const examples =
      c.type === 'BODY'
        ? named
          ? c.example?.body_text_named_params?.map((p) => p.param_name)
          : c.example?.body_text?.[0]
        : named
          ? c.example?.header_text_named_params?.map((p) => p.param_name)
          : c.example?.header_text;
    const complete = named ? names.every((n) => examples?.includes(n)) : examples?.length === names.length;
    if (!complete)
      ctx.addIssue({
        code: 'custom',
        path: ['components', i, 'example'],
        message: `every parameter of the ${c.type} needs an example`,
      });
  }
}

export const templateCreateRequestSchema = z.object(definitionFields).superRefine(checkComponents);

/** The body of `POST /{version}/{template-id}`: an edit keeps the name and language, and is reviewed again. */
export const templateEditRequestSchema = z
  .object({
    category: definitionFields.category.optional(),
    parameter_format: definitionFields.parameter_format,
    components: definitionFields.components,
  })
  .superRefine(checkComponents);

export type TemplateCreateRequest = z.output<typeof templateCreateRequestSchema>;
