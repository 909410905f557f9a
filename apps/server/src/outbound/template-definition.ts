import type { TemplateDTO } from '@switchboard/shared';
import type { CloudApiTemplateCreateRequest } from './cloud-api.schema.js';

/**
 * A template as Meta's review takes it (`POST /{waba-id}/message_templates`): the body with an example value for
 * every parameter (positional ones in order, named ones by name), the text header and footer when it has them.
 */
export function templateDefinition(t: TemplateDTO): CloudApiTemplateCreateRequest {
  const named = t.parameterFormat === 'named';
  const ordered = named ? t.parameters : [...t.parameters].sort((a, b) => Number(a.name) - Number(b.name));
  const example =
    ordered.length === 0
      ? {}
      : {
          example: named
            ? { body_text_named_params: ordered.map((p) => ({ param_name: p.name, example: p.example })) }
            : { body_text: [ordered.map((p) => p.example)] },
        };
  return {
    name: t.name,
    language: t.language,
    category: t.category.toUpperCase() as CloudApiTemplateCreateRequest['category'],
    parameter_format: named ? 'NAMED' : 'POSITIONAL',
    components: [
      ...(t.headerText ? [{ type: 'HEADER' as const, format: 'TEXT' as const, text: t.headerText }] : []),
      { type: 'BODY' as const, text: t.body, ...example },
      ...(t.footer ? [{ type: 'FOOTER' as const, text: t.footer }] : []),
    ],
  };
}
