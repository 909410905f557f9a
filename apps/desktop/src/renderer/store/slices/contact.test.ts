import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ContactChangeDTO, type ContactDTO, type ConversationDTO } from '@switchboard/shared';
// The harness first: it puts the page's globals in place before the store's services load.
import { removePageGlobals, resetStore, testBridge, useStore } from '../test-support/store-harness';
import { draftOf } from '../../lib/contact-edit';
import { selectOpenContact } from '../selectors';
import { conversation, newId } from '../test-support/fixtures';

afterEach(resetStore);
afterAll(removePageGlobals);

const LATER = '2026-12-01T11:00:00.000Z';

function open(fields: Partial<ContactDTO> = {}): ConversationDTO {
  const c = conversation({ name: 'Ana Souza' });
  const withContact = { ...c, contact: { ...c.contact, ...fields } };
  useStore.setState({ selectedId: c.id, selectedConversation: withContact });
  return withContact;
}

const change = (contactId: string, field: string, after: string) =>
  ContactChangeDTO.parse({
    id: newId(),
    contactId,
    kind: 'edited',
    actor: { id: newId(), name: 'Test agent' },
    at: LATER,
    changes: [{ field, before: null, after }],
    otherContactId: null,
  });

describe('the contact slice', () => {
  it('saves only what the form changed, shows the answer at once and reads the history again', async () => {
    const { contact } = open({ attributes: { plan: 'gold', since: '2019' } });
    testBridge.answer('contact:update', (id, edit) => ({
      ok: true,
      body: { ...contact, id, name: edit.name ?? null, tier: edit.tier ?? contact.tier, updatedAt: LATER },
    }));
    testBridge.answer('contact:changes', (id) => [change(id, 'name', 'Ana Paula Souza')]);

    const draft = { ...draftOf(contact), name: ' Ana Paula Souza ', tier: 'vip' as const };
    draft.attributes = draft.attributes.filter((row) => row.key !== 'since');
    expect(await useStore.getState().saveContact(contact, draft)).toBe(true);
    await testBridge.settle();

    expect(testBridge.callsOf('contact:update')).toEqual([
      [contact.id, { name: 'Ana Paula Souza', tier: 'vip', attributes: { since: null } }],
    ]);
    expect(selectOpenContact(useStore.getState())).toMatchObject({ name: 'Ana Paula Souza', tier: 'vip' });
    expect(useStore.getState().contactChanges.map((c) => c.changes[0]!.after)).toEqual(['Ana Paula Souza']);
  });

  it('names the fields at fault, checked by the shared schema, without asking the engine', async () => {
    const { contact } = open();
    const draft = { ...draftOf(contact), email: 'not-an-email', attributes: [{ key: 'a.b', value: 'x' }] };
    expect(await useStore.getState().saveContact(contact, draft)).toBe(false);
    expect(testBridge.callsOf('contact:update')).toEqual([]);
    expect(Object.keys(useStore.getState().contactRefusal!.fields).sort()).toEqual(['attributes.a.b', 'email']);
  });

  it("keeps the server's refusal with its fields by the form's names", async () => {
    const { contact } = open();
    testBridge.answer('contact:update', () => ({
      ok: false,
      status: 400,
      code: 'VALIDATION_FAILED',
      message: 'body.email: already used by another contact',
      issues: [{ path: 'body.email', message: 'already used by another contact' }],
    }));
    expect(await useStore.getState().saveContact(contact, { ...draftOf(contact), email: 'ana@example.com' })).toBe(
      false,
    );
    expect(useStore.getState().contactRefusal).toEqual({
      failure: { code: 'VALIDATION_FAILED', message: 'body.email: already used by another contact' },
      fields: { email: 'already used by another contact' },
    });
  });

  it('saves nothing when nothing changed', async () => {
    const { contact } = open({ name: 'Ana', email: 'ana@example.com' });
    expect(await useStore.getState().saveContact(contact, { ...draftOf(contact), email: ' ANA@example.com ' })).toBe(
      true,
    );
    expect(testBridge.callsOf('contact:update')).toEqual([]);
  });

  it('offers other contacts to merge, merges the chosen one into the open one, and keeps a refusal', async () => {
    const { contact } = open();
    const other = { ...contact, id: newId(), waId: '5511900000099', profileName: 'Ana S' };
    testBridge.answer('contacts:search', () => [contact, other]);
    await useStore.getState().findMergeCandidates('Ana');
    expect(testBridge.callsOf('contacts:search')).toEqual([[{ q: 'Ana' }]]);
    expect(useStore.getState().mergeCandidates.map((c) => c.id)).toEqual([other.id]);

    testBridge.answer('contact:merge', () => ({
      ok: false,
      status: 409,
      code: 'CONFLICT',
      message: 'both contacts have an open conversation on the same number',
      issues: [],
    }));
    expect(await useStore.getState().mergeContact(other.id)).toBe(false);
    expect(useStore.getState().mergeRefusal?.code).toBe('CONFLICT');

    const merged = { ...contact, otherWaIds: [other.waId], updatedAt: LATER };
    testBridge.answer('contact:merge', () => ({ ok: true, body: merged }));
    expect(await useStore.getState().mergeContact(other.id)).toBe(true);
    expect(testBridge.callsOf('contact:merge').at(-1)).toEqual([contact.id, { sourceId: other.id }]);
    expect(useStore.getState()).toMatchObject({ mergeRefusal: null, mergeCandidates: [] });
    expect(selectOpenContact(useStore.getState())?.otherWaIds).toEqual(['5511900000099']);
  });

  it("forgets the last contact's profile when another conversation opens", async () => {
    const { contact } = open();
    testBridge.answer('contact:changes', (id) => [change(id, 'tier', 'vip')]);
    await useStore.getState().refreshContactChanges();
    expect(useStore.getState().contactChanges).toHaveLength(1);
    useStore.getState().select(newId());
    expect(useStore.getState()).toMatchObject({ contactChanges: [], savedContact: null });
    expect(testBridge.callsOf('contact:changes')).toEqual([[contact.id]]);
  });
});
