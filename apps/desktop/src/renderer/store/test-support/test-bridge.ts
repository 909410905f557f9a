import type { z } from 'zod';
import {
  InboxCommandArgs,
  type InboxApi,
  type InboxCommand,
  type InboxCommandArgsOf,
  type InboxCommandResults,
  type InboxPush,
  type InboxPushes,
} from '../../../contract/inbox-api';
import type { InboxErrorObject } from '../../../contract/ipc-channels';

/** An answer gets the arguments as the host does: parsed by the contract, defaults filled in. */
type Answer<C extends InboxCommand> = (
  ...args: z.output<(typeof InboxCommandArgs)[C]>
) => InboxCommandResults[C] | Promise<InboxCommandResults[C]>;
type Answers = { [C in InboxCommand]?: Answer<C> };
export type Call = { command: InboxCommand; args: unknown[] };

/** What a host answers with nobody signed in yet, an empty cache and no server: every list empty. */
const SIGNED_OUT = { user: null, serverUrl: null, connection: 'offline' } as const;
const FRESH: { [C in InboxCommand]: () => InboxCommandResults[C] } = {
  'session:get': () => SIGNED_OUT,
  'session:login': () => {
    throw inboxError('UNAVAILABLE', 'the server cannot be reached; try again when online');
  },
  'session:logout': () => SIGNED_OUT,
  'agent:set-status': () => undefined,
  'session:set-locale': () => {
    throw inboxError('UNAUTHENTICATED', 'sign in first');
  },
  'inbox:list': () => [],
  'replies:counts': () => ({ pending: 0, failed: 0 }),
  'inbox:unread': () => 0,
  'conversation:get': () => null,
  'conversation:read': () => undefined,
  'conversation:act': () => {
    throw inboxError('NOT_FOUND', 'no such conversation');
  },
  'conversation:view': () => null,
  'conversation:typing': () => undefined,
  'thread:get': () => ({ messages: [], pending: [], settledFailures: [] }),
  'timeline:get': () => [],
  'contact:history': () => [],
  'contact:update': () => {
    throw inboxError('UNAUTHENTICATED', 'sign in first');
  },
  'contact:changes': () => [],
  'contact:merge': () => {
    throw inboxError('UNAUTHENTICATED', 'sign in first');
  },
  'contacts:search': () => [],
  'reply:send': () => {
    throw inboxError('NOT_FOUND', 'no such conversation');
  },
  'attachment:write': () => {
    throw inboxError('UNAUTHENTICATED', 'sign in first');
  },
  'attachment:discard': () => undefined,
  'reply:send-file': () => {
    throw inboxError('NOT_FOUND', 'no such conversation');
  },
  'reply:retry': () => {
    throw inboxError('NOT_FOUND', 'no such reply');
  },
  'reply:discard': () => {
    throw inboxError('NOT_FOUND', 'no such reply');
  },
  'reply:replace': () => {
    throw inboxError('NOT_FOUND', 'no such reply');
  },
  'message:settle-failure': () => null,
  'templates:list': () => [],
  'canned:list': () => [],
  'mentions:list': () => ({ items: [], unreadCount: 0 }),
  'mentions:read': () => ({ unreadCount: 0 }),
  'board:get': () => [],
  'board:history': () => [],
  'agents:list': () => [],
  'transfer:targets': () => ({ queues: [], agents: [] }),
  'dead-letters:list': () => [],
  'channels:send-health': () => [],
  'dead-letters:replay': () => {
    throw inboxError('NOT_FOUND', 'no such dead letter');
  },
  'intake-dead-letters:list': () => [],
  'intake-dead-letters:replay': () => {
    throw inboxError('NOT_FOUND', 'no such dead letter');
  },
  'intake-dead-letters:replay-all': () => ({ replayed: 0, failed: 0, items: [] }),
  'media:url': () => '',
  'reports:get': () => {
    throw inboxError('UNAVAILABLE', 'the server cannot be reached; try again when online');
  },
  'reports:export': () => {
    throw inboxError('UNAVAILABLE', 'the server cannot be reached; try again when online');
  },
  'channels:list': () => [],
  'settings:request': () => ({ ok: false, status: 0, code: 'UNAVAILABLE', message: 'no server', issues: [] }),
  'search:run': () => ({ hits: [], nextCursor: null, source: 'device' }),
};

/** A failure as Electron's preload delivers it: a plain object, since IPC drops an Error's own fields. */
export const inboxError = (code: string, message: string): InboxErrorObject => ({ name: 'InboxError', code, message });

/**
 * The contract's InboxApi with no process behind it, for the store's tests: it stands where Electron's
 * preload puts `window.switchboard`. Every call is checked against the contract's argument schemas (a bad
 * request is refused with VALIDATION_FAILED, as the host refuses it) and recorded; a test says what the
 * engine answers (`answer`), fails a command (`fail`) and sends pushes (`push`). Unanswered commands get
 * what a fresh, signed-out host would say.
 */
export class TestBridge implements InboxApi {
  readonly calls: Call[] = [];
  private answers: Answers = {};
  private readonly listeners = new Map<InboxPush, Set<(...payload: never[]) => void>>();
  private readonly inFlight = new Set<Promise<unknown>>();

  answer<C extends InboxCommand>(command: C, answer: Answer<C>): void {
    (this.answers as Record<C, Answer<C>>)[command] = answer;
  }

  fail(command: InboxCommand, code: string, message: string): void {
    this.answer(command, () => Promise.reject(inboxError(code, message)));
  }

  /** The arguments of every call of `command` so far, oldest first. */
  callsOf<C extends InboxCommand>(command: C): InboxCommandArgsOf<C>[] {
    return this.calls.filter((call) => call.command === command).map((call) => call.args as InboxCommandArgsOf<C>);
  }

  invoke<C extends InboxCommand>(command: C, ...args: InboxCommandArgsOf<C>): Promise<InboxCommandResults[C]> {
    this.calls.push({ command, args });
    const run = async () => {
      // Answered on a later turn, as IPC and the WebSocket answer.
      await Promise.resolve();
      const parsed = InboxCommandArgs[command].safeParse(args);
      if (!parsed.success) throw inboxError('VALIDATION_FAILED', `${command}: ${parsed.error.message}`);
      const answer = (this.answers[command] ?? FRESH[command]) as (
        ...a: unknown[]
      ) => InboxCommandResults[C] | Promise<InboxCommandResults[C]>;
      return answer(...(parsed.data as unknown[]));
    };
    const result = run();
    this.inFlight.add(result);
    void result.catch(() => undefined).finally(() => this.inFlight.delete(result));
    return result;
  }

  on<P extends InboxPush>(push: P, listener: (...payload: InboxPushes[P]) => void): () => void {
    const set = this.listeners.get(push) ?? new Set();
    this.listeners.set(push, set);
    const untyped = listener as (...payload: never[]) => void;
    set.add(untyped);
    return () => void set.delete(untyped);
  }

  /** The host pushes to the page: what the engine does when something changed. */
  push<P extends InboxPush>(push: P, ...payload: InboxPushes[P]): void {
    for (const listener of this.listeners.get(push) ?? []) (listener as (...p: InboxPushes[P]) => void)(...payload);
  }

  /** Waits until every call made so far (and those they led to) has been answered. */
  async settle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** Forgets answers, calls and listeners, for the next test. */
  reset(): void {
    this.answers = {};
    this.calls.length = 0;
    this.listeners.clear();
  }
}
