import type { Database } from 'better-sqlite3';
import type { Migration } from './migrations/migration.js';

export function schemaVersion(db: Database): number {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, appliedAt TEXT NOT NULL)',
  );
  const row = db.prepare('SELECT MAX(version) AS version FROM schema_version').get() as { version: number | null };
  return row.version ?? 0;
}

/**
 * Brings the database up to `target` (by default the newest), one migration per transaction, so a crash
 * leaves it at a version it really has. A database newer than this app is refused rather than misread.
 */
export function migrate(db: Database, migrations: readonly Migration[], target = migrations.length): number {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
  const current = schemaVersion(db);
  if (current > migrations.length) {
    throw new Error(`the cache is at schema version ${current}, newer than this app knows (${migrations.length})`);
  }
  const record = db.prepare('INSERT INTO schema_version (version, name, appliedAt) VALUES (?, ?, ?)');
  for (const migration of migrations.slice(current, target)) {
    db.transaction(() => {
      migration.up(db);
      record.run(migration.version, migration.name, new Date().toISOString());
    })();
  }
  return schemaVersion(db);
}
