import type { MessageContent } from '@switchboard/shared';

const PREVIEW_LENGTH = 120;

/** The one line a conversation list shows for a message. */
export function previewOf(c: MessageContent): string {
  const text = ((): string => {
    switch (c.type) {
      case 'text':
        return c.body;
      case 'image':
        return c.caption ? `📷 ${c.caption}` : '📷 Photo';
      case 'video':
        return c.caption ? `🎥 ${c.caption}` : '🎥 Video';
      case 'document':
        return `📄 ${c.filename ?? c.caption ?? 'Document'}`;
      case 'audio':
        return c.voice ? '🎤 Voice message' : '🎵 Audio';
      case 'sticker':
        return 'Sticker';
      case 'location':
        return `📍 ${c.name ?? c.address ?? 'Location'}`;
      case 'contacts':
        return `👤 ${c.contacts.map((k) => k.formattedName ?? 'Contact').join(', ')}`;
      case 'interactive':
        return c.title ?? 'Interactive reply';
      case 'button':
        return c.text ?? c.payload ?? 'Button';
      case 'reaction':
        return c.removed ? 'Removed a reaction' : `Reacted ${c.emoji}`;
      case 'order':
        return `🛒 Order (${c.items.length} item${c.items.length === 1 ? '' : 's'})`;
      case 'system':
        return c.body ?? 'System message';
      case 'unsupported':
        return 'Unsupported message';
      case 'template':
        return c.renderedText;
      case 'buttons':
        return `${c.body} [${c.buttons.map((b) => b.title).join(' | ')}]`;
      case 'note':
        return `Note: ${c.body}`;
      case 'list':
        return c.body;
    }
  })();
  return text.length > PREVIEW_LENGTH ? `${text.slice(0, PREVIEW_LENGTH - 1)}…` : text;
}
