import type { UserDTO } from '@switchboard/shared';
import type { SessionState } from '../../../contract/inbox-api';
import { sessionService } from '../../services/session.service';
import { describeError, type Slice } from '../types';

export type SessionSlice = {
  user: UserDTO | null;
  serverUrl: string | null;
  /** False until the engine said whether someone is signed in, so the login form never flashes. */
  sessionKnown: boolean;
  loggingIn: boolean;
  loginError: string | null;
  agentStatus: 'online' | 'away';
  loadSession(): Promise<void>;
  applySession(session: SessionState): void;
  login(serverUrl: string, email: string, password: string): Promise<void>;
  logout(): Promise<void>;
  setAgentStatus(status: 'online' | 'away'): Promise<void>;
};

export const createSessionSlice: Slice<SessionSlice> = (set, get, store) => ({
  user: null,
  serverUrl: null,
  sessionKnown: false,
  loggingIn: false,
  loginError: null,
  agentStatus: 'online',

  async loadSession() {
    try {
      get().applySession(await sessionService.current());
    } catch (error) {
      set({ sessionKnown: true, loginError: describeError(error) });
    }
  },

  applySession(session) {
    const signedIn = session.user && session.user.id !== get().user?.id;
    set({
      user: session.user,
      serverUrl: session.serverUrl ?? session.defaultServerUrl ?? null,
      sessionKnown: true,
      connection: session.connection,
    });
    if (signedIn) get().startInbox();
  },

  async login(serverUrl, email, password) {
    set({ loggingIn: true, loginError: null });
    try {
      get().applySession(await sessionService.login(serverUrl, email, password));
    } catch (error) {
      set({ loginError: describeError(error) });
    } finally {
      set({ loggingIn: false });
    }
  },

  async logout() {
    const session = await sessionService.logout();
    // The next person to sign in at this window must not see what the last one had open or half-wrote.
    set(store.getInitialState(), true);
    get().applySession(session);
  },

  async setAgentStatus(status) {
    const previous = get().agentStatus;
    set({ agentStatus: status });
    try {
      await sessionService.setStatus(status);
    } catch (error) {
      set({ agentStatus: previous });
      get().reportError(error);
    }
  },
});
