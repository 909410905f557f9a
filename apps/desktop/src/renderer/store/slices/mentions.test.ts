import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { MentionDTO } from '@switchboard/shared';
import { newId } from '../test-support/fixtures';
import { removePageGlobals, resetStore, testBridge, useStore } from '../test-support/store-harness';

afterEach(resetStore);
afterAll(removePageGlobals);

const mention = (conversationId: string, readAt: string | null = null): MentionDTO => ({
  id: newId(),
  conversationId,
  messageId: newId(),
  author: { id: newId(), name: 'Bea Nunes' },
  excerpt: '@Ana can you check?',
  contactName: 'Rita',
  createdAt: '2026-12-01T10:00:00.000Z',
  readAt,
});

describe('the mentions slice', () => {
  it('opening a conversation I was named in reads its mentions, and only then', async () => {
    const [named, other] = [newId(), newId()];
    testBridge.answer('mentions:list', () => ({
      items: [mention(named), mention(other, '2026-12-01T09:00:00.000Z')],
      unreadCount: 1,
    }));
    testBridge.answer('mentions:read', () => ({ unreadCount: 0 }));
    await useStore.getState().loadMentions();
    expect(useStore.getState().unreadMentions).toBe(1);

    useStore.getState().select(other);
    await testBridge.settle();
    expect(testBridge.callsOf('mentions:read')).toEqual([]);

    useStore.setState({ screen: 'mentions' });
    useStore.getState().openMention(useStore.getState().mentions[0]!);
    await testBridge.settle();
    expect(testBridge.callsOf('mentions:read')).toEqual([[named]]);
    expect(useStore.getState()).toMatchObject({ screen: 'inbox', selectedId: named, unreadMentions: 0 });
    expect(useStore.getState().mentions[0]!.readAt).not.toBeNull();
  });
});
