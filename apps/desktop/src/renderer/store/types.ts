import type { StateCreator } from 'zustand';
import type { Failure } from '../i18n/errors';
import type { AttachmentsSlice } from './slices/attachments';
import type { BoardSlice } from './slices/board';
import type { ComposerSlice } from './slices/composer';
import type { ConnectionSlice } from './slices/connection';
import type { ContactSlice } from './slices/contact';
import type { ContextSlice } from './slices/context';
import type { FailedSendsSlice } from './slices/failed-sends';
import type { InboundDeadLettersSlice } from './slices/inbound-dead-letters';
import type { InboxSlice } from './slices/inbox';
import type { MentionsSlice } from './slices/mentions';
import type { PresenceSlice } from './slices/presence';
import type { ReportsSlice } from './slices/reports';
import type { SearchSlice } from './slices/search';
import type { SessionSlice } from './slices/session';
import type { ThreadSlice } from './slices/thread';
import type { ToastSlice } from './slices/toasts';

export type Store = SessionSlice &
  ConnectionSlice &
  InboxSlice &
  SearchSlice &
  ThreadSlice &
  ContextSlice &
  ContactSlice &
  ComposerSlice &
  AttachmentsSlice &
  FailedSendsSlice &
  BoardSlice &
  InboundDeadLettersSlice &
  MentionsSlice &
  PresenceSlice &
  ToastSlice &
  ReportsSlice;

export type Slice<T> = StateCreator<Store, [], [], T>;

/**
 * A failed command as the store keeps it: its shared error code (which the interface translates) and the
 * engine's or server's own message (shown beneath, as the detail). In Electron a failure arrives as a plain
 * `{ name: 'InboxError', code, message }` (IPC drops an Error's own fields), in the browser as an Error with
 * `code`: both carry `code` and `message`; anything else has no code the interface knows.
 */
export function describeError(error: unknown): Failure {
  const fields = typeof error === 'object' && error !== null ? (error as { code?: unknown; message?: unknown }) : {};
  const code = typeof fields.code === 'string' ? fields.code : 'UNKNOWN';
  return { code, message: typeof fields.message === 'string' ? fields.message : String(error) };
}
