/**
 * Variables in canned replies: `{{contact.first_name}}`, or `{{contact.first_name | there}}` with a fallback
 * used when the value is unknown. The server validates them when a reply is saved and renders them for API
 * callers; the desktop renders them from its cache, so inserting a reply works offline. One code path for both.
 */

/** Kinds of entity found in a conversation that a canned reply may name (`{{entity.order_number}}`). */
export const ENTITY_KINDS = ['order_number', 'amount', 'date', 'email', 'document'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export const CANNED_VARIABLES = [
  'contact.first_name',
  'contact.name',
  'contact.email',
  'contact.phone',
  'agent.first_name',
  'agent.name',
  ...ENTITY_KINDS.map((kind) => `entity.${kind}` as const),
] as const;
export type CannedVariable = (typeof CANNED_VARIABLES)[number];
export type CannedValues = Partial<Record<CannedVariable, string>>;

const TOKEN = /\{\{\s*([A-Za-z0-9_.]*)\s*(?:\|([^{}]*))?\}\}/g;
const isKnown = (name: string): name is CannedVariable => (CANNED_VARIABLES as readonly string[]).includes(name);

/** Every `{{...}}` in the text, in order, with its fallback when it has one. */
export function variablesIn(text: string): { name: string; fallback: string | null }[] {
  return [...text.matchAll(TOKEN)].map((m) => ({ name: m[1]!, fallback: m[2]?.trim() || null }));
}

/** Names in `{{...}}` that are no variable of ours (a typo the author should hear about when saving). */
export function unknownVariablesIn(text: string): string[] {
  return [...new Set(variablesIn(text).map((v) => v.name))].filter((name) => !isKnown(name));
}

/**
 * The text with every known variable filled in. A variable without a value keeps its fallback, or stays as
 * written (`{{entity.order_number}}`) and is listed in `missing`, so the agent fills it in before sending.
 */
export function renderCannedText(text: string, values: CannedValues): { text: string; missing: CannedVariable[] } {
  const missing = new Set<CannedVariable>();
  const rendered = text.replace(TOKEN, (token, name: string, fallback: string | undefined) => {
    if (!isKnown(name)) return token;
    const value = values[name]?.trim();
    if (value) return value;
    if (fallback?.trim()) return fallback.trim();
    missing.add(name);
    return token;
  });
  return { text: rendered, missing: [...missing] };
}

/** The known variables a text still holds unfilled (what blocks sending a reply inserted from a canned one). */
export function unfilledVariablesIn(text: string): CannedVariable[] {
  return [...new Set(variablesIn(text).map((v) => v.name))].filter(isKnown);
}

export type CannedEntity = { kind: EntityKind; value: string };

export type CannedContext = {
  contact: { name: string | null; profileName: string | null; email: string | null; waId: string | null };
  agent: { name: string };
  /** What was found in the conversation, oldest first: the newest of a kind wins. */
  entities: CannedEntity[];
};

const firstWord = (name: string | null) => name?.trim().split(/\s+/)[0] || undefined;

export function cannedValuesFor({ contact, agent, entities }: CannedContext): CannedValues {
  const name = contact.name?.trim() || contact.profileName?.trim() || undefined;
  const values: CannedValues = {
    'contact.first_name': firstWord(name ?? null),
    'contact.name': name,
    'contact.email': contact.email ?? undefined,
    'contact.phone': contact.waId ? `+${contact.waId}` : undefined,
    'agent.first_name': firstWord(agent.name),
    'agent.name': agent.name,
  };
  for (const entity of entities) values[`entity.${entity.kind}`] = entity.value;
  return values;
}

/** Keys a bot's handoff attributes use for what our entity kinds name, in en, es and pt. */
const ATTRIBUTE_KINDS: [RegExp, EntityKind][] = [
  [/^(order|order.?(number|id|no)|pedido|n(u|ú)mero.?(de|do).?pedido|numero.?pedido)$/i, 'order_number'],
  [/^(amount|total|monto|importe|valor)$/i, 'amount'],
  [/^(date|fecha|data)$/i, 'date'],
  [/^(email|e-?mail|correo|correo.?electr(o|ó)nico)$/i, 'email'],
  [/^(document|document.?(type|kind)|documento|tipo.?de.?documento)$/i, 'document'],
];

/** Entities a bot collected before handing the conversation over (its context's attributes). */
export function entitiesFromAttributes(attributes: Record<string, unknown> | undefined | null): CannedEntity[] {
  const found: CannedEntity[] = [];
  for (const [key, value] of Object.entries(attributes ?? {})) {
    const kind = ATTRIBUTE_KINDS.find(([pattern]) => pattern.test(key.trim()))?.[1];
    if (kind && (typeof value === 'string' || typeof value === 'number') && String(value).trim())
      found.push({ kind, value: String(value).trim() });
  }
  return found;
}
