import { createHash } from 'node:crypto';
import path from 'node:path';
import type { QueueStateDTO, UserDTO } from '@switchboard/shared';
import { InboxCommandArgs, type InboxPush, type InboxResult, type SessionState } from '../contract/inbox-api.js';
import { createRestClient, login } from '../engine/rest-client.js';
import { createSyncEngine, type SyncEngineOptions } from '../engine/sync-engine.js';
import { CommandError, describeArgumentIssues, toFailure } from './command-errors.js';
import { forwardEnginePushes, type Push } from './engine-pushes.js';
import { inboxCommands, type Handlers, type LiveSession } from './inbox-commands.js';
import { sessionFile, type SavedSession } from './session-file.js';
import { createWiderViews } from './wider-views.js';

export type InboxServiceOptions = {
  /** Where the session and each user's SQLite cache live. */
  dataDir: string;
  /** The URL the renderer loads an inbound media message from: the Node host and Electron serve it differently. */
  mediaUrl: (messageId: string) => string;
  /** The server the sign-in form offers. */
  defaultServerUrl?: string;
  /** Engine tuning, for tests. */
  engine?: Pick<SyncEngineOptions, 'ackTimeoutMs' | 'reconnectDelayMaxMs' | 'outboxRetryMs'>;
  now?: () => Date;
};

export type PushListener = (push: InboxPush, payload: unknown[]) => void;

export interface InboxService {
  /** Restores the saved session, if any: the cached inbox is readable at once, the network catches up behind. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Validates the command and its arguments with the contract's schemas, then runs it. Never throws. */
  invoke(command: string, args: unknown): Promise<InboxResult<unknown>>;
  onPush(listener: PushListener): () => void;
  /** The server's media for an inbound message, fetched with the session's token. */
  fetchMedia(messageId: string, signal?: AbortSignal): Promise<Response>;
}

/** How often a supervisor's board is sampled for the last-hour charts, even when nothing is pushed. */
const BOARD_SAMPLE_MS = 60_000;

/** The engine's host side, with no Electron in it: the same service runs in Electron's main and in the Node host. */
export function createInboxService(options: InboxServiceOptions): InboxService {
  const now = options.now ?? (() => new Date());
  const saved = sessionFile(options.dataDir);
  const listeners = new Set<PushListener>();
  let live: (LiveSession & { serverUrl: string; close: () => Promise<void> }) | null = null;

  const push: Push = (name, ...payload) => {
    for (const listener of listeners) listener(name, payload);
  };
  const state = (): SessionState => ({
    user: live?.user ?? null,
    serverUrl: live?.serverUrl ?? null,
    connection: live?.engine.connection ?? 'offline',
    ...(options.defaultServerUrl ? { defaultServerUrl: options.defaultServerUrl } : {}),
  });

  /** The server's newer copy of the signed-in user: kept with the saved session and pushed to the renderer. */
  async function keepUser(user: UserDTO): Promise<SessionState> {
    if (!live) throw new CommandError('UNAUTHENTICATED', 'sign in first');
    live.user = user;
    const session = await saved.read(now());
    if (session) await saved.write({ ...session, user });
    push('session-changed', state());
    return state();
  }

  async function open(session: SavedSession): Promise<void> {
    const cacheName = `cache-${createHash('sha256').update(session.serverUrl).digest('hex').slice(0, 12)}-${session.user.id}.sqlite`;
    const engine = createSyncEngine({
      ...options.engine,
      serverUrl: session.serverUrl,
      token: session.token,
      cacheFile: path.join(options.dataDir, cacheName),
    });
    const recordBoard = async (states: QueueStateDTO[]) => {
      if (live?.engine !== engine) return;
      live.board = states;
      await engine
        .recordBoardSample(states, now())
        .catch((error: unknown) => push('problem', `board sample not kept: ${String(error)}`));
    };
    const stopPushes = forwardEnginePushes({
      engine,
      userId: session.user.id,
      push,
      state,
      onBoard: (states) => void recordBoard(states),
      // Changed elsewhere (the language chosen on another machine): this machine follows once it connects.
      onUser: (user) => {
        if (live?.engine === engine && JSON.stringify(user) !== JSON.stringify(live.user))
          void keepUser(user).catch((error: unknown) => push('problem', `user not kept: ${String(error)}`));
      },
    });
    const sampler = setInterval(() => live && live.board.length > 0 && void recordBoard(live.board), BOARD_SAMPLE_MS);
    live = {
      serverUrl: session.serverUrl,
      user: session.user,
      engine,
      rest: createRestClient(session.serverUrl, session.token),
      board: [],
      recordBoard,
      lastKnown: new Map(),
      widerViews: createWiderViews(engine, session.user),
      close: async () => {
        clearInterval(sampler);
        stopPushes();
        await engine.stop();
      },
    };
    await engine.start();
    push('session-changed', state());
  }

  async function close(): Promise<void> {
    const current = live;
    live = null;
    await current?.close();
  }

  const handlers: Handlers = inboxCommands({
    state,
    now,
    mediaUrl: options.mediaUrl,
    session() {
      if (!live) throw new CommandError('UNAUTHENTICATED', 'sign in first');
      return live;
    },
    async login(serverUrl, email, password) {
      if (!/^https?:$/.test(new URL(serverUrl).protocol))
        throw new CommandError('VALIDATION_FAILED', 'serverUrl: must be an http or https URL');
      const origin = new URL(serverUrl).origin;
      const answer = await login(origin, { email, password });
      await close();
      const session = { serverUrl: origin, token: answer.token, expiresAt: answer.expiresAt, user: answer.user };
      await saved.write(session);
      await open(session);
      return state();
    },
    updateUser: keepUser,
    async logout() {
      await close();
      await saved.remove();
      push('session-changed', state());
      return state();
    },
  });

  return {
    async start() {
      const session = await saved.read(now());
      if (session) await open(session);
    },
    stop: close,

    async invoke(command, args) {
      if (!Object.hasOwn(InboxCommandArgs, command))
        return {
          ok: false,
          error: { code: 'VALIDATION_FAILED', message: `command: no command named ${JSON.stringify(command)}` },
        };
      const name = command as keyof typeof InboxCommandArgs;
      const parsed = InboxCommandArgs[name].safeParse(args);
      if (!parsed.success)
        return { ok: false, error: { code: 'VALIDATION_FAILED', message: describeArgumentIssues(parsed.error) } };
      try {
        const run = handlers[name] as (...a: unknown[]) => Promise<unknown>;
        return { ok: true, data: await run(...(parsed.data as unknown[])) };
      } catch (error) {
        return toFailure(error);
      }
    },

    onPush(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },

    async fetchMedia(messageId, signal) {
      if (!live) throw new CommandError('UNAUTHENTICATED', 'sign in first');
      return live.rest.fetchRaw(`/api/messages/${encodeURIComponent(messageId)}/media`, signal);
    },
  };
}
