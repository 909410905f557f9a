import { z } from 'zod';
import {
  CannedReplyDTO,
  ChannelDTO,
  ConversationDTO,
  DeadLetterDTO,
  InboundDeadLetterDTO,
  InboundReplayAllResult,
  InboundReplayResult,
  MentionListDTO,
  MessageDTO,
  QueueStateDTO,
  ReportDTO,
  SearchResult,
  TemplateDTO,
  TimelineEntryDTO,
  TransferTargetsDTO,
  UserDTO,
} from '@switchboard/shared';
import type {
  InboxCommand,
  InboxCommandArgs,
  InboxCommandResults,
  PendingReply,
  SessionState,
} from '../contract/inbox-api.js';
import type { OutboxEntry } from '../engine/db/cache.js';
import type { RestClient } from '../engine/rest-client.js';
import type { SyncEngine } from '../engine/sync-engine.js';
import { isNetworkFailure } from './command-errors.js';
import { contactCommands } from './contact-commands.js';
import { act } from './conversation-act.js';
import { settingsRequest } from './settings-request.js';
import type { WiderViews } from './wider-views.js';

export type Handlers = {
  [C in InboxCommand]: (...args: z.output<(typeof InboxCommandArgs)[C]>) => Promise<InboxCommandResults[C]>;
};

/** What a signed-in session offers the commands. */
export type LiveSession = {
  user: UserDTO;
  engine: SyncEngine;
  rest: RestClient;
  /** The newest board state seen (REST or push), for supervisors; empty until one arrives. */
  board: QueueStateDTO[];
  recordBoard(states: QueueStateDTO[]): Promise<void>;
  /** Last answers of server-only lists, shown while offline. */
  lastKnown: Map<string, unknown>;
  /** Brings the views the server does not push live up to date when they are opened. */
  widerViews: WiderViews;
};

export type CommandContext = {
  state(): SessionState;
  session(): LiveSession;
  login(serverUrl: string, email: string, password: string): Promise<SessionState>;
  logout(): Promise<SessionState>;
  /** The server's newer copy of the signed-in user: kept with the saved session and pushed to the renderer. */
  updateUser(user: UserDTO): Promise<SessionState>;
  mediaUrl(messageId: string): string;
  now(): Date;
};

/** A report's filters as the server's query string, leaving out the ones not set. */
const reportParams = (query: Record<string, string | undefined>) =>
  new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined));

const items = <S extends z.ZodTypeAny>(item: S) => z.object({ items: z.array(item) });
const MentionsRead = z.object({ unreadCount: z.number().int() });
const TimelineItem = TimelineEntryDTO.extend({ seq: z.number().int(), at: z.string() });

export const toPendingReply = (entry: OutboxEntry): PendingReply => ({
  clientMessageId: entry.clientMessageId,
  conversationId: entry.conversationId,
  request: entry.request,
  state: entry.state,
  attempts: entry.attempts,
  error: entry.lastError,
  errorCode: entry.errorCode,
  issues: entry.errorIssues,
  createdAt: entry.createdAt,
});

/** Asks the server, and answers from what this device last saw when the server cannot be reached. */
async function orOffline<T>(fetchFresh: () => Promise<T>, cached: () => Promise<T>): Promise<T> {
  try {
    return await fetchFresh();
  } catch (error) {
    if (isNetworkFailure(error)) return cached();
    throw error;
  }
}

