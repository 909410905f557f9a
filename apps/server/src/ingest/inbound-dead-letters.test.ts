import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { envelope, inbound } from '@switchboard/whatsapp-simulator';
import type { InboundDeadLetterDTO, InboundReplayAllResult, InboundReplayResult } from '@switchboard/shared';
import { eventually, startTestServer, type TestServer } from '@switchboard/test-support/harness';
import { parseExposition, valueOf } from '@switchboard/test-support/prometheus-text';

/**
 * Webhooks we acknowledged but could not apply in full: listed for supervisors with the reason, counted, and
 * replayed once fixed. Retries are cut to two so a failing webhook is given up on within a second.
 */
let server: TestServer;
let supervisor: string;
beforeAll(async () => {
  server = await startTestServer({ INTAKE_MAX_ATTEMPTS: '2' });
  supervisor = (await server.userWith('supervisor')).token;
});
afterEach(() => vi.restoreAllMocks());
afterAll(() => server.close());

async function deadLetters(): Promise<InboundDeadLetterDTO[]> {
  const listed = await server.api<{ items: InboundDeadLetterDTO[] }>(supervisor, 'GET', '/api/intake/dead');
  expect(listed.status).toBe(200);
  return listed.body.items;
}

const listed = async (id: string) => (await deadLetters()).find((letter) => letter.id === id);

async function metric(name: string, labels: Record<string, string> = {}): Promise<number> {
  return valueOf(parseExposition(await (await fetch(`${server.url}/metrics`)).text()), name, labels) ?? 0;
}

/** Posts a signed webhook and returns the id it was acknowledged (stored) under. */
async function acknowledged(payload: unknown): Promise<string> {
  const answer = await server.postWebhook(payload);
  expect(answer.status).toBe(200);
  return ((await answer.json()) as { stored: string }).stored;
}

const storedCopies = (wamid: string) => server.app.models.Message.countDocuments({ providerMessageId: wamid });

/**
 * Consent, the first thing done after a customer's message is stored, fails as a database blip would: the
 * message is in, its webhook is not done. Each call of `fail` fails one more attempt.
 */
function failAfterStoring() {
  const consent = vi.spyOn(server.app.services.consent, 'onInbound');
  return { fail: (why: string) => consent.mockRejectedValueOnce(new Error(why)) };
}

