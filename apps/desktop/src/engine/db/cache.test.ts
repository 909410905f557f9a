import { afterAll, describe, expect, it } from 'vitest';
import type { ConversationDTO, ConversationEventDTO, MessageDTO } from '@switchboard/shared';
import { at, conversation, message } from '../test-support/dto-fixtures.js';
import { tempDir } from '../test-support/fixtures.js';
import { openCache } from './cache.js';

const dir = tempDir();
afterAll(() => dir.remove());

const created = (
  m: MessageDTO,
  seq: number,
  type: 'message:created' | 'message:status-updated' = 'message:created',
): ConversationEventDTO => ({ id: `e${seq}`, conversationId: m.conversationId, seq, at: at(seq), type, data: m });
const updated = (c: ConversationDTO, seq: number): ConversationEventDTO => ({
  id: `e${seq}`,
  conversationId: c.id,
  seq,
  at: at(seq),
  type: 'conversation:updated',
  data: { ...c, seq },
});

describe('the cache', () => {
  it('applies events only in sequence: the next is applied, a repeat is a duplicate, a jump is a gap', async () => {
    const cache = await openCache(dir.file());
    expect(await cache.applyEvent(created(message('m1', 'c1', 1), 1))).toBe('applied');
    expect(await cache.applyEvent(created(message('m1', 'c1', 1), 1))).toBe('duplicate');
    expect(await cache.applyEvent(created(message('m3', 'c1', 3), 3))).toBe('gap');
    expect(await cache.seqOf('c1')).toBe(1);
    expect((await cache.listMessages('c1')).map((m) => m.id)).toEqual(['m1']);
    // A conversation known only from its messages is not listed until its own data arrives.
    expect(await cache.listConversations()).toEqual([]);
    expect(await cache.applyEvent(updated(conversation('c1', 0, { lastMessageAt: at(1) }), 2))).toBe('applied');
    expect((await cache.listConversations()).map((c) => [c.id, c.seq])).toEqual([['c1', 2]]);
    expect(await cache.applyEvent(created(message('m1', 'c1', 1, 'read'), 3, 'message:status-updated'))).toBe(
      'applied',
    );
    expect((await cache.listMessages('c1'))[0]!.status).toBe('read');
    await cache.close();
  });

  it('takes a REST snapshot only when it is newer than what is cached', async () => {
    const cache = await openCache(dir.file());
    expect(await cache.upsertConversation(conversation('c1', 5), [message('m1', 'c1', 1)])).toBe(true);
    expect(await cache.upsertConversation(conversation('c1', 4, { status: 'resolved' }), [])).toBe(false);
    expect(await cache.upsertConversation(conversation('c1', 5, { status: 'resolved' }), [])).toBe(false);
    expect((await cache.listConversations())[0]!.status).toBe('open');
    expect(await cache.applyEvent(created(message('m2', 'c1', 2), 6))).toBe('applied');
    expect(await cache.conversationSeqs()).toEqual(new Map([['c1', 6]]));
    await cache.close();
  });

  it('never moves a reply status back, whether a stale copy comes as an event or in a snapshot', async () => {
    const cache = await openCache(dir.file());
    const reply = (status: MessageDTO['status']) => ({
      ...message('r1', 'c2', 1, status),
      direction: 'outbound' as const,
    });
    await cache.applyEvent(created(reply('queued'), 1));
    await cache.applyEvent(created(reply('read'), 2, 'message:status-updated'));
    expect(await cache.applyEvent(created(reply('delivered'), 3, 'message:status-updated'))).toBe('applied');
    expect(await cache.applyEvent(created(reply('queued'), 4, 'message:status-updated'))).toBe('applied');
    expect((await cache.listMessages('c2'))[0]!.status).toBe('read');
    await cache.upsertConversation(conversation('c2', 5), [reply('sent')]);
    expect((await cache.listMessages('c2'))[0]!.status).toBe('read');
    // A dead reply a supervisor replays really is queued again.
    const replayed = { ...reply('dead'), id: 'r2' };
    await cache.applyEvent(created(replayed, 6));
    await cache.applyEvent(created({ ...replayed, status: 'queued' }, 7, 'message:status-updated'));
    expect((await cache.listMessages('c2')).map((m) => m.status)).toEqual(['read', 'queued']);
    await cache.close();
  });

  it('lists messages of the same second in the order they arrived, as the server does', async () => {
    const cache = await openCache(dir.file());
    const same = (id: string, arrivedMinute: number) => ({ ...message(id, 'c3', 1), createdAt: at(arrivedMinute) });
    await cache.upsertConversation(conversation('c3', 1), [same('f', 2), same('a', 4), same('c', 3)]);
    expect((await cache.listMessages('c3')).map((m) => m.id)).toEqual(['f', 'c', 'a']);
    await cache.close();
  });

  it('lists conversations by last message, either way, and finds them by name, number or preview', async () => {
    const cache = await openCache(dir.file());
    await cache.upsertConversation(
      conversation('a', 1, { lastMessageAt: at(5), lastMessagePreview: 'boleto 50%' }),
      [],
    );
    await cache.upsertConversation(
      conversation('b', 1, {
        lastMessageAt: at(9),
        contact: { ...conversation('b', 1).contact, profileName: 'Bruno', waId: '5521977770000' },
      }),
      [],
    );
    await cache.upsertConversation(conversation('c', 1, { lastMessageAt: null }), []);
    expect((await cache.listConversations()).map((c) => c.id)).toEqual(['b', 'a', 'c']);
    expect((await cache.listConversations({ sort: 'oldest' })).map((c) => c.id)).toEqual(['a', 'b', 'c']);
    expect((await cache.listConversations({ search: 'brun' })).map((c) => c.id)).toEqual(['b']);
    expect((await cache.listConversations({ search: '2197777' })).map((c) => c.id)).toEqual(['b']);
    expect((await cache.listConversations({ search: '50%' })).map((c) => c.id)).toEqual(['a']);
    expect((await cache.listConversations({ search: '%' })).map((c) => c.id)).toEqual(['a']);
    await cache.close();
  });

  it('keeps replies in order through their states, and everything survives reopening the file', async () => {
    const file = dir.file();
    const cache = await openCache(file);
    await cache.enqueueOutbox('reply-0001', 'c1', { type: 'text', body: 'one' });
    await cache.enqueueOutbox('reply-0002', 'c1', { type: 'text', body: 'two' });
    await cache.enqueueOutbox('reply-0003', 'c1', { type: 'note', body: 'three' });
    await cache.recordOutboxAttempt('reply-0001');
    const sent = await cache.markOutboxSent('reply-0001', { ...message('m9', 'c1', 9), clientMessageId: 'reply-0001' });
    expect(sent).toMatchObject({ state: 'sent', attempts: 1, lastError: null });
    expect(
      await cache.markOutboxFailed('reply-0002', { code: 'WINDOW_CLOSED', message: 'the window closed' }),
    ).toMatchObject({
      state: 'failed',
      lastError: 'the window closed',
    });
    await cache.setMeta('lastSyncAt', at(10));
    await cache.close();

    const reopened = await openCache(file);
    expect((await reopened.listPendingOutbox()).map((e) => [e.clientMessageId, e.request])).toEqual([
      ['reply-0003', { type: 'note', body: 'three' }],
    ]);
    expect((await reopened.listOutbox('c1')).map((e) => e.state)).toEqual(['sent', 'failed', 'pending']);
    expect((await reopened.listMessages('c1')).map((m) => m.clientMessageId)).toEqual(['reply-0001']);
    expect(await reopened.getMeta('lastSyncAt')).toBe(at(10));
    expect(await reopened.getMeta('user')).toBeNull();
    await reopened.close();
  });
});
