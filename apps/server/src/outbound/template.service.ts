import {
  renderTemplateBody,
  templateDefinitionIssues,
  templateValueIssues,
  valuesByName,
  type CreateTemplateRequest,
  type ListTemplatesQuery,
  type SendTemplateContent,
  type TemplateChange,
  type TemplateDTO,
  type TemplateSnapshot,
  type TemplateVersionDTO,
  type UpdateTemplateRequest,
  type WhatsAppTemplateComponent,
} from '@switchboard/shared';
import { Types } from 'mongoose';
import { AppError, notFound } from '../lib/errors.js';
import { keyedId } from '../lib/keyed-id.js';
import { isDuplicateKeyError, type Models } from '../models/index.js';
import { toTemplateDTO, toTemplateSnapshot, toTemplateVersionDTO } from '../models/template-dto.js';
import type { TemplateDoc } from '../models/template.model.js';
import type { TemplateVersionDoc } from '../models/template-version.model.js';
import type { Actor, AuditLog } from '../domain/audit-log.js';
import type { DomainEvents } from '../domain/domain-events.js';
import { bodyComponents } from './template-components.js';
import { applyEdit } from './template-edit.js';

/** Who made a change: a person in settings (audited), or the server itself (the built-in catalogue, `id` null). */
export type TemplateActor = Actor | { id: null; name: string };

export type PreparedTemplateSend = {
  template: TemplateDTO;
  version: number;
  components: WhatsAppTemplateComponent[];
  renderedText: string;
};

export const templateIdOf = (name: string, language: string) => keyedId('template', `${name}:${language}`);
const versionIdOf = (templateId: Types.ObjectId, version: number) =>
  keyedId('template-version', `${templateId.toHexString()}:${version}`);
const changedMeanwhile = () => new AppError('CONFLICT', 'the template changed meanwhile; reload it');

/**
 * The template catalogue. A change is first stored as its version (whose `_id` lets one writer take version N),
 * then copied to the template; the catalogue is thus correct on FerretDB, whose updates are not isolated.
 */
export class TemplateService {
  constructor(
    private readonly models: Models,
    private readonly audit: AuditLog,
    private readonly events: DomainEvents,
  ) {}

  async create(input: CreateTemplateRequest, actor: TemplateActor): Promise<TemplateDTO> {
    const templateId = templateIdOf(input.name, input.language);
    const version = await this.recordVersion(templateId, 1, 'created', [], input, actor).catch(
      async (error: unknown) => {
        if (!isDuplicateKeyError(error)) throw error;
        await this.completeVersion(templateId, 1);
        throw new AppError('CONFLICT', `a template named ${input.name} in ${input.language} exists already`);
      },
    );
    const created = toTemplateDTO(await this.apply(version));
    await this.record(actor, 'template.created', null, created);
    this.events.emit('templates.changed', created.id);
    return created;
  }

  /** A new version; refused with 409 when `input.version` is no longer the newest. */
  async update(id: string, input: UpdateTemplateRequest, actor: TemplateActor): Promise<TemplateDTO> {
    const current = await this.find(id);
    if (current.version !== input.version) throw changedMeanwhile();
    const { version: _base, ...edit } = input;
    const { next, changedFields, change } = applyEdit(toTemplateSnapshot(current), edit);
    if (changedFields.length === 0) return toTemplateDTO(current);
    const issues = templateDefinitionIssues(next);
    if (issues.length > 0)
      throw new AppError('VALIDATION_FAILED', 'the template would be invalid after this change', issues);
    const nextVersion = current.version + 1;
    const version = await this.recordVersion(current._id, nextVersion, change, changedFields, next, actor).catch(
      async (error: unknown) => {
        if (!isDuplicateKeyError(error)) throw error;
        await this.completeVersion(current._id, nextVersion);
        throw changedMeanwhile();
      },
    );
    const updated = toTemplateDTO(await this.apply(version));
    await this.record(actor, 'template.updated', toTemplateDTO(current), updated);
    this.events.emit('templates.changed', updated.id);
    return updated;
  }