export function inboxCommands(ctx: CommandContext): Handlers {
  const path = (template: string, id: string) => template.replace(':id', encodeURIComponent(id));

  /** A server list remembered in memory, so it still shows while offline. */
  async function remembered<T>(key: string, fetchFresh: (rest: RestClient) => Promise<T>, empty: T): Promise<T> {
    const { rest, lastKnown } = ctx.session();
    return orOffline(
      async () => {
        const fresh = await fetchFresh(rest);
        lastKnown.set(key, fresh);
        return fresh;
      },
      async () => (lastKnown.get(key) as T | undefined) ?? empty,
    );
  }

  async function fetchBoard(): Promise<QueueStateDTO[]> {
    const session = ctx.session();
    return orOffline(
      async () => {
        const { items: states } = await session.rest.get('/api/queues', items(QueueStateDTO));
        await session.recordBoard(states);
        return states;
      },
      async () => session.board,
    );
  }

  return {
    'session:get': async () => ctx.state(),
    'session:login': async ({ serverUrl, email, password }) => ctx.login(serverUrl, email, password),
    'session:logout': () => ctx.logout(),
    'agent:set-status': async (status) => {
      await ctx.session().rest.call('PUT', '/api/me/status', { status }, z.undefined());
    },
    'session:set-locale': async (locale) =>
      ctx.updateUser(await ctx.session().rest.call('PATCH', '/api/me', { locale }, UserDTO)),
    'inbox:list': async (request) => {
      const { engine, user, widerViews } = ctx.session();
      widerViews.listOpened(request.view);
      return engine.listInbox({ ...request, userId: user.id, now: ctx.now().toISOString() });
    },
    'replies:counts': () => ctx.session().engine.replyCounts(),
    'inbox:unread': async () => {
      const { engine, user } = ctx.session();
      const mine = await engine.listInbox({
        view: 'mine',
        sort: 'recent',
        userId: user.id,
        now: ctx.now().toISOString(),
      });
      return mine.reduce((sum, c) => sum + c.unreadCount, 0);
    },
    'conversation:get': (id) => ctx.session().engine.getConversation(id),
    'conversation:read': (id) => ctx.session().engine.markRead(id),
    'conversation:act': async (id, action) => {
      const { rest, engine } = ctx.session();
      const updated = await act(rest, id, action);
      // The cache follows the server's change log, not this answer, so it never skips an event.
      await engine.refresh(id).catch(() => undefined);
      return updated;
    },
    'conversation:view': (id) => ctx.session().engine.view(id),
    'conversation:typing': async (id, typing) => ctx.session().engine.typing(id, typing),
    'thread:get': async (id) => {
      const { engine, widerViews } = ctx.session();
      widerViews.conversationOpened(id);
      const [messages, outbox, settledFailures] = await Promise.all([
        engine.listMessages(id),
        engine.listOutbox(id),
        engine.listDismissedFailures(id),
      ]);
      // A sent reply is one of the messages; pending and failed ones are shown beside them, discarded ones not.
      const unsent = outbox.filter((e) => e.state === 'pending' || e.state === 'failed');
      return { messages, pending: unsent.map(toPendingReply), settledFailures };
    },
    'timeline:get': async (id) => {
      const { rest, engine } = ctx.session();
      await orOffline(
        async () =>
          engine.saveTimeline(
            id,
            (await rest.get(path('/api/conversations/:id/timeline', id), items(TimelineItem))).items,
          ),
        async () => undefined,
      );
      return engine.listTimeline(id);
    },
    'contact:history': (contactId) => {
      const { rest, engine } = ctx.session();
      return orOffline(
        async () => (await rest.get(path('/api/contacts/:id/conversations', contactId), items(ConversationDTO))).items,
        () => engine.contactHistory(contactId),
      );
    },
    ...contactCommands(() => ctx.session().rest),
    'reply:send': async (id, request) => toPendingReply(await ctx.session().engine.sendReply(id, request)),
    'attachment:write': async (fileId, offset, base64) => ({
      size: await ctx.session().engine.stageFile(fileId, offset, Buffer.from(base64, 'base64')),
    }),
    'attachment:discard': (fileId) => ctx.session().engine.discardStagedFile(fileId),
    'reply:send-file': async (id, reply) => toPendingReply(await ctx.session().engine.sendFile(id, reply)),
    'reply:retry': async (clientMessageId) => toPendingReply(await ctx.session().engine.retryReply(clientMessageId)),
    'reply:discard': async (clientMessageId) =>
      toPendingReply(await ctx.session().engine.discardReply(clientMessageId)),
    'reply:replace': async (clientMessageId, request) =>
      toPendingReply(await ctx.session().engine.replaceReply(clientMessageId, request)),
    'message:settle-failure': async (conversationId, messageId, request) => {
      const entry = await ctx.session().engine.settleFailedMessage(conversationId, messageId, request);
      return entry && toPendingReply(entry);
    },
    'templates:list': () =>
      remembered('templates', async (rest) => (await rest.get('/api/templates', items(TemplateDTO))).items, []),
    'canned:list': async () => {
      const { rest, engine } = ctx.session();
      // Kept in the cache, so `/` still offers them offline and after a restart.
      return orOffline(
        async () => {
          const { items: replies } = await rest.get('/api/canned-replies', items(CannedReplyDTO));
          const rows = replies.map(({ id, scope, language, shortcut, title, text }) => ({
            id,
            scope,
            language,
            shortcut,
            title,
            text,
          }));
          await engine.replaceCanned(rows);
          return rows;
        },
        () => engine.listCanned(),
      );
    },
    'board:get': fetchBoard,
    'board:history': () => ctx.session().engine.boardHistory(ctx.now()),
    'agents:list': () => remembered('agents', listAgents, []),
    'transfer:targets': () =>
      remembered('transfer-targets', (rest) => rest.get('/api/transfer-targets', TransferTargetsDTO), {
        queues: [],
        agents: [],
      }),
    'dead-letters:list': () =>
      remembered('dead-letters', async (rest) => (await rest.get('/api/outbox/dead', items(DeadLetterDTO))).items, []),
    'dead-letters:replay': (id) =>
      ctx.session().rest.call('POST', path('/api/outbox/:id/replay', id), undefined, MessageDTO),
    'intake-dead-letters:list': () =>
      remembered(
        'intake-dead-letters',
        async (rest) => (await rest.get('/api/intake/dead', items(InboundDeadLetterDTO))).items,
        [],
      ),
    'intake-dead-letters:replay': (id) =>
      ctx.session().rest.call('POST', path('/api/intake/:id/replay', id), undefined, InboundReplayResult),
    'intake-dead-letters:replay-all': () =>
      ctx.session().rest.call('POST', '/api/intake/dead/replay', undefined, InboundReplayAllResult),
    'media:url': async (id) => ctx.mediaUrl(id),
    'mentions:list': () =>
      remembered('mentions', (rest) => rest.get('/api/mentions', MentionListDTO), { items: [], unreadCount: 0 }),
    'mentions:read': (id) =>
      ctx.session().rest.call('POST', '/api/mentions/read', { conversationId: id }, MentionsRead),
    'reports:get': (query) => ctx.session().rest.get(`/api/reports?${reportParams(query)}`, ReportDTO),
    'reports:export': async (query) => {
      const res = await ctx.session().rest.fetchRaw(`/api/reports/export?${reportParams(query)}`);
      if (!res.ok) throw new Error(`the export answered ${res.status}: ${await res.text()}`);
      return res.text();
    },
    'channels:send-health': async () => ctx.session().engine.sendHealth(),
    'channels:list': () =>
      remembered('channels', async (rest) => (await rest.get('/api/channels', items(ChannelDTO))).items, []),
    'settings:request': (method, path, body) => settingsRequest(ctx.session().rest, method, path, body),
    'search:run': (query) => {
      const { rest, engine } = ctx.session();
      // Offline, the cache answers at once rather than after a request that cannot succeed times out.
      if (engine.connection === 'offline') return engine.searchCache(query);
      const params = new URLSearchParams(
        Object.entries(query).flatMap(([k, v]): [string, string][] => (v === undefined ? [] : [[k, String(v)]])),
      );
      return orOffline(
        () => rest.get(`/api/search?${params}`, SearchResult),
        () => engine.searchCache(query),
      );
    },
  };

  /**
   * The people the board and reports name. Admins read the user list; supervisors see the agents of the board.
   * Agents get an empty list (they see their teammates as transfer targets).
   */
  async function listAgents(rest: RestClient): Promise<UserDTO[]> {
    const { user } = ctx.session();
    if (user.role === 'admin') {
      const { items: users } = await rest.get('/api/users', items(UserDTO));
      return users.filter((u) => u.active && u.role !== 'admin');
    }
    if (user.role !== 'supervisor') return [];
    const board = await fetchBoard();
    const agents = new Map<string, UserDTO>();
    for (const agent of board.flatMap((s) => s.agents)) {
      agents.set(agent.userId, {
        id: agent.userId,
        name: agent.name,
        email: '',
        role: 'agent',
        active: true,
        channelIds: [],
        createdAt: '',
        locale: null,
      });
    }
    return [...agents.values()];
  }
}
