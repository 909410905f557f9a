import { CUSTOMER_SEEDS, SAMPLE_ORDER, SHARED_CONTACTS, type CustomerSeed } from './customer-profiles.js';
import { gradientPng } from './gradient-png.js';
import { toneWav } from './tone-wav.js';
import { bsuid, countryOfPhone, graphObjectId, wamid } from './ids.js';
import { ctwaReferral, inbound, type SenderOptions } from './inbound.js';
import { pick, weighted, type Random } from './random.js';
import {
  BUTTON_REPLIES,
  DOCUMENTS,
  IMAGE_CAPTIONS,
  LIST_REPLIES,
  REACTION_EMOJI,
  SUPPORT_PHRASES,
  TEMPLATE_BUTTONS,
  type Topic,
} from './support-phrases.js';
import type { InboundMessage } from './webhook-types.js';

export interface SimulatedCustomer extends CustomerSeed {
  userId: string;
  /** Adopted a username: Meta withholds the phone, so only `userId` identifies them. */
  usernameOnly: boolean;
  username: string;
  sentIds: string[];
  /** Business messages this customer reacted to, so a removal undoes a real reaction. */
  reactedTo: string[];
  /** Ids standing in for business messages this customer saw (for reactions and button taps). */
  businessIds: string[];
}

export interface ScriptedMessage {
  customer: SimulatedCustomer;
  message: InboundMessage;
  /** One-line human summary for the CLI output. */
  preview: string;
  /** The file a photo, sticker, voice note or document carries, for WhatsApp (the simulator) to hold under its media id. */
  file?: CustomerFile;
}

export interface CustomerFile {
  mediaId: string;
  mimeType: string;
  bytes: Buffer;
}

/** A picture to stand for a customer's photo: a gradient coloured by its media id (the script's random stream stays as it was). */
function photoFile(width: number, height: number): CustomerFile {
  const mediaId = graphObjectId();
  const n = Number(mediaId.slice(-9));
  const colour = (shift: number): [number, number, number] => [
    (n >> shift) & 255,
    (n >> (shift + 8)) & 255,
    (n >> (shift + 4)) & 255,
  ];
  return { mediaId, mimeType: 'image/png', bytes: gradientPng(width, height, colour(0), colour(12)) };
}

const KIND_WEIGHTS = {
  text: 40,
  image: 7,
  voice: 6,
  video: 2,
  document: 4,
  sticker: 2,
  location: 3,
  contacts: 2,
  buttonReply: 4,
  listReply: 3,
  templateButton: 3,
  reaction: 4,
  reactionRemoved: 1,
  reply: 6,
  forwarded: 2,
  order: 2,
  unsupported: 1,
  changedNumber: 1,
} as const;

type Kind = keyof typeof KIND_WEIGHTS;

/** Topics weighted by how often a support inbox sees them. */
const TOPIC_WEIGHTS: Readonly<Record<Topic, number>> = {
  greeting: 4,
  order_status: 8,
  delivery_problem: 5,
  refund: 4,
  cancellation: 3,
  payment: 4,
  invoice: 2,
  product_question: 5,
  complaint: 2,
  human: 3,
  stop: 1,
  appointment: 2,
  account_access: 2,
  thanks: 2,
};

export function createCustomers(random: Random, count: number): SimulatedCustomer[] {
  return Array.from({ length: count }, (_, i) => {
    const seed = CUSTOMER_SEEDS[i % CUSTOMER_SEEDS.length] as CustomerSeed;
    // Past the seed list, vary the last digits so every customer is a distinct chat.
    const phone = i < CUSTOMER_SEEDS.length ? seed.phone : `${seed.phone.slice(0, -4)}${String(1000 + i).slice(-4)}`;
    const handle = seed.name
      .toLowerCase()
      .normalize('NFD')
      .replace(/[^a-z ]/g, '')
      .replace(/ /g, '.');
    return {
      ...seed,
      phone,
      userId: bsuid(countryOfPhone(phone)),
      usernameOnly: random() < 1 / 6,
      username: `@${handle}${i}`,
      sentIds: [],
      reactedTo: [],
      businessIds: [],
    };
  });
}

export class CustomerScript {
  constructor(
    private readonly random: Random,
    private readonly customers: SimulatedCustomer[],
    private readonly businessPhone: string,
  ) {}

  next(): ScriptedMessage {
    const customer = pick(this.random, this.customers);
    const first = customer.sentIds.length === 0;
    const kind: Kind = first ? 'text' : weighted(this.random, KIND_WEIGHTS);
    const scripted = this.build(kind, customer, first);
    customer.sentIds.push(scripted.message.id);
    return { customer, ...scripted };
  }

  private sender(c: SimulatedCustomer): SenderOptions {
    return c.usernameOnly
      ? { userId: c.userId, username: c.username, name: c.name }
      : { from: c.phone, userId: c.userId, name: c.name };
  }

  /** A business message the customer is answering; reused so reactions land on known ids. */
  private businessMessage(c: SimulatedCustomer): string {
    if (c.businessIds.length === 0 || this.random() < 0.3) c.businessIds.push(wamid(c.phone, 'outbound'));
    return pick(this.random, c.businessIds);
  }

