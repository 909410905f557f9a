import type { InteractiveMessage, MessageContent } from '@switchboard/shared';
import type { UploadDoc } from '../models/upload.model.js';
import type { CloudApiSendRequest } from './cloud-api.schema.js';

type Envelope = Pick<CloudApiSendRequest, 'messaging_product' | 'recipient_type' | 'to' | 'context'>;

/** Buttons or a list: what the thread shows, and the Cloud API body that sends it. */
export function interactiveReply(
  envelope: Envelope,
  message: InteractiveMessage,
): { content: MessageContent; cloudRequest: CloudApiSendRequest } {
  const header = message.header ? { type: 'text' as const, text: message.header } : undefined;
  const common = {
    ...(header ? { header } : {}),
    body: { text: message.body },
    ...(message.footer ? { footer: { text: message.footer } } : {}),
  };
  const shown = { header: message.header ?? null, body: message.body, footer: message.footer ?? null };
  if (message.kind === 'buttons') {
    return {
      content: { type: 'buttons', ...shown, buttons: message.buttons },
      cloudRequest: {
        ...envelope,
        type: 'interactive',
        interactive: {
          type: 'button',
          ...common,
          action: { buttons: message.buttons.map((reply) => ({ type: 'reply' as const, reply })) },
        },
      },
    };
  }
  return {
    content: {
      type: 'list',
      ...shown,
      button: message.button,
      sections: message.sections.map((s) => ({
        title: s.title ?? null,
        rows: s.rows.map((r) => ({ id: r.id, title: r.title, description: r.description ?? null })),
      })),
    },
    cloudRequest: {
      ...envelope,
      type: 'interactive',
      interactive: { type: 'list', ...common, action: { button: message.button, sections: message.sections } },
    },
  };
}

/** A file WhatsApp's media endpoint took: sent by its media id, shown like a customer's file of that kind. */
export function mediaReply(
  envelope: Envelope,
  upload: UploadDoc,
  caption: string | undefined,
): { content: MessageContent; cloudRequest: CloudApiSendRequest } {
  const media = {
    mediaId: upload.mediaId,
    mimeType: upload.mimeType,
    sha256: upload.sha256,
    caption: caption ?? null,
    filename: upload.filename ?? null,
    size: upload.size,
  };
  const id = upload.mediaId;
  const captioned = { id, ...(caption ? { caption } : {}) };
  switch (upload.kind) {
    case 'image':
      return { content: { type: 'image', ...media }, cloudRequest: { ...envelope, type: 'image', image: captioned } };
    case 'video':
      return { content: { type: 'video', ...media }, cloudRequest: { ...envelope, type: 'video', video: captioned } };
    case 'document': {
      const document = { ...captioned, ...(upload.filename ? { filename: upload.filename } : {}) };
      return { content: { type: 'document', ...media }, cloudRequest: { ...envelope, type: 'document', document } };
    }
    case 'audio':
      return {
        content: { type: 'audio', ...media, voice: false },
        cloudRequest: { ...envelope, type: 'audio', audio: { id } },
      };
    case 'sticker':
      return {
        content: { type: 'sticker', ...media, animated: upload.animated },
        cloudRequest: { ...envelope, type: 'sticker', sticker: { id } },
      };
  }
}
