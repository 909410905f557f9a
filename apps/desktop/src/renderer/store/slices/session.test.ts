import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { conversation, item, user } from '../test-support/fixtures';
import { removePageGlobals, resetStore, testBridge, useStore } from '../test-support/store-harness';

afterEach(resetStore);
afterAll(removePageGlobals);

/** A name only: the store talks to a stand-in bridge, never to a server. */
const SERVER = 'https://inbox.example.test';
const signedIn = (who = user('agent')) => ({ user: who, serverUrl: SERVER, connection: 'online' as const });

describe('the session slice', () => {
  it("shows the sign-in form with the host's default server when nobody is signed in", async () => {
    expect(useStore.getState().sessionKnown).toBe(false);
    testBridge.answer('session:get', () => ({
      user: null,
      serverUrl: null,
      connection: 'offline',
      defaultServerUrl: SERVER,
    }));
    await useStore.getState().loadSession();
    expect(useStore.getState()).toMatchObject({ sessionKnown: true, user: null, serverUrl: SERVER });
  });

  it('opens the inbox of a remembered session at once', async () => {
    const mine = item({ name: 'Ana Costa', unreadCount: 2 });
    testBridge.answer('session:get', () => signedIn());
    testBridge.answer('inbox:list', () => [mine]);
    await useStore.getState().loadSession();
    await vi.waitFor(() => expect(useStore.getState().items.map((c) => c.contact.profileName)).toEqual(['Ana Costa']));
    expect(useStore.getState().connection).toBe('online');
  });

  it('a wrong password keeps what the server said (its code and words) and leaves the form usable', async () => {
    testBridge.fail('session:login', 'UNAUTHENTICATED', 'wrong email or password');
    await useStore.getState().login(SERVER, 'ana@test.local', 'nope');
    expect(useStore.getState()).toMatchObject({
      user: null,
      loggingIn: false,
      loginError: { code: 'UNAUTHENTICATED', message: 'wrong email or password' },
    });
    expect(testBridge.callsOf('session:login')).toEqual([
      [{ serverUrl: SERVER, email: 'ana@test.local', password: 'nope' }],
    ]);
  });

  it("signing in clears the last error and loads the inbox and the composer's templates", async () => {
    useStore.setState({ loginError: { code: 'UNAUTHENTICATED', message: 'wrong email or password' } });
    const ana = user('agent', 'Ana Agent');
    testBridge.answer('session:login', () => signedIn(ana));
    testBridge.answer('inbox:list', () => [item({ name: 'Pedro Alves' })]);
    const login = useStore.getState().login(SERVER, 'ana@test.local', 'right-password');
    expect(useStore.getState()).toMatchObject({ loggingIn: true, loginError: null });
    await login;
    expect(useStore.getState()).toMatchObject({ user: { name: 'Ana Agent' }, loggingIn: false });
    await vi.waitFor(() => expect(useStore.getState().items).toHaveLength(1));
    expect(testBridge.callsOf('templates:list')).toHaveLength(1);
  });

  it("signing out shows the sign-in form and forgets the last person's list, conversation and drafts", async () => {
    const open = conversation({ name: 'Maria Oliveira' });
    useStore.setState({
      ...signedIn(),
      items: [item({ id: open.id })],
      selectedId: open.id,
      selectedConversation: open,
    });
    useStore.getState().setDraft(open.id, { text: 'Half-written reply to Maria' });
    testBridge.answer('session:logout', () => ({ user: null, serverUrl: null, connection: 'offline' }));
    await useStore.getState().logout();
    const state = useStore.getState();
    expect(state).toMatchObject({
      user: null,
      sessionKnown: true,
      items: [],
      selectedId: null,
      selectedConversation: null,
      thread: null,
    });
    expect(state.drafts).toEqual({});
  });

  it('an away status that the server refuses goes back to online, with the reason shown', async () => {
    testBridge.fail('agent:set-status', 'UNAVAILABLE', 'the server cannot be reached; try again when online');
    await useStore.getState().setAgentStatus('away');
    expect(useStore.getState().agentStatus).toBe('online');
    expect(useStore.getState().toasts).toEqual([
      expect.objectContaining({ tone: 'error', body: 'the server cannot be reached; try again when online' }),
    ]);
  });
});
