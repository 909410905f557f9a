import type { MessageContent } from '@switchboard/shared';

/** The words of a message an agent may search for; empty for messages without any (a sticker, a reaction). */
export function searchableText(c: MessageContent): string {
  const parts = ((): (string | null | undefined)[] => {
    switch (c.type) {
      case 'text':
      case 'note':
        return [c.body];
      case 'image':
      case 'video':
      case 'document':
      case 'audio':
      case 'sticker':
        return [c.caption, c.filename];
      case 'location':
        return [c.name, c.address];
      case 'contacts':
        return c.contacts.flatMap((k) => [k.formattedName, k.organization, ...k.phones.map((p) => p.phone)]);
      case 'interactive':
        return [c.title, c.description];
      case 'button':
        return [c.text];
      case 'order':
        return [c.text];
      case 'system':
        return [c.body];
      case 'template':
        return [c.renderedText];
      case 'buttons':
        return [c.header, c.body, c.footer, ...c.buttons.map((b) => b.title)];
      case 'list':
        return [c.header, c.body, c.footer, c.button, ...c.sections.flatMap((s) => s.rows.map((r) => r.title))];
      case 'reaction':
      case 'unsupported':
        return [];
    }
  })();
  return parts.filter((p): p is string => typeof p === 'string' && p.trim() !== '').join('\n');
}
