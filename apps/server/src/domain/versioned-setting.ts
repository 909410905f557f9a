import type { AuditEntityType } from '@switchboard/shared';
import { AppError } from '../lib/errors.js';
import { isDuplicateKeyError, type Models } from '../models/index.js';
import type { Actor, AuditLog } from './audit-log.js';

/** A value every process keeps current: what services read on their hot path, with no database round trip. */
export type Live<T> = { current(): T };

export type SettingMeta = { version: number; updatedAt: string; updatedBy: { id: string; name: string } | null };

export type VersionedSettingSpec<C, T> = {
  /** The document's id, and the audit log's entity type. */
  key: AuditEntityType;
  /** As the audit log names it. */
  name: string;
  /** The content on first start (read from the shipped file). */
  seed: () => C;
  /** Checks stored content and builds what services use; throws on content that is not valid. */
  build: (content: C) => T;
  /** The content as the audit log compares it, one field per part an admin thinks of (a rule, a priority). */
  auditView: (content: C) => Record<string, unknown>;
};

type Loaded<C, T> = SettingMeta & { content: C; value: T };

/**
 * A setting edited as one document (priority rules, SLA policies): seeded from its file on first start, then
 * the database is its source of truth. This process applies its own saves at once; `refresh` (a polling loop
 * in every process, one read by `_id`) picks up another process's within its interval. A save names the
 * version it edited, so one admin cannot overwrite another's change unseen.
 */
export class VersionedSetting<C, T> implements Live<T> {
  private loaded: Loaded<C, T> | null = null;

  constructor(
    private readonly models: Models,
    private readonly audit: AuditLog,
    private readonly spec: VersionedSettingSpec<C, T>,
  ) {}

  /** Seeds the document if there is none (one process wins the insert), then reads it. */
  async load(): Promise<void> {
    const content = this.spec.seed();
    try {
      await this.models.Setting.create({
        _id: this.spec.key,
        version: 1,
        content: JSON.stringify(content),
        updatedAt: new Date(),
        updatedBy: null,
      });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    await this.read();
  }

  current(): T {
    return this.state().value;
  }

  document(): SettingMeta & { content: C } {
    const { value: _value, ...document } = this.state();
    return document;
  }

  /** Reads the document again when another process saved a newer version; true when it changed here. */
  async refresh(): Promise<boolean> {
    const stored = await this.models.Setting.findById(this.spec.key, { version: 1 }).lean();
    if (!stored || stored.version === this.loaded?.version) return false;
    await this.read();
    return true;
  }

  /** `content` must be checked already (the route parses it with the shared schema). */
  async save(content: C, editedVersion: number, actor: Actor): Promise<SettingMeta & { content: C }> {
    const value = this.spec.build(content);
    const conflict = new AppError(
      'CONFLICT',
      `${this.spec.name} changed since version ${editedVersion} (someone else saved); reload and apply your change again`,
    );
    const before = await this.models.Setting.findById(this.spec.key).lean().orFail();
    if (before.version !== editedVersion) throw conflict;
    const updatedBy = { id: actor.id, name: actor.name };
    // The version in the filter makes the write conditional: of two saves of one version, one lands.
    const saved = await this.models.Setting.findOneAndUpdate(
      { _id: this.spec.key, version: editedVersion },
      { $set: { content: JSON.stringify(content), updatedAt: new Date(), updatedBy, version: editedVersion + 1 } },
      { new: true },
    ).lean();
    if (!saved) throw conflict;
    this.loaded = { ...metaOf(saved), content, value };
    await this.audit.record(actor, {
      action: `${this.spec.key}.updated`,
      entity: { type: this.spec.key, id: this.spec.key, name: this.spec.name },
      before: this.spec.auditView(JSON.parse(before.content) as C),
      after: this.spec.auditView(content),
    });
    return this.document();
  }

  private async read(): Promise<void> {
    const stored = await this.models.Setting.findById(this.spec.key).lean().orFail();
    const content = JSON.parse(stored.content) as C;
    this.loaded = { ...metaOf(stored), content, value: this.spec.build(content) };
  }

  private state(): Loaded<C, T> {
    if (!this.loaded) throw new Error(`${this.spec.name} are used before load()`);
    return this.loaded;
  }
}

function metaOf(stored: {
  version: number;
  updatedAt: Date;
  updatedBy?: { id?: string | null; name?: string | null } | null;
}): SettingMeta {
  const by = stored.updatedBy;
  return {
    version: stored.version,
    updatedAt: stored.updatedAt.toISOString(),
    updatedBy: by?.id && by.name ? { id: by.id, name: by.name } : null,
  };
}
