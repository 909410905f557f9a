import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { TimelineItem } from '../../../contract/inbox-api';
import { deferred } from '../test-support/deferred';
import { conversation, timelineItem } from '../test-support/fixtures';
import { removePageGlobals, resetStore, testBridge, useStore } from '../test-support/store-harness';

afterEach(resetStore);
afterAll(removePageGlobals);

describe('the context slice', () => {
  it("shows the contact's other conversations, asked by the contact of the open conversation", async () => {
    const open = conversation({ name: 'Ana Costa' });
    const earlier = { ...conversation({ name: 'Ana Costa', status: 'resolved' }), contact: open.contact };
    testBridge.answer('contact:history', (contactId) => (contactId === open.contact.id ? [open, earlier] : []));
    useStore.setState({ selectedId: open.id, selectedConversation: open });
    await useStore.getState().refreshHistory();
    expect(useStore.getState().history.map((c) => c.status)).toEqual(['open', 'resolved']);
  });

  it('drops an automation history that arrives after the agent moved to another conversation', async () => {
    const [first, second] = [conversation(), conversation()];
    const late = deferred<TimelineItem[]>();
    testBridge.answer('timeline:get', (id) => (id === first.id ? late.promise : [timelineItem('Assigned to Ana')]));
    useStore.setState({ selectedId: first.id });
    const refreshing = useStore.getState().refreshTimeline();
    useStore.setState({ selectedId: second.id });
    late.resolve([timelineItem('Routed to Billing')]);
    await refreshing;
    expect(useStore.getState().timeline).toEqual([]);
    await useStore.getState().refreshTimeline();
    expect(useStore.getState().timeline.map((t) => t.summary)).toEqual(['Assigned to Ana']);
  });

  it('keeps the last history shown when the engine cannot answer', async () => {
    const open = conversation();
    useStore.setState({ selectedId: open.id, timeline: [timelineItem('Routed to Support')] });
    testBridge.fail('timeline:get', 'UNAVAILABLE', 'the server cannot be reached');
    await useStore.getState().refreshTimeline();
    expect(useStore.getState().timeline.map((t) => t.summary)).toEqual(['Routed to Support']);
  });
});
