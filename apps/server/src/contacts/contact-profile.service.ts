import type { ContactChangeDTO, ContactDTO, SearchContactsQuery, UpdateContactRequest } from '@switchboard/shared';
import type { Viewer } from '../domain/viewer.js';
import { AppError } from '../lib/errors.js';
import type { Models } from '../models/index.js';
import { toContactDTO } from '../models/to-dto.js';
import { visibleContact, visibleContactIds } from './contact-access.js';
import type { ContactActor, ContactChanges } from './contact-changes.js';
import { applyEdit, changesBetween, profileOf } from './profile-diff.js';

/** An edit retried this often when another edit of the same contact landed in between. */
const EDIT_ATTEMPTS = 5;
/** Contacts a search reads before keeping those the viewer may see. */
const SEARCH_CANDIDATES = 200;

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Contact profiles: read, edited by anyone who may see the contact, every change recorded. */
export class ContactProfiles {
  constructor(
    private readonly models: Models,
    private readonly changes: ContactChanges,
  ) {}

  async get(id: string, viewer: Viewer): Promise<ContactDTO> {
    return toContactDTO(await visibleContact(this.models, id, viewer));
  }

  /**
   * Applies the edit to the profile as it stands (a profile version guards against a concurrent edit being
   * lost), records what changed, and tells every inbox. An edit that changes nothing records nothing.
   */
  async update(id: string, edit: UpdateContactRequest, actor: ContactActor, viewer: Viewer): Promise<ContactDTO> {
    for (let attempt = 0; attempt < EDIT_ATTEMPTS; attempt++) {
      const current = await visibleContact(this.models, id, viewer);
      const before = profileOf(current);
      const after = applyEdit(before, edit);
      const changes = changesBetween(before, after);
      if (changes.length === 0) return toContactDTO(current);
      const updated = await this.models.Contact.findOneAndUpdate(
        { _id: current._id, profileVersion: current.profileVersion },
        { $set: after, $inc: { profileVersion: 1 } },
        { new: true },
      );
      if (!updated) continue;
      const record = await this.changes.record(updated._id, 'edited', changes, actor);
      await this.changes.announce(
        updated._id,
        record.id,
        changes.map((c) => c.field),
      );
      return toContactDTO(updated);
    }
    throw new AppError('CONFLICT', 'the contact kept changing while this edit was saved; try again');
  }

  async history(id: string, viewer: Viewer): Promise<ContactChangeDTO[]> {
    return this.changes.list((await visibleContact(this.models, id, viewer))._id);
  }

  /** Contacts whose name, WhatsApp name, email or number holds the text, that the viewer may see. */
  async search({ q, limit }: SearchContactsQuery, viewer: Viewer): Promise<ContactDTO[]> {
    const pattern = { $regex: escapeRegex(q), $options: 'i' };
    const digits = q.replace(/[\s+()-]/g, '');
    const candidates = await this.models.Contact.find({
      mergedInto: null,
      $or: [
        { name: pattern },
        { profileName: pattern },
        { email: pattern },
        ...(/^\d{3,}$/.test(digits) ? [{ waId: { $regex: escapeRegex(digits) } }] : []),
      ],
    })
      .sort({ updatedAt: -1 })
      .limit(SEARCH_CANDIDATES);
    const visible = await visibleContactIds(
      this.models,
      candidates.map((c) => c._id),
      viewer,
    );
    return candidates
      .filter((c) => visible.has(c._id.toHexString()))
      .slice(0, limit)
      .map(toContactDTO);
  }
}
