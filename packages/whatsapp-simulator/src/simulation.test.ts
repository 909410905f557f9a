import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseSimulateArgs } from './simulate.js';
import { verifyWebhookSignature } from './signature.js';
import { runSimulation, type SimulationOptions } from './simulation.js';
import { createWhatsAppSimulator, DEFAULT_SIMULATOR_URL } from './simulator-server.js';
import { WebhookReceiver } from './test-support/webhook-receiver.js';
import type { WebhookPayload } from './webhook-types.js';

let receiver: WebhookReceiver;
let url: string;
beforeEach(async () => {
  receiver = new WebhookReceiver();
  url = await receiver.start();
});
afterEach(async () => {
  await receiver.stop();
});

const options = (overrides: Partial<SimulationOptions> = {}): SimulationOptions => ({
  url,
  secret: 'sim-secret',
  phoneNumberId: '100000000000001',
  displayPhoneNumber: '+1 555 0100',
  customers: 6,
  messages: 80,
  rate: 200,
  seed: 7,
  ...overrides,
});

describe('runSimulation', () => {
  it('sends signed Meta-shaped webhooks with batches, duplicates and many message types, then stops', async () => {
    const lines: string[] = [];
    const summary = await runSimulation(options({ log: (line) => lines.push(line) }));

    expect(summary).toMatchObject({ messages: 80, refused: 0, timedOut: false });
    expect(summary.acked).toBe(summary.requests);
    expect(receiver.received).toHaveLength(summary.requests);
    expect(lines).toHaveLength(summary.requests);
    expect(summary.duplicates).toBeGreaterThan(0);
    expect(summary.batches).toBeGreaterThan(0);

    const seenBodies = new Set<string>();
    const messages = [];
    let duplicates = 0;
    for (const request of receiver.received) {
      expect(
        verifyWebhookSignature(request.rawBody, 'sim-secret', request.headers['x-hub-signature-256'] as string),
      ).toBe(true);
      if (seenBodies.has(request.rawBody)) {
        duplicates += 1;
        continue;
      }
      seenBodies.add(request.rawBody);
      const payload = JSON.parse(request.rawBody) as WebhookPayload;
      expect(payload.object).toBe('whatsapp_business_account');
      for (const { value } of payload.entry.flatMap((e) => e.changes)) {
        expect(value.metadata).toEqual({ display_phone_number: '15550100', phone_number_id: '100000000000001' });
        messages.push(...(value.messages ?? []));
      }
    }
    expect(duplicates).toBe(summary.duplicates);
    expect(messages).toHaveLength(80);
    expect(new Set(messages.map((m) => m.id)).size).toBe(80);
    expect(new Set(messages.map((m) => m.type)).size).toBeGreaterThanOrEqual(6);
  });

  it("puts customers' photos, stickers, voice notes and documents in the simulator, where the Graph API serves them as the messages describe", async () => {
    const sim = createWhatsAppSimulator({ appSecret: 'sim-secret', accessToken: 'sim-token' });
    const { url: simulatorUrl } = await sim.start();
    try {
      await runSimulation(options({ messages: 150, simulatorUrl }));
      const files = receiver.received
        .flatMap((r) =>
          (JSON.parse(r.rawBody) as WebhookPayload).entry.flatMap((e) =>
            e.changes.flatMap((c) => c.value.messages ?? []),
          ),
        )
        .flatMap((m) =>
          m.type === 'image'
            ? [m.image]
            : m.type === 'sticker'
              ? [m.sticker]
              : m.type === 'audio'
                ? [m.audio]
                : m.type === 'document'
                  ? [m.document]
                  : [],
        );
      expect(files.length).toBeGreaterThan(3);
      const bearer = { authorization: 'Bearer sim-token' };
      for (const file of files) {
        const meta = (await (await fetch(`${simulatorUrl}/v21.0/${file.id}`, { headers: bearer })).json()) as {
          url: string;
          sha256: string;
          mime_type: string;
        };
        expect({ sha256: meta.sha256, mime: meta.mime_type }).toEqual({ sha256: file.sha256, mime: file.mime_type });
        const bytes = Buffer.from(await (await fetch(meta.url, { headers: bearer })).arrayBuffer());
        if (file.mime_type === 'image/png') expect(bytes.subarray(1, 4).toString()).toBe('PNG');
        if (file.mime_type === 'audio/wav') expect(bytes.subarray(0, 4).toString()).toBe('RIFF');
      }
    } finally {
      await sim.stop();
    }
  });

  it('without a simulator to take the files, still sends every message and says why files will not show', async () => {
    const lines: string[] = [];
    const summary = await runSimulation(
      options({ messages: 150, simulatorUrl: 'http://127.0.0.1:9', log: (line) => lines.push(line) }),
    );
    expect(summary).toMatchObject({ messages: 150, refused: 0 });
    expect(lines.filter((line) => line.includes('will not be viewable'))).toHaveLength(1);
  });

  it('counts refusals when the receiver answers with an error', async () => {
    receiver.respondWith = 500;
    const summary = await runSimulation(options({ messages: 5 }));
    expect(summary.acked).toBe(0);
    expect(summary.refused).toBe(summary.requests);
    expect(summary.requests).toBeGreaterThan(0);
  });

  it('stops at its time limit even when messages remain', async () => {
    const summary = await runSimulation(options({ messages: 1000, rate: 10, maxDurationMs: 300 }));
    expect(summary.timedOut).toBe(true);
    expect(summary.messages).toBeLessThan(1000);
  });

  it('refuses a non-loopback target and out-of-range settings before sending anything', async () => {
    await expect(runSimulation(options({ url: 'http://example.com/webhooks/whatsapp' }))).rejects.toThrow(/loopback/);
    await expect(runSimulation(options({ simulatorUrl: 'http://example.com' }))).rejects.toThrow(/loopback/);
    await expect(runSimulation(options({ rate: 0 }))).rejects.toThrow(/rate/);
    expect(receiver.received).toHaveLength(0);
  });
});

describe('parseSimulateArgs', () => {
  it('uses environment defaults and lets flags override them', () => {
    const env = { SWITCHBOARD_URL: 'http://127.0.0.1:4000/hook', WHATSAPP_APP_SECRET: 'env-secret' };
    expect(parseSimulateArgs([], env)).toMatchObject({
      url: 'http://127.0.0.1:4000/hook',
      secret: 'env-secret',
      phoneNumberId: '100000000000001',
      displayPhoneNumber: '+1 555 0100',
      customers: 12,
      messages: 60,
      rate: 4,
      allowRemote: false,
      simulatorUrl: DEFAULT_SIMULATOR_URL,
    });
    expect(parseSimulateArgs(['--customers', '3', '--rate', '0.5', '--secret', 'flag'], env)).toMatchObject({
      customers: 3,
      rate: 0.5,
      secret: 'flag',
    });
    expect(() => parseSimulateArgs(['--messages', 'lots'], {})).toThrow(/--messages/);
  });
});