  private build(kind: Kind, c: SimulatedCustomer, first: boolean): Omit<ScriptedMessage, 'customer'> {
    const s = this.sender(c);
    const r = this.random;
    const lang = c.language;
    const quoting = () => ({ from: this.businessPhone, id: this.businessMessage(c) });
    switch (kind) {
      case 'text': {
        const body = pick(r, SUPPORT_PHRASES[first ? 'greeting' : weighted(r, TOPIC_WEIGHTS)][lang]);
        // Some first contacts come from a Click-to-WhatsApp ad.
        const referral = first && r() < 0.25 ? { referral: ctwaReferral() } : {};
        return {
          message: inbound.text({ ...s, ...referral, body }),
          preview: `"${body}"${'referral' in referral ? ' (from ad)' : ''}`,
        };
      }
      case 'reply': {
        const body = pick(r, SUPPORT_PHRASES[weighted(r, TOPIC_WEIGHTS)][lang]);
        const quoted = pick(r, c.sentIds);
        // Quoting their own message; a username-only user's number must not leak through `context.from`.
        const context = c.usernameOnly ? { id: quoted } : { from: c.phone, id: quoted };
        return { message: inbound.text({ ...s, body, context }), preview: `"${body}" (reply)` };
      }
      case 'forwarded': {
        const body = pick(r, SUPPORT_PHRASES.product_question[lang]);
        return {
          message: inbound.text({ ...s, body, context: { forwarded: true } }),
          preview: `"${body}" (forwarded)`,
        };
      }
      case 'image': {
        const caption = pick(r, IMAGE_CAPTIONS[lang]);
        const file = photoFile(320, 200);
        return {
          message: inbound.image({ ...s, ...file, ...(caption ? { caption } : {}) }),
          preview: `[image]${caption ? ` ${caption}` : ''}`,
          file,
        };
      }
      case 'voice': {
        const file = { mediaId: graphObjectId(), mimeType: 'audio/wav', bytes: toneWav(2, 330) };
        return { message: inbound.audio({ ...s, ...file, voice: true }), preview: '[voice note]', file };
      }
      case 'video':
        return { message: inbound.video({ ...s, caption: pick(r, IMAGE_CAPTIONS[lang]) }), preview: '[video]' };
      case 'document': {
        const doc = pick(r, DOCUMENTS);
        const file = {
          mediaId: graphObjectId(),
          mimeType: doc.mimeType,
          bytes: Buffer.from(`${doc.filename}, sent by a simulated customer\n`),
        };
        return {
          message: inbound.document({ ...s, ...file, filename: doc.filename, caption: doc.caption[lang] }),
          preview: `[document] ${doc.filename}`,
          file,
        };
      }
      case 'sticker': {
        const file = photoFile(128, 128);
        return { message: inbound.sticker({ ...s, ...file, animated: r() < 0.5 }), preview: '[sticker]', file };
      }
      case 'location':
        return {
          message: inbound.location({
            ...s,
            latitude: c.city.latitude,
            longitude: c.city.longitude,
            placeName: c.city.name,
            address: c.city.address,
          }),
          preview: `[location] ${c.city.name}`,
        };
      case 'contacts': {
        const card = pick(r, SHARED_CONTACTS);
        return { message: inbound.contacts({ ...s, cards: [card] }), preview: `[contact] ${card.name.formatted_name}` };
      }
      case 'buttonReply': {
        const button = pick(r, BUTTON_REPLIES[lang]);
        return {
          message: inbound.buttonReply({ ...s, buttonId: button.id, title: button.title, context: quoting() }),
          preview: `[button] ${button.title}`,
        };
      }
      case 'listReply': {
        const row = pick(r, LIST_REPLIES[lang]);
        return {
          message: inbound.listReply({
            ...s,
            rowId: row.id,
            title: row.title,
            description: row.description,
            context: quoting(),
          }),
          preview: `[list] ${row.title}`,
        };
      }
      case 'templateButton': {
        const button = pick(r, TEMPLATE_BUTTONS[lang]);
        return {
          message: inbound.templateButton({ ...s, ...button, context: quoting() }),
          preview: `[template button] ${button.text}`,
        };
      }
      case 'reaction': {
        const emoji = pick(r, REACTION_EMOJI);
        const messageId = this.businessMessage(c);
        c.reactedTo.push(messageId);
        return { message: inbound.reaction({ ...s, messageId, emoji }), preview: `[reaction] ${emoji}` };
      }
      case 'reactionRemoved': {
        const messageId = c.reactedTo.pop();
        if (!messageId) return this.build('reaction', c, first);
        return { message: inbound.reactionRemoved({ ...s, messageId }), preview: '[reaction removed]' };
      }
      case 'order':
        return {
          message: inbound.order({ ...s, catalogId: SAMPLE_ORDER.catalogId, items: SAMPLE_ORDER.items }),
          preview: '[order] 2 items',
        };
      case 'unsupported':
        return { message: inbound.unsupported({ ...s, originalType: 'poll' }), preview: '[unsupported] poll' };
      case 'changedNumber':
        return this.changeNumber(c);
    }
  }

  /** A new phone also means a new business-scoped id, as Meta regenerates it. */
  private changeNumber(c: SimulatedCustomer): { message: InboundMessage; preview: string } {
    if (c.usernameOnly) {
      const userId = bsuid(countryOfPhone(c.phone));
      const message = inbound.userChangedUserId({ previousUserId: c.userId, userId, name: c.name });
      const preview = `[system] user id changed ${c.userId} -> ${userId}`;
      c.userId = userId;
      return { message, preview };
    }
    const newPhone = `${c.phone.slice(0, -4)}${String(Math.floor(this.random() * 9000) + 1000)}`;
    const newUserId = bsuid(countryOfPhone(newPhone));
    const message = inbound.userChangedNumber({
      oldPhone: c.phone,
      newPhone,
      name: c.name,
      userId: newUserId,
      previousUserId: c.userId,
    });
    const preview = `[system] number changed ${c.phone} -> ${newPhone}`;
    c.phone = newPhone;
    c.userId = newUserId;
    c.usernameOnly = false;
    return { message, preview };
  }
}
