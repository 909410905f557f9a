import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { envelope, inbound } from '@switchboard/whatsapp-simulator';
import type { ConversationDTO } from '@switchboard/shared';
import {
  eventually,
  startPeerApp,
  startTestServer,
  type PeerApp,
  type TestServer,
} from '@switchboard/test-support/harness';
import { actionKit, seqsOf, timelineOf, updatesOf } from '@switchboard/test-support/action-kit';
import { sharedIntentClassifier } from '../triage/index.js';

let server: TestServer;
let kit: ReturnType<typeof actionKit>;
let admin: string;
// Training the classifier is a one-off per process: done here, it does not count against the first test.
beforeAll(() => sharedIntentClassifier(), 120_000);
beforeEach(async () => {
  server = await startTestServer({ ROUTING_INTERVAL_MS: '200' });
  kit = actionKit(server);
  admin = await server.login();
});
afterEach(() => server.close());

/** A customer's conversation assigned to an agent whose socket records what it is pushed. */
async function assignedConversation(waId: string) {
  const support = await kit.queue(admin, { name: 'Support', fallback: true });
  const ana = await kit.agent(admin, [support.id]);
  const id = await kit.customer(waId);
  expect((await server.app.models.Conversation.findById(id).orFail()).assigneeId?.toHexString()).toBe(ana.id);
  return { ana, id };
}

const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();

