import {
  batch,
  envelope,
  inbound,
  signedWebhook,
  type InboundMessage,
  type SignedWebhook,
} from '@switchboard/whatsapp-simulator';
import { BENCH_SECRETS } from './stack.js';
import { queueOfCustomer, TEAM_QUEUES } from './team.js';

const PHRASES = [
  'where is my order #48213??',
  'Hola, quería saber el estado de mi pedido #51907',
  'the box arrived damaged 😡',
  'meu pedido ta parado em separação faz 5 dias',
  'I want a refund',
  'no puedo entrar a mi cuenta',
  'can i change the delivery address?',
  'obrigado, resolvido!',
];

const phoneOf = (customer: number) => `5511${String(900000000 + customer).padStart(9, '0')}`;
const phrase = (n: number) => PHRASES[n % PHRASES.length]!;

/** A customer's burst the way a busy line batches it: mostly text, some media, a location, a button, a reaction. */
function customerBurst(customer: number, size: number, seed: number): InboundMessage[] {
  const sender = { from: phoneOf(customer), name: `Customer ${customer}` };
  const messages: InboundMessage[] = [];
  for (let i = 0; i < size; i++) {
    const kind = (seed + i) % 10;
    const previous = messages.at(-1);
    if (kind === 7) messages.push(inbound.image({ ...sender, caption: 'this is what arrived' }));
    else if (kind === 8)
      messages.push(inbound.location({ ...sender, latitude: -23.55, longitude: -46.63, placeName: 'Casa' }));
    else if (kind === 9 && previous)
      messages.push(inbound.reaction({ ...sender, messageId: previous.id, emoji: '👍' }));
    else if (kind === 6)
      messages.push(inbound.buttonReply({ ...sender, buttonId: 'talk_to_human', title: 'Talk to a person' }));
    else messages.push(inbound.text({ ...sender, body: phrase(seed + i) }));
  }
  return messages;
}

/** `count` distinct signed webhooks, each a batch of `messagesPerWebhook` messages from a few customers. */
export function ingestWebhooks(count: number, messagesPerWebhook: number, customers: number): SignedWebhook[] {
  const perCustomer = Math.ceil(messagesPerWebhook / 3);
  return Array.from({ length: count }, (_, w) => {
    const envelopes = [];
    for (let left = messagesPerWebhook, c = 0; left > 0; left -= perCustomer, c++) {
      envelopes.push(
        envelope({ messages: customerBurst((w * 3 + c) % customers, Math.min(perCustomer, left), w + c) }),
      );
    }
    return signedWebhook(batch(envelopes), BENCH_SECRETS.WHATSAPP_APP_SECRET);
  });
}

/**
 * One customer message whose text carries its number and send time, so an agent's socket can time it.
 * Message n comes from customer n % customers, who writes about their queue's subject (see team.ts).
 */
export function timedWebhook(runTag: string, n: number, customers: number, sentAtMs: number): SignedWebhook {
  const customer = n % customers;
  const body = `${TEAM_QUEUES[queueOfCustomer(customer)]!.phrase} [${runTag}#${n}@${sentAtMs.toFixed(3)}]`;
  return signedWebhook(
    envelope({ messages: [inbound.text({ from: phoneOf(customer), name: `Customer ${customer}`, body })] }),
    BENCH_SECRETS.WHATSAPP_APP_SECRET,
  );
}

/** The customer a bench phone number belongs to (the inverse of phoneOf), for the relay's audience. */
export const customerOfPhone = (phone: string) => Number(phone) - Number(phoneOf(0));

/** Reads back what timedWebhook wrote. */
export function parseTimedText(text: string): { tag: string; n: number; sentAtMs: number } | null {
  const match = /\[([\w-]+)#(\d+)@([\d.]+)\]$/.exec(text);
  return match ? { tag: match[1]!, n: Number(match[2]), sentAtMs: Number(match[3]) } : null;
}
