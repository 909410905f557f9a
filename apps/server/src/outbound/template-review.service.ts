import type { CreateTemplateRequest, TemplateDTO, UpdateTemplateRequest, whatsapp } from '@switchboard/shared';
import type { DomainEvents } from '../domain/domain-events.js';
import type { ProviderFailure } from '../domain/provider-errors.js';
import type { Config } from '../lib/config.js';
import { AppError } from '../lib/errors.js';
import type { ChannelDoc } from '../models/channel.model.js';
import type { Models } from '../models/index.js';
import type { TemplateDoc } from '../models/template.model.js';
import { credentialsOf } from './channel-credentials.js';
import { nextRetryDelayMs } from './retry-backoff.js';
import { templateDefinition } from './template-definition.js';
import { reviewVerdict } from './template-verdict.js';
import { templateIdOf, type TemplateActor, type TemplateService } from './template.service.js';
import type { TemplateSubmitOutcome, WhatsAppClient } from './whatsapp-client.js';

/** Who moves a status when Meta's review webhook says so: the template's history names WhatsApp. */
const WHATSAPP: TemplateActor = { id: null, name: 'WhatsApp' };
/** A submission is tried this often when WhatsApp is briefly unwell, within the admin's request. */
const SUBMIT_ATTEMPTS = 3;
const SUBMIT_MAX_WAIT_MS = 2_000;

/** One `message_template_status_update` as intake hands it over: the account, when Meta triggered it, what it says. */
export type TemplateReviewUpdate = { wabaId: string; at: Date; value: whatsapp.TemplateStatusUpdateValue };

function failureText(failure: ProviderFailure): string {
  const what = `${failure.title}${failure.details ? ` (${failure.details})` : ''}`;
  const text =
    failure.kind === 'permanent'
      ? `WhatsApp refused the template: ${what}. Correct it and submit it again.`
      : failure.kind === 'retryable'
        ? `WhatsApp could not take the template for review now: ${what}. Submit it again later.`
        : `WhatsApp did not answer the submission (${what}); it may have the template already. Submit it again.`;
  return text.slice(0, 500);
}

const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

type StoredReview = NonNullable<TemplateDoc['review']>;
const plain = (r: StoredReview) => ({
  wabaId: r.wabaId,
  metaTemplateId: r.metaTemplateId ?? null,
  submittedAt: r.submittedAt ?? null,
  failure: r.failure ?? null,
  lastEventAt: r.lastEventAt ?? null,
});

/**
 * WhatsApp's review of the template catalogue. The catalogue is reviewed in the WhatsApp Business Account (WABA)
 * of the numbers registered with one (the oldest active channel that has a WABA id: its token and API settings
 * submit). Without such a number the review is recorded by hand, as before. With one, a new template or a new
 * version of its content is submitted when it is made and stays pending until Meta's webhook decides; the
 * status is then Meta's alone to change.
 */
export class TemplateReviewService {
  constructor(
    private readonly models: Models,
    private readonly templates: TemplateService,
    private readonly client: WhatsAppClient,
    private readonly config: Config,
    private readonly events: DomainEvents,
  ) {}

  async create(input: CreateTemplateRequest, actor: TemplateActor): Promise<TemplateDTO> {
    const account = await this.account();
    if (account && (input.status !== 'pending' || input.rejectionReason !== null)) throw statusIsWhatsApps('status');
    const created = await this.templates.create(input, actor);
    return account ? this.submitTo(account, created) : created;
  }

  async update(id: string, input: UpdateTemplateRequest, actor: TemplateActor): Promise<TemplateDTO> {
    const current = await this.templates.get(id);
    const account = current.review ? await this.account() : null;
    if (account && (input.status !== undefined || input.rejectionReason !== undefined))
      throw statusIsWhatsApps(input.status !== undefined ? 'status' : 'rejectionReason');
    const updated = await this.templates.update(id, input, actor);
    const newContent = updated.version !== current.version && updated.status === 'pending';
    return account && newContent ? this.submitTo(account, updated) : updated;
  }

  /** Submits a pending template again, after a submission that failed. */
  async resubmit(id: string): Promise<TemplateDTO> {
    const template = await this.templates.get(id);
    const account = await this.account();
    if (!account)
      throw new AppError(
        'CONFLICT',
        'no WhatsApp number has a WhatsApp Business Account id: record the review of this template by hand',
      );
    if (template.status !== 'pending')
      throw new AppError('CONFLICT', `the template is ${template.status}: only a pending template goes to review`);
    return this.submitTo(account, template);
  }

