import type { StateCreator } from 'zustand';
import type { BoardSlice } from './slices/board';
import type { ComposerSlice } from './slices/composer';
import type { ConnectionSlice } from './slices/connection';
import type { ContextSlice } from './slices/context';
import type { InboxSlice } from './slices/inbox';
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
  ComposerSlice &
  BoardSlice &
  ToastSlice;

export type Slice<T> = StateCreator<Store, [], [], T>;

/**
 * What a failed command says to a person: the engine's message when it has one. In Electron a failure
 * arrives as a plain `{ name: 'InboxError', code, message }` (IPC drops an Error's own fields), in the
 * browser as an Error: both carry `message`.
 */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  const message = typeof error === 'object' && error !== null ? (error as { message?: unknown }).message : undefined;
  return typeof message === 'string' ? message : String(error);
}