describe('inbound dead letters', () => {
  it('a signed webhook with an item the schemas refuse is listed with the schema path at fault, and counted', async () => {
    const countedBefore = await metric('switchboard_webhook_dead_letters_total', { kind: 'refused' });
    const good = inbound.text({ from: '5511955550001', body: 'where is my order?' });
    const refused = { ...inbound.text({ from: '5511955550001', body: 'x' }), timestamp: 'yesterday' };
    const id = await acknowledged(envelope({ messages: [good, refused as never] }));

    const letter = await eventually(() => listed(id), 'the webhook to be dead-lettered');
    expect(letter).toMatchObject({
      kind: 'refused',
      attempts: 1,
      issues: [{ path: 'entry.0.changes.0.value.messages.1.timestamp', message: 'must be unix seconds' }],
    });
    expect(letter.reason).toContain('entry.0.changes.0.value.messages.1.timestamp: must be unix seconds');
    expect(Date.parse(letter.receivedAt)).toBeLessThanOrEqual(Date.parse(letter.deadSince));
    expect(await metric('switchboard_webhook_dead_letters_total', { kind: 'refused' })).toBe(countedBefore + 1);
    expect(await metric('switchboard_webhook_dead_letters')).toBeGreaterThanOrEqual(1);
    // The rest of the batch went through.
    expect(await storedCopies(good.id)).toBe(1);

    // Replayed unchanged, it is refused again: still listed, with one more attempt, and nothing stored twice.
    const again = await server.api<InboundReplayResult>(supervisor, 'POST', `/api/intake/${id}/replay`);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ outcome: 'failed', deadLetter: { id, kind: 'refused', attempts: 2 } });
    expect(await listed(id)).toMatchObject({ attempts: 2, reason: letter.reason });
    expect(await storedCopies(good.id)).toBe(1);
  });

  it('a webhook whose processing keeps failing is listed with the error; replayed once fixed, its message is stored once and it leaves the list', async () => {
    const injected = failAfterStoring();
    injected.fail('consent store unavailable');
    injected.fail('consent store unavailable');
    const countedBefore = await metric('switchboard_webhook_dead_letters_total', { kind: 'failed' });
    const replayedBefore = await metric('switchboard_webhook_dead_letter_replays_total', { outcome: 'replayed' });
    const message = inbound.text({ from: '5511955550002', name: 'Rita', body: 'my card was charged twice' });
    const id = await acknowledged(envelope({ messages: [message] }));

    const letter = await eventually(() => listed(id), 'the webhook to be given up on');
    expect(letter).toMatchObject({ kind: 'failed', reason: 'consent store unavailable', attempts: 2, issues: [] });
    expect(await metric('switchboard_webhook_dead_letters_total', { kind: 'failed' })).toBe(countedBefore + 1);
    expect(await storedCopies(message.id)).toBe(1);

    // Still broken: the replay fails again and the letter stays, with the new reason.
    injected.fail('consent store still unavailable');
    const failedAgain = await server.api<InboundReplayResult>(supervisor, 'POST', `/api/intake/${id}/replay`);
    expect(failedAgain.body).toMatchObject({
      outcome: 'failed',
      deadLetter: { id, reason: 'consent store still unavailable', attempts: 3 },
    });
    expect(await listed(id)).toMatchObject({ reason: 'consent store still unavailable' });

    // Fixed: the replay goes through, the message is still stored once, and the list no longer has it.
    const replayed = await server.api<InboundReplayResult>(supervisor, 'POST', `/api/intake/${id}/replay`);
    expect(replayed.body).toEqual({ outcome: 'replayed', id, messages: 1, statuses: 0 });
    expect(await listed(id)).toBeUndefined();
    expect(await storedCopies(message.id)).toBe(1);
    const conversation = await server.app.models.Conversation.findOne({
      _id: (await server.app.models.Message.findOne({ providerMessageId: message.id }).orFail()).conversationId,
    }).orFail();
    expect(conversation.messageCount).toBe(1);
    expect(await server.app.models.WebhookArchive.findById(id)).toMatchObject({ status: 'done', attempts: 4 });
    expect(await metric('switchboard_webhook_dead_letter_replays_total', { outcome: 'replayed' })).toBe(
      replayedBefore + 1,
    );
    // Gone from the list, it cannot be replayed again.
    expect((await server.api(supervisor, 'POST', `/api/intake/${id}/replay`)).status).toBe(404);
  });

  it('replaying all applies every listed webhook once and takes them off the list', async () => {
    const injected = failAfterStoring();
    for (let i = 0; i < 4; i++) injected.fail('consent store unavailable');
    const first = inbound.text({ from: '5511955550003', body: 'first' });
    const second = inbound.text({ from: '5511955550003', body: 'second' });
    const ids = [await acknowledged(envelope({ messages: [first] }))];
    await eventually(() => listed(ids[0]!), 'the first webhook to be given up on');
    ids.push(await acknowledged(envelope({ messages: [second] })));
    await eventually(() => listed(ids[1]!), 'the second webhook to be given up on');
    const others = (await deadLetters()).filter((letter) => !ids.includes(letter.id)).length;

    const all = await server.api<InboundReplayAllResult>(supervisor, 'POST', '/api/intake/dead/replay');
    expect(all.status).toBe(200);
    expect(all.body.replayed).toBe(2);
    expect(all.body.items.filter((letter) => ids.includes(letter.id))).toEqual([]);
    expect(all.body.replayed + all.body.failed).toBe(2 + others);
    expect(await storedCopies(first.id)).toBe(1);
    expect(await storedCopies(second.id)).toBe(1);
  });

  it('an error WhatsApp itself reports is recorded on the webhook, not dead-lettered: there is nothing of ours to replay', async () => {
    const intake = await server.deliver(
      envelope({
        errors: [
          {
            code: 131000,
            title: 'Something went wrong',
            message: 'Something went wrong',
            error_data: { details: 'Something went wrong' },
          },
        ],
      }),
    );
    expect(intake.itemErrors).toHaveLength(1);
    expect(await listed(String(intake._id))).toBeUndefined();
  });

  it('agents may neither list nor replay dead letters', async () => {
    const agent = (await server.userWith('agent')).token;
    expect((await server.api(agent, 'GET', '/api/intake/dead')).status).toBe(403);
    expect((await server.api(agent, 'POST', '/api/intake/dead/replay')).status).toBe(403);
    expect((await server.api(agent, 'POST', `/api/intake/${'a'.repeat(24)}/replay`)).status).toBe(403);
    expect((await server.api(supervisor, 'POST', `/api/intake/${'a'.repeat(24)}/replay`)).status).toBe(404);
    expect((await server.api(supervisor, 'POST', '/api/intake/not-an-id/replay')).status).toBe(400);
  });
});
