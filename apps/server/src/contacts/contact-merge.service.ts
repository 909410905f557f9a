import type { ContactDTO } from '@switchboard/shared';
import { Types } from 'mongoose';
import type { ConversationSlots } from '../domain/conversation-slots.js';
import type { Viewer } from '../domain/viewer.js';
import { AppError, notFound } from '../lib/errors.js';
import type { Models } from '../models/index.js';
import type { ContactDoc } from '../models/contact.model.js';
import { toContactDTO } from '../models/to-dto.js';
import { visibleContact } from './contact-access.js';
import type { ContactActor, ContactChanges } from './contact-changes.js';
import { mergedProfile } from './merged-profile.js';
import { changesBetween, profileOf } from './profile-diff.js';

/**
 * Merges two contacts that are one person: the source's conversations, messages, identities and history
 * move to the target, its profile fills the target's gaps, and the source is left pointing at the target
 * (`mergedInto`), so its number and ids lead there from then on. Irreversible. There are no transactions
 * on the embedded database, so every step can run again: a merge cut short is finished by asking again.
 */
export class ContactMerges {
  constructor(
    private readonly models: Models,
    private readonly slots: ConversationSlots,
    private readonly changes: ContactChanges,
  ) {}

  async merge(targetId: string, sourceId: string, actor: ContactActor, viewer: Viewer): Promise<ContactDTO> {
    if (targetId === sourceId) throw invalid('a contact cannot be merged into itself');
    const target = await visibleContact(this.models, targetId, viewer);
    const source = await this.sourceOf(sourceId, target, viewer);
    if (source.mergedAt) return toContactDTO(target);
    await this.refuseTwoOpenConversations(source, target);

    // From here on the source's identities lead to the target: new messages land there while the rest moves.
    await this.models.Contact.updateOne({ _id: source._id }, { $set: { mergedInto: target._id } });
    await this.models.ContactAlias.updateMany({ contactId: source._id }, { $set: { contactId: target._id } });
    await this.moveConversations(source._id, target._id);
    for (const { model } of this.followers())
      await model.updateMany({ contactId: source._id }, { $set: { contactId: target._id } });

    const before = profileOf(target);
    const merged = mergedProfile(target, source);
    const updated = await this.models.Contact.findByIdAndUpdate(
      target._id,
      { $set: merged, $inc: { profileVersion: 1 } },
      { new: true },
    ).orFail();
    const changes = changesBetween(before, profileOf(updated));
    const record = await this.changes.record(target._id, 'merged', changes, actor, source._id);
    await this.changes.record(source._id, 'merged-away', [], actor, target._id);
    await this.models.Contact.updateOne({ _id: source._id }, { $set: { mergedAt: new Date() } });
    await this.changes.announce(target._id, record.id, ['merged', ...changes.map((c) => c.field)]);
    return toContactDTO(updated);
  }

  /** The source as the viewer may see it, or the one already merged into this target (done, or cut short). */
  private async sourceOf(sourceId: string, target: ContactDoc, viewer: Viewer): Promise<ContactDoc> {
    const raw = Types.ObjectId.isValid(sourceId) ? await this.models.Contact.findById(sourceId) : null;
    if (!raw) throw notFound('contact to merge');
    if (raw.mergedInto?.equals(target._id)) return raw;
    if (raw.mergedInto) throw new AppError('CONFLICT', 'that contact was merged into another one already');
    const source = await visibleContact(this.models, sourceId, viewer);
    if (source._id.equals(target._id)) throw invalid('a contact cannot be merged into itself');
    return source;
  }

  /** One open conversation per contact and number: two open ones on one number must be made one by an agent first. */
  private async refuseTwoOpenConversations(source: ContactDoc, target: ContactDoc) {
    const [theirs, ours] = await Promise.all(
      [source, target].map((c) => this.models.Conversation.find({ contactId: c._id, status: 'open' })),
    );
    const clash = theirs!.find((s) => ours!.some((t) => t.channelId.equals(s.channelId)));
    if (clash)
      throw new AppError(
        'CONFLICT',
        'both contacts have an open conversation on the same number: resolve one of them, then merge',
        [{ path: 'body.sourceId', message: `conversation ${clash.id} is open on the same number` }],
      );
  }

  /** Each conversation moves with its open key; the target's slot on each number points at its latest one. */
  private async moveConversations(sourceId: Types.ObjectId, targetId: Types.ObjectId) {
    const moving = await this.models.Conversation.find({ contactId: sourceId }).sort({ openedAt: 1 });
    for (const conversation of moving) {
      const open = conversation.status === 'open';
      await this.models.Conversation.updateOne(
        { _id: conversation._id },
        {
          $set: {
            contactId: targetId,
            ...(open ? { openKey: this.slots.openKeyOf(targetId, conversation.channelId) } : {}),
          },
        },
      );
      const slotId = this.slots.idOf(targetId, conversation.channelId);
      const slot = await this.slots.find(slotId);
      const current = slot ? await this.models.Conversation.findById(slot.conversationId) : null;
      if (!slot?.open && (open || !current || current.openedAt < conversation.openedAt))
        await this.slots.point(slotId, conversation._id, open);
    }
  }

  /** The records that name a contact besides its conversations: they follow it. */
  private followers() {
    return [{ model: this.models.Message }, { model: this.models.ConsentChange }, { model: this.models.ContactChange }];
  }
}

const invalid = (message: string) => new AppError('VALIDATION_FAILED', message, [{ path: 'body.sourceId', message }]);