describe('snooze', () => {
  it('refuses a time in the past, beyond 30 days, or unknown fields, naming the field; nothing changes', async () => {
    const { ana, id } = await assignedConversation('5511977100001');
    const past = await server.api(ana.token, 'POST', `/api/conversations/${id}/snooze`, { until: inSeconds(-60) });
    expect(past.status).toBe(400);
    expect(kit.issuesOf(past.body)).toEqual([{ path: 'body.until', message: 'must be in the future' }]);
    const far = await server.api(ana.token, 'POST', `/api/conversations/${id}/snooze`, {
      until: inSeconds(31 * 24 * 3600),
    });
    expect(kit.issuesOf(far.body)).toEqual([{ path: 'body.until', message: 'must be at most 30 days from now' }]);
    const notATime = await server.api(ana.token, 'POST', `/api/conversations/${id}/snooze`, { until: 'tomorrow' });
    expect(kit.issuesOf(notATime.body).map((i) => i.path)).toEqual(['body.until']);
    const extra = await server.api(ana.token, 'POST', `/api/conversations/${id}/snooze`, {
      until: inSeconds(60),
      wake: 'early',
    });
    expect(extra.status).toBe(400);
    expect(JSON.stringify(kit.issuesOf(extra.body))).toContain('wake');
    expect((await server.app.models.Conversation.findById(id).orFail()).snoozedUntil).toBeNull();
    expect(await server.app.models.Snooze.countDocuments()).toBe(0);
  });

  it('wakes by itself when its time comes: the assignee keeps it and is pushed the wake, with gap-free sequence numbers', async () => {
    const { ana, id } = await assignedConversation('5511977100002');
    const until = inSeconds(1.5);
    const snoozed = await server.api<ConversationDTO>(ana.token, 'POST', `/api/conversations/${id}/snooze`, { until });
    expect(snoozed.status).toBe(200);
    expect(snoozed.body).toMatchObject({ snoozedUntil: until, assigneeId: ana.id, routingState: 'assigned' });

    await eventually(
      async () =>
        updatesOf(ana.pushes, id).at(-1)?.snoozedUntil === null &&
        timelineOf(ana.pushes, id).some((t) => t.kind === 'woke'),
      'the wake to be pushed to Ana',
    );
    const [snoozedNote, wokeNote] = timelineOf(ana.pushes, id).filter((t) => t.kind === 'snoozed' || t.kind === 'woke');
    expect(snoozedNote).toMatchObject({ actorId: ana.id, details: { until } });
    expect(snoozedNote!.summary).toMatch(/^Snoozed by Test agent until \d\d:\d\d \w{3} \d{1,2} \w{3} UTC$/);
    expect(wokeNote).toMatchObject({ kind: 'woke', actorId: null, details: { reason: 'time', until } });
    expect(await server.app.models.Conversation.findById(id).orFail()).toMatchObject({
      snoozedUntil: null,
      routingState: 'assigned',
    });
    // The snooze's record goes right after the wake is pushed, not before.
    await eventually(
      async () => (await server.app.models.Snooze.countDocuments()) === 0,
      'the ended snooze to be deleted',
    );

    const seqs = seqsOf(ana.pushes, id).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => seqs[0]! + i));
  });

  it('wakes early when the customer writes', async () => {
    const { ana, id } = await assignedConversation('5511977100003');
    await server.api(ana.token, 'POST', `/api/conversations/${id}/snooze`, { until: inSeconds(24 * 3600) });
    await server.deliver(envelope({ messages: [inbound.text({ from: '5511977100003', body: 'any news?' })] }));
    await eventually(async () => timelineOf(ana.pushes, id).some((t) => t.kind === 'woke'), 'the wake to be pushed');
    expect(timelineOf(ana.pushes, id).find((t) => t.kind === 'woke')).toMatchObject({
      summary: 'Woke: the customer wrote',
      details: { reason: 'customer' },
    });
    expect(updatesOf(ana.pushes, id).at(-1)?.snoozedUntil).toBeNull();
    expect(await server.app.models.Snooze.countDocuments()).toBe(0);
    expect((await kit.timeline(ana.token, id)).filter((t) => t.kind === 'woke')).toHaveLength(1);
  });

  it('an agent unsnoozes; unsnoozing again changes nothing; a resolved conversation cannot be snoozed', async () => {
    const { ana, id } = await assignedConversation('5511977100004');
    await server.api(ana.token, 'POST', `/api/conversations/${id}/snooze`, { until: inSeconds(3600) });
    const unsnoozed = await server.api<ConversationDTO>(ana.token, 'DELETE', `/api/conversations/${id}/snooze`);
    expect(unsnoozed).toMatchObject({ status: 200, body: { snoozedUntil: null } });
    expect((await server.api(ana.token, 'DELETE', `/api/conversations/${id}/snooze`)).status).toBe(200);
    const notes = (await kit.timeline(ana.token, id)).filter(
      (t) => t.kind === 'snoozed' || t.kind === 'unsnoozed' || t.kind === 'woke',
    );
    expect(notes.map((t) => [t.kind, t.summary])).toEqual([
      ['snoozed', expect.stringMatching(/^Snoozed by Test agent until/)],
      ['unsnoozed', 'Unsnoozed by Test agent'],
    ]);
    await server.api(ana.token, 'POST', `/api/conversations/${id}/resolve`);
    expect(
      (await server.api(ana.token, 'POST', `/api/conversations/${id}/snooze`, { until: inSeconds(60) })).status,
    ).toBe(409);
  });

  it('an agent of another queue gets 404', async () => {
    const { id } = await assignedConversation('5511977100005');
    const billing = await kit.queue(admin, { name: 'Billing' });
    const outsider = await kit.agent(admin, [billing.id]);
    expect(
      (await server.api(outsider.token, 'POST', `/api/conversations/${id}/snooze`, { until: inSeconds(60) })).status,
    ).toBe(404);
    expect((await server.api(outsider.token, 'DELETE', `/api/conversations/${id}/snooze`)).status).toBe(404);
  });
});

describe('snooze with two server processes on one database', () => {
  let second: PeerApp | undefined;
  afterEach(async () => {
    await second?.close();
  });

  it('each snooze wakes once, whichever process gets there', { timeout: 60_000 }, async () => {
    const { ana } = await assignedConversation('5511977100010');
    second = await startPeerApp(server);
    const ids = [];
    for (let i = 1; i <= 4; i++) ids.push(await kit.customer(`551197710001${i}`));
    for (const id of ids)
      await server.api(ana.token, 'POST', `/api/conversations/${id}/snooze`, { until: inSeconds(1) });
    await eventually(async () => (await server.app.models.Snooze.countDocuments()) === 0, 'every snooze to end');
    for (const id of ids) {
      expect((await kit.timeline(ana.token, id)).filter((t) => t.kind === 'woke')).toHaveLength(1);
      expect((await server.app.models.Conversation.findById(id).orFail()).snoozedUntil).toBeNull();
    }
  });
});
