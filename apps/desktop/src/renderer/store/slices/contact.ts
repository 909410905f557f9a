import type { ContactChangeDTO, ContactDTO } from '@switchboard/shared';
import type { Failure } from '../../i18n/errors';
import { changesOf, checkEdit, serverFields, type ContactDraft, type FieldIssues } from '../../lib/contact-edit';
import { contactService } from '../../services/contact.service';
import { describeError, type Slice } from '../types';

/** Why a save or merge did not happen: the failure, and the fields at fault by the form's names. */
export type ContactRefusal = { failure: Failure; fields: FieldIssues };

export type ContactSlice = {
  /** The newest copy of the open conversation's contact the server answered with (after an edit or a merge). */
  savedContact: ContactDTO | null;
  /** Who changed the open conversation's contact, what and when; newest first. */
  contactChanges: ContactChangeDTO[];
  contactSaving: boolean;
  contactRefusal: ContactRefusal | null;
  /** Contacts found to merge into the open one (never the open one itself). */
  mergeCandidates: ContactDTO[];
  mergeRefusal: Failure | null;
  refreshContactChanges(): Promise<void>;
  /** Checks the draft with the shared schema, then saves what it changes; true when saved (or nothing changed). */
  saveContact(contact: ContactDTO, draft: ContactDraft): Promise<boolean>;
  clearContactRefusal(): void;
  findMergeCandidates(text: string): Promise<void>;
  /** Merges `sourceId` into the open conversation's contact; true when merged. */
  mergeContact(sourceId: string): Promise<boolean>;
};

/** What the contact slice holds for no conversation: what `select` resets to. */
export const NO_CONTACT = {
  savedContact: null,
  contactChanges: [],
  contactSaving: false,
  contactRefusal: null,
  mergeCandidates: [],
  mergeRefusal: null,
} satisfies Partial<ContactSlice>;

let searchRequest = 0;

export const createContactSlice: Slice<ContactSlice> = (set, get) => {
  const selectedContactId = () => get().selectedConversation?.contact.id ?? null;
  /** Keeps an answer only while the same contact is open. */
  const stillOpen = (contactId: string) => selectedContactId() === contactId;
  const saved = (contact: ContactDTO) => {
    set({ savedContact: contact });
    void get().refreshContactChanges();
  };

  return {
    ...NO_CONTACT,

    async refreshContactChanges() {
      const contactId = selectedContactId();
      if (!contactId) return;
      const changes = await contactService.changes(contactId).catch(() => null);
      if (changes && stillOpen(contactId)) set({ contactChanges: changes });
    },

    async saveContact(contact, draft) {
      const edit = changesOf(contact, draft);
      if (Object.keys(edit).length === 0) return true;
      const checked = checkEdit(edit);
      if (!checked.ok) {
        set({
          contactRefusal: {
            failure: { code: 'VALIDATION_FAILED', message: Object.values(checked.issues).join('; ') },
            fields: checked.issues,
          },
        });
        return false;
      }
      set({ contactSaving: true, contactRefusal: null });
      try {
        const answer = await contactService.update(contact.id, checked.request);
        if (answer.ok) {
          if (stillOpen(contact.id)) saved(answer.body);
          return true;
        }
        set({
          contactRefusal: {
            failure: { code: answer.code, message: answer.message },
            fields: serverFields(answer.issues),
          },
        });
        return false;
      } catch (error) {
        set({ contactRefusal: { failure: describeError(error), fields: {} } });
        return false;
      } finally {
        set({ contactSaving: false });
      }
    },

    clearContactRefusal: () => set({ contactRefusal: null }),

    async findMergeCandidates(text) {
      const mine = ++searchRequest;
      const contactId = selectedContactId();
      if (!contactId || text.trim() === '') return set({ mergeCandidates: [], mergeRefusal: null });
      try {
        const found = await contactService.search(text.trim());
        if (mine === searchRequest && stillOpen(contactId))
          set({ mergeCandidates: found.filter((c) => c.id !== contactId), mergeRefusal: null });
      } catch (error) {
        if (mine === searchRequest) set({ mergeCandidates: [], mergeRefusal: describeError(error) });
      }
    },

    async mergeContact(sourceId) {
      const contactId = selectedContactId();
      if (!contactId) return false;
      set({ mergeRefusal: null });
      try {
        const answer = await contactService.merge(contactId, sourceId);
        if (!answer.ok) {
          set({ mergeRefusal: { code: answer.code, message: answer.message } });
          return false;
        }
        if (stillOpen(contactId)) {
          set({ mergeCandidates: [] });
          saved(answer.body);
        }
        return true;
      } catch (error) {
        set({ mergeRefusal: describeError(error) });
        return false;
      }
    },
  };
};
