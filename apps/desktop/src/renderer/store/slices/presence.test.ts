// The page's globals first: the i18n and the store's services look for them as they load.
import { removePageGlobals, resetStore, testBridge, useStore } from '../test-support/store-harness';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { TYPING_REFRESH_MS, type ConversationPresenceDTO } from '@switchboard/shared';
import { i18n } from '../../i18n';
import { formattersFor } from '../../i18n/format';
import { colleaguesPresent } from '../selectors';
import { newId } from '../test-support/fixtures';
import { TYPING_PAUSE_MS } from './presence';

afterEach(async () => {
  useStore.getState().stopTyping();
  vi.useRealTimers();
  await resetStore();
});
afterAll(removePageGlobals);

const typingCalls = () => testBridge.callsOf('conversation:typing');

describe('the presence slice', () => {
  it('tells typing at most every TYPING_REFRESH_MS while the agent writes, and its end after a pause', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const id = newId();
    const { typed } = useStore.getState();
    for (let i = 0; i < 5; i++) {
      typed(id);
      vi.advanceTimersByTime(300);
    }
    expect(typingCalls()).toEqual([[id, true]]);
    vi.advanceTimersByTime(TYPING_REFRESH_MS - 1_500);
    typed(id);
    expect(typingCalls()).toEqual([
      [id, true],
      [id, true],
    ]);
    vi.advanceTimersByTime(TYPING_PAUSE_MS);
    expect(typingCalls().at(-1)).toEqual([id, false]);
    expect(typingCalls()).toHaveLength(3);
  });

  it('ends typing when the agent opens another conversation, and keeps only the open one’s presence', async () => {
    const [first, second] = [newId(), newId()];
    const there: ConversationPresenceDTO = { conversationId: second, viewers: [], typing: [] };
    testBridge.answer('conversation:view', (id) => (id === second ? there : null));
    useStore.setState({ selectedId: first });
    useStore.getState().typed(first);
    useStore.setState({ selectedId: second });
    await useStore.getState().viewConversation(second);
    expect(typingCalls()).toEqual([
      [first, true],
      [first, false],
    ]);
    expect(useStore.getState().presence).toEqual(there);
    useStore.getState().applyPresence({ conversationId: first, viewers: [], typing: [] });
    expect(useStore.getState().presence).toBeNull();
  });
});

describe('who the header names', () => {
  const ana = { userId: newId(), name: 'Ana' };
  const bruno = { userId: newId(), name: 'Bruno' };
  const me = { userId: newId(), name: 'Carla' };

  it('names colleagues only, someone typing once', () => {
    const presence = { conversationId: newId(), viewers: [ana, bruno, me], typing: [ana, me] };
    expect(colleaguesPresent(presence, me.userId)).toEqual({ typing: ['Ana'], viewing: ['Bruno'] });
    expect(colleaguesPresent({ ...presence, viewers: [me], typing: [] }, me.userId)).toEqual({
      typing: [],
      viewing: [],
    });
  });

  it.each([
    ['en', 'Ana and Bruno are viewing', 'Ana is typing…'],
    ['es', 'Ana y Bruno están viendo esta conversación', 'Ana está escribiendo…'],
    ['pt', 'Ana e Bruno estão vendo esta conversa', 'Ana está digitando…'],
  ] as const)('says it in %s', async (locale, viewing, typing) => {
    const t = i18n.getFixedT(locale, 'thread');
    const names = formattersFor(locale).names;
    expect(t('presence.viewing', { count: 2, names: names(['Ana', 'Bruno']) })).toBe(viewing);
    expect(t('presence.typing', { count: 1, names: names(['Ana']) })).toBe(typing);
  });
});
