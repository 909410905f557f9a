import { initial } from './001-initial.js';
import { outbox } from './002-outbox.js';
import { inboxViews } from './003-inbox-views.js';
import { search } from './004-search.js';
import { serverCanned } from './005-server-canned.js';
import { outboxFailures } from './006-outbox-failures.js';
import type { Migration } from './migration.js';

/** Every migration, oldest first. A new one is appended here, never edited into an old one. */
export const MIGRATIONS: readonly Migration[] = [initial, outbox, inboxViews, search, serverCanned, outboxFailures];
