import type { InboxCommand, InboxPush } from './inbox-api.js';

/**
 * Every IPC channel between Electron's main process and the preload, declared once. Kept apart from
 * inbox-api.ts so the sandboxed preload bundle carries no zod and no schemas: only these names.
 */
export const invokeChannel = (command: InboxCommand) => `switchboard:invoke:${command}` as const;
export const pushChannel = (push: InboxPush) => `switchboard:push:${push}` as const;

/** What a command's promise rejects with in Electron: a plain object, since IPC drops an Error's own fields. */
export type InboxErrorObject = { name: 'InboxError'; code: string; message: string };
