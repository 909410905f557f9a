import type { Database } from 'better-sqlite3';

/** One schema step. `up` runs inside the transaction that records its version, so a step is all or nothing. */
export type Migration = {
  version: number;
  name: string;
  up(db: Database): void;
};