  private async record(actor: TemplateActor, action: string, before: TemplateDTO | null, after: TemplateDTO) {
    if (actor.id === null) return;
    const recordOf = ({ id: _id, createdAt: _c, updatedAt: _u, review: _r, ...record }: TemplateDTO) => record;
    await this.audit.record(actor, {
      action,
      entity: { type: 'template', id: after.id, name: `${after.name} (${after.language})` },
      before: before ? recordOf(before) : null,
      after: recordOf(after),
    });
  }

  async list(query: ListTemplatesQuery): Promise<TemplateDTO[]> {
    const templates = await this.models.Template.find({ ...query }).sort({ name: 1, language: 1 });
    return templates.map(toTemplateDTO);
  }

  async get(id: string): Promise<TemplateDTO> {
    return toTemplateDTO(await this.find(id));
  }

  /** Every version, oldest first. */
  async history(id: string): Promise<TemplateVersionDTO[]> {
    const template = await this.find(id);
    const versions = await this.models.TemplateVersion.find({ templateId: template._id }).sort({ version: 1 });
    return versions.map(toTemplateVersionDTO);
  }

  /** Checks a template send before anything is queued, and gives what to send and what to show. */
  async prepareTemplateSend(content: SendTemplateContent): Promise<PreparedTemplateSend> {
    const { name, language } = content;
    // Hot path: by _id.
    const doc = await this.models.Template.findById(templateIdOf(name, language));
    if (!doc) throw new AppError('TEMPLATE_NOT_FOUND', `there is no template named ${name} in ${language}`);
    const template = toTemplateDTO(doc);
    if (template.status !== 'approved') {
      const reason = template.rejectionReason ? ` (${template.rejectionReason})` : '';
      throw new AppError(
        'TEMPLATE_NOT_APPROVED',
        `template ${name} in ${language} is ${template.status}${reason}; only approved templates can be sent`,
      );
    }
    const issues = templateValueIssues(template, content.parameters);
    if (issues.length > 0)
      throw new AppError(
        'TEMPLATE_PARAMETERS_INVALID',
        `the parameters do not fit template ${name} in ${language}: ${issues.map((i) => i.message).join('; ')}`,
        issues,
      );
    const values = valuesByName(content.parameters);
    return {
      template,
      version: template.version,
      components: bodyComponents(template, values),
      renderedText: renderTemplateBody(template.body, values),
    };
  }

  private async find(id: string): Promise<TemplateDoc> {
    const template = Types.ObjectId.isValid(id) ? await this.models.Template.findById(id) : null;
    if (!template) throw notFound('template');
    return template;
  }

  private recordVersion(
    templateId: Types.ObjectId,
    version: number,
    change: TemplateChange,
    changedFields: string[],
    snapshot: TemplateSnapshot,
    actor: TemplateActor,
  ): Promise<TemplateVersionDoc> {
    return this.models.TemplateVersion.create({
      _id: versionIdOf(templateId, version),
      templateId,
      version,
      change,
      changedFields,
      changedById: actor.id,
      changedByName: actor.name,
      changedAt: new Date(),
      snapshot,
    });
  }

  /**
   * The version another writer stored, copied to the template in case that writer stopped before copying it
   * (a crash between the two writes); copying it twice is harmless.
   */
  private async completeVersion(templateId: Types.ObjectId, version: number): Promise<void> {
    const stored = await this.models.TemplateVersion.findById(versionIdOf(templateId, version));
    if (stored) await this.apply(stored);
  }

  /** Copies a stored version to the template, unless the template holds that version or a newer one already. */
  private async apply(version: TemplateVersionDoc): Promise<TemplateDoc> {
    try {
      await this.models.Template.updateOne(
        { _id: version.templateId, version: { $lt: version.version } },
        {
          $set: { ...toTemplateSnapshot(version.snapshot), version: version.version, updatedAt: version.changedAt },
          $setOnInsert: { createdAt: version.changedAt },
        },
        { upsert: true },
      );
    } catch (error) {
      // The upsert found the template at this version or newer, and so tried to insert a second one.
      if (!isDuplicateKeyError(error)) throw error;
    }
    return this.models.Template.findById(version.templateId).orFail();
  }
}