  /** Applies Meta's verdict; a duplicate, a verdict older than one applied, or a late PENDING changes nothing. */
  async onTemplateReview({ wabaId, at, value }: TemplateReviewUpdate): Promise<void> {
    const language = value.message_template_language.replace('-', '_');
    // Hot path (a template status webhook): by _id (an index lookup on both databases).
    const doc = await this.models.Template.findById(templateIdOf(value.message_template_name, language));
    const review = doc?.review;
    // A template someone made in WhatsApp Manager, or one this catalogue never submitted to that account.
    if (!doc || !review || review.wabaId !== wabaId) return;
    if (review.metaTemplateId && review.metaTemplateId !== value.message_template_id) return;
    if (review.lastEventAt && at < review.lastEventAt) return;
    // A verdict on an earlier version of the content (submitted before this one) says nothing about this one.
    if (review.submittedAt && seconds(at) < seconds(review.submittedAt)) return;
    const verdict = reviewVerdict(value);
    if (!verdict || (verdict.status === 'pending' && doc.status !== 'pending')) return;
    // Only while no newer verdict was recorded meanwhile (another webhook of this template, worked on beside).
    // Hot path: by _id.
    const recorded = await this.models.Template.updateOne(
      { _id: doc._id, $or: [{ 'review.lastEventAt': null }, { 'review.lastEventAt': { $lte: at } }] },
      { $set: { review: { ...plain(review), metaTemplateId: value.message_template_id, lastEventAt: at } } },
    );
    if (recorded.matchedCount === 0) return;
    if (verdict.status !== doc.status || verdict.rejectionReason !== (doc.rejectionReason ?? null))
      await this.templates.update(
        doc._id.toHexString(),
        { version: doc.version, status: verdict.status, rejectionReason: verdict.rejectionReason },
        WHATSAPP,
      );
    this.events.emit('templates.changed', doc._id.toHexString());
  }

  private async account(): Promise<{ channel: ChannelDoc; wabaId: string } | null> {
    const [channel] = await this.models.Channel.find({ status: 'active', wabaId: { $ne: null } })
      .sort({ createdAt: 1 })
      .limit(1);
    return channel?.wabaId ? { channel, wabaId: channel.wabaId } : null;
  }

  private async submitTo(account: { channel: ChannelDoc; wabaId: string }, template: TemplateDTO) {
    const credentials = credentialsOf(account.channel, this.config);
    const known = template.review?.wabaId === account.wabaId ? template.review.metaTemplateId : null;
    const definition = templateDefinition(template);
    const outcome = await this.withRetries(() =>
      known
        ? this.client.editTemplate(credentials, known, definition)
        : this.client.submitTemplate(credentials, account.wabaId, definition),
    );
    const stored = await this.models.Template.findById(template.id).orFail();
    const before = stored.review?.wabaId === account.wabaId ? plain(stored.review) : null;
    const review = outcome.ok
      ? { metaTemplateId: outcome.metaTemplateId, submittedAt: new Date(), failure: null }
      : { metaTemplateId: known, submittedAt: before?.submittedAt ?? null, failure: failureText(outcome.failure) };
    await this.models.Template.updateOne(
      { _id: stored._id },
      { $set: { review: { wabaId: account.wabaId, lastEventAt: before?.lastEventAt ?? null, ...review } } },
    );
    this.events.emit('templates.changed', template.id);
    return this.templates.get(template.id);
  }

  /** Tries again while WhatsApp is briefly unwell, as long as the wait stays short: an admin waits for the answer. */
  private async withRetries(call: () => Promise<TemplateSubmitOutcome>): Promise<TemplateSubmitOutcome> {
    for (let attempt = 1; ; attempt++) {
      const outcome = await call();
      if (outcome.ok || outcome.failure.kind !== 'retryable' || attempt >= SUBMIT_ATTEMPTS) return outcome;
      const delay = nextRetryDelayMs(attempt, {
        baseMs: 200,
        capMs: 1_000,
        retryAfterMs: outcome.failure.retryAfterMs,
      });
      if (delay > SUBMIT_MAX_WAIT_MS) return outcome;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

function statusIsWhatsApps(field: 'status' | 'rejectionReason') {
  return new AppError('VALIDATION_FAILED', 'WhatsApp’s review sets the status of this catalogue’s templates', [
    { path: field, message: 'set by WhatsApp’s review: it cannot be changed by hand while a number has a WABA id' },
  ]);
}
