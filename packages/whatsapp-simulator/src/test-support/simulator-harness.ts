import { createWhatsAppSimulator, type WhatsAppSimulator, type WhatsAppSimulatorOptions } from '../simulator-server.js';
import { WebhookReceiver } from './webhook-receiver.js';

export const APP_SECRET = 'test-app-secret';
export const TOKEN = 'test-access-token';
export const PHONE_NUMBER_ID = '106540352242922';

export interface Harness {
  sim: WhatsAppSimulator;
  receiver: WebhookReceiver;
  messagesUrl: string;
  send(body: unknown, token?: string): Promise<Response>;
  stop(): Promise<void>;
}

/** A simulator on 127.0.0.1:0 wired to a real receiving server, with fast status delays. */
export async function startHarness(options: Partial<WhatsAppSimulatorOptions> = {}): Promise<Harness> {
  const receiver = new WebhookReceiver();
  const webhookUrl = await receiver.start();
  const sim = createWhatsAppSimulator({
    appSecret: APP_SECRET,
    accessToken: TOKEN,
    webhookUrl,
    statusDelaysMs: { sent: 10, delivered: 20, read: 30 },
    ...options,
  });
  const { url } = await sim.start();
  const messagesUrl = `${url}/v21.0/${PHONE_NUMBER_ID}/messages`;
  return {
    sim,
    receiver,
    messagesUrl,
    send: (body, token = TOKEN) =>
      fetch(messagesUrl, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: typeof body === 'string' ? body : JSON.stringify(body),
        signal: AbortSignal.timeout(5000),
      }),
    stop: async () => {
      await sim.stop();
      await receiver.stop();
    },
  };
}

export const textTo = (to: string, body = 'Hi Ana, your order ships today.') => ({
  messaging_product: 'whatsapp',
  recipient_type: 'individual',
  to,
  type: 'text',
  text: { body },
});
