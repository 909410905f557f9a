import { buildInbound, mediaFields, type MediaOptions, type SenderOptions } from './inbound-common.js';
import type { InboundMessageOf, VcardContact } from './webhook-types.js';

/** Builders for messages whose content the user composed: text, media, location, contacts. */

export function text(o: SenderOptions & { body: string }): InboundMessageOf<'text'> {
  return buildInbound('text', o, { text: { body: o.body } });
}

export function image(o: SenderOptions & MediaOptions & { caption?: string }): InboundMessageOf<'image'> {
  return buildInbound('image', o, {
    image: { ...(o.caption === undefined ? {} : { caption: o.caption }), ...mediaFields(o, 'image/jpeg') },
  });
}

/** `voice: true` marks a push-to-talk voice note (ogg/opus) rather than an attached audio file. */
export function audio(o: SenderOptions & MediaOptions & { voice?: boolean }): InboundMessageOf<'audio'> {
  const voice = o.voice ?? true;
  return buildInbound('audio', o, {
    audio: { ...mediaFields(o, voice ? 'audio/ogg; codecs=opus' : 'audio/mpeg'), voice },
  });
}

export function video(o: SenderOptions & MediaOptions & { caption?: string }): InboundMessageOf<'video'> {
  return buildInbound('video', o, {
    video: { ...(o.caption === undefined ? {} : { caption: o.caption }), ...mediaFields(o, 'video/mp4') },
  });
}

export function document(
  o: SenderOptions & MediaOptions & { filename: string; caption?: string },
): InboundMessageOf<'document'> {
  return buildInbound('document', o, {
    document: {
      ...(o.caption === undefined ? {} : { caption: o.caption }),
      filename: o.filename,
      ...mediaFields(o, 'application/pdf'),
    },
  });
}

export function sticker(o: SenderOptions & MediaOptions & { animated?: boolean }): InboundMessageOf<'sticker'> {
  return buildInbound('sticker', o, {
    sticker: { ...mediaFields(o, 'image/webp'), animated: o.animated ?? false },
  });
}

/** `placeName` is the place's (WhatsApp's `location.name`); `name` stays the sender's profile name, as everywhere. */
export function location(
  o: SenderOptions & { latitude: number; longitude: number; placeName?: string; address?: string; url?: string },
): InboundMessageOf<'location'> {
  return buildInbound('location', o, {
    location: {
      latitude: o.latitude,
      longitude: o.longitude,
      ...(o.placeName === undefined ? {} : { name: o.placeName }),
      ...(o.address === undefined ? {} : { address: o.address }),
      ...(o.url === undefined ? {} : { url: o.url }),
    },
  });
}

export function contacts(o: SenderOptions & { cards: VcardContact[] }): InboundMessageOf<'contacts'> {
  return buildInbound('contacts', o, { contacts: o.cards });
}
