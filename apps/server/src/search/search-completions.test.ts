import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConversationDTO, ConversationEventDTO, MessageDTO, SearchHit } from '@switchboard/shared';
import type { Viewer } from '../domain/viewer.js';
import { SearchIndex } from './search-index.js';
import { SearchService } from './search.service.js';

const admin = { seesEverything: true } as Viewer;
let index: SearchIndex;
let service: SearchService;
let written = 0;

function conversation(id: string): ConversationEventDTO {
  const data = {
    id,
    channelId: 'c1',
    status: 'open',
    assigneeId: null,
    queueId: null,
    labels: [],
    seq: 1,
    lastMessageAt: new Date().toISOString(),
    contact: { id: `k-${id}`, waId: '5215500000000', profileName: 'Cliente', name: null, email: null },
  } as unknown as ConversationDTO;
  return { type: 'conversation:updated', data } as ConversationEventDTO;
}

function message(conversationId: string, body: string): ConversationEventDTO {
  written += 1;
  const data = {
    id: `m${written}`,
    conversationId,
    channelId: 'c1',
    direction: 'inbound',
    content: { type: 'text', body },
    sentAt: new Date(Date.UTC(2026, 0, 1) + written * 1000).toISOString(),
  } as unknown as MessageDTO;
  return { type: 'message:created', data } as ConversationEventDTO;
}

const search = (q: string) => service.search({ q, limit: 100 }, admin).hits.filter((h) => h.kind === 'message');
const matched = (hits: SearchHit[]) => hits.flatMap((h) => h.snippet.filter((p) => p.match).map((p) => p.text));

beforeEach(() => {
  index = new SearchIndex(':memory:');
  service = new SearchService(index);
  written = 0;
});
afterEach(() => index.close());

describe('a word being typed', () => {
  it('finds every word it starts, accents folded, each highlighted', () => {
    index.apply([
      conversation('a'),
      message('a', 'Quiero hacer una devolución'),
      message('a', 'Las devoluciones tardan mucho'),
      message('a', '¿Me pueden devolver el dinero?'),
      message('a', 'Gracias por todo'),
    ]);
    expect(matched(search('devol')).sort()).toEqual(['devoluciones', 'devolución', 'devolver']);
    expect(matched(search('DEVOLUCION')).sort()).toEqual(['devoluciones', 'devolución']);
    expect(matched(search('gracias devol'))).toEqual([]);
    expect(matched(search('tardan devol')).sort()).toEqual(['devoluciones', 'tardan']);
  });

  it('still finds them all when a prefix starts more words than it completes', () => {
    const words = Array.from({ length: 80 }, (_, i) => `pedido${i.toString(36).padStart(2, '0')}x`);
    index.apply([conversation('b'), ...words.map((w) => message('b', `el ${w} llegó`))]);
    expect(search('pedido')).toHaveLength(80);
    expect(search('pedido1')).toHaveLength(words.filter((w) => w.startsWith('pedido1')).length);
  });
});
