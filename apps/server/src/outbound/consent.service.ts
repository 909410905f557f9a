import type { MessageContent } from '@switchboard/shared';
import type { Types } from 'mongoose';
import type { Models } from '../models/index.js';
import type { MessageDoc } from '../models/message.model.js';
import type { SendService } from './send.service.js';

type Language = 'en' | 'es' | 'pt';

/** Which language a keyword belongs to, so the confirmation answers in it. Unlisted keywords answer in English. */
const KEYWORD_LANGUAGE: Record<string, Language> = {
  BAJA: 'es',
  PARAR: 'es',
  DETENER: 'es',
  CANCELAR: 'es',
  ALTA: 'es',
  INICIAR: 'es',
  SAIR: 'pt',
  PARE: 'pt',
  DESCADASTRAR: 'pt',
  VOLTAR: 'pt',
  ASSINAR: 'pt',
};

const CONFIRMATION: Record<'out' | 'in', Record<Language, string>> = {
  out: {
    en: 'You will no longer receive messages from us. Reply START at any time to subscribe again.',
    es: 'Ya no recibirás mensajes nuestros. Responde ALTA cuando quieras para volver a suscribirte.',
    pt: 'Você não receberá mais mensagens nossas. Responda VOLTAR a qualquer momento para se inscrever de novo.',
  },
  in: {
    en: 'You are subscribed again. Reply STOP at any time to stop messages.',
    es: 'Te volviste a suscribir. Responde BAJA cuando quieras para dejar de recibir mensajes.',
    pt: 'Sua inscrição foi renovada. Responda SAIR a qualquer momento para parar as mensagens.',
  },
};

/**
 * Opt-out and opt-in by keyword. A message that is only a keyword (any case, punctuation and emoji
 * ignored) changes the contact's consent, records the change, and is confirmed once, in its language.
 * Saying STOP twice changes nothing the second time.
 */
export class ConsentService {
  private readonly optOut: Set<string>;
  private readonly optIn: Set<string>;

  constructor(
    private readonly models: Models,
    private readonly send: SendService,
    keywords: { optOut: string; optIn: string },
  ) {
    this.optOut = keywordSet(keywords.optOut);
    this.optIn = keywordSet(keywords.optIn);
  }

  async onInbound(message: MessageDoc): Promise<void> {
    const keyword = keywordOf(message.content as MessageContent);
    if (!keyword) return;
    const direction = this.optOut.has(keyword) ? 'out' : this.optIn.has(keyword) ? 'in' : null;
    if (!direction) return;
    const optedOut = direction === 'out';
    // Hot path: by _id.
    const alreadyRecorded = await this.models.ConsentChange.findById(message._id);
    if (!alreadyRecorded) {
      // Hot path: by _id.
      const contact = await this.models.Contact.findById(message.contactId).orFail();
      if (contact.optedOut === optedOut) return;
      // Hot path: by _id.
      await this.models.Contact.updateOne({ _id: contact._id }, { $set: { optedOut } });
      await this.record(contact._id, optedOut, keyword, message._id);
    }
    await this.send.send({
      conversationId: message.conversationId.toHexString(),
      viewer: null,
      idempotencyKey: `consent-${message._id.toHexString()}`,
      confirmsConsentChange: true,
      request: { type: 'text', body: CONFIRMATION[direction][KEYWORD_LANGUAGE[keyword] ?? 'en'] },
    });
  }

  async history(contactId: Types.ObjectId) {
    return this.models.ConsentChange.find({ contactId }).sort({ at: 1 });
  }

  /** One record per message that changed consent, even when this step is repeated after a crash. */
  private async record(contactId: Types.ObjectId, optedOut: boolean, keyword: string, messageId: Types.ObjectId) {
    // Hot path: by _id.
    await this.models.ConsentChange.updateOne(
      { _id: messageId },
      { $setOnInsert: { contactId, optedOut, keyword, messageId, at: new Date() } },
      { upsert: true },
    );
  }
}

function keywordSet(list: string): Set<string> {
  return new Set(
    list
      .split(',')
      .map((w) => w.trim().toUpperCase())
      .filter(Boolean),
  );
}

/** The message's text reduced to one upper-case word, or null when it says more than a keyword. */
function keywordOf(content: MessageContent): string | null {
  const text = content.type === 'text' ? content.body : content.type === 'button' ? content.text : null;
  if (!text) return null;
  const word = text
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .toUpperCase();
  return word && !word.includes(' ') ? word : null;
}
