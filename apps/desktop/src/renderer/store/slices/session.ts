import type { Locale, UserDTO } from '@switchboard/shared';
import { applyLocale } from '../../i18n';
import type { Failure } from '../../i18n/errors';
import type { SessionState } from '../../../contract/inbox-api';
import { sessionService } from '../../services/session.service';
import { describeError, type Slice } from '../types';

export type SessionSlice = {
  user: UserDTO | null;
  serverUrl: string | null;
  /** False until the engine said whether someone is signed in, so the login form never flashes. */
  sessionKnown: boolean;
  loggingIn: boolean;
  loginError: Failure | null;
  agentStatus: 'online' | 'away';
  loadSession(): Promise<void>;
  applySession(session: SessionState): void;
  login(serverUrl: string, email: string, password: string): Promise<void>;
  logout(): Promise<void>;
  setAgentStatus(status: 'online' | 'away'): Promise<void>;
  /** Speaks `locale` at once, and saves it as the signed-in user's choice (on the sign-in form: this device's). */
  setLocale(locale: Locale): Promise<void>;
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
    // The user's saved choice wins; with none yet, the interface keeps the device's (or the OS's) language.
    if (session.user?.locale) applyLocale(session.user.locale);
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
    await get().resolvePending();
    const session = await sessionService.logout();
    // The next person to sign in at this window must not see what the last one had open or half-wrote.
    set(store.getInitialState(), true);
    get().applySession(session);
  },

  async setLocale(locale) {
    applyLocale(locale);
    if (!get().user) return;
    try {
      get().applySession(await sessionService.setLocale(locale));
    } catch (error) {
      get().reportError(error);
    }
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
