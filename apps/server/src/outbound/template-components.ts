import {
  parseCurrency,
  type TemplateDTO,
  type WhatsAppTemplateComponent,
  type WhatsAppTemplateParameter,
} from '@switchboard/shared';

/**
 * The Cloud API's `template.components` for a template's body, from values already checked. Named templates
 * carry `parameter_name`; positional ones rely on order, so parameters go out as {{1}}, {{2}}, … The Cloud
 * API shows `fallback_value` for currency and date_time, so it is the value as the agent wrote it, which is
 * also what the inbox shows.
 */
export function bodyComponents(template: TemplateDTO, values: Map<string, string>): WhatsAppTemplateComponent[] {
  if (template.parameters.length === 0) return [];
  const parameters = template.parameters.map(({ name, type }): WhatsAppTemplateParameter => {
    const value = values.get(name)!;
    const named = template.parameterFormat === 'named' ? { parameter_name: name } : {};
    if (type === 'currency') {
      const { code, amount1000 } = parseCurrency(value)!;
      return { type: 'currency', ...named, currency: { fallback_value: value, code, amount_1000: amount1000 } };
    }
    if (type === 'date_time') return { type: 'date_time', ...named, date_time: { fallback_value: value } };
    return { type: 'text', ...named, text: value };
  });
  return [{ type: 'body', parameters }];
}
