import { createWhatsAppSimulator, DEFAULT_SIMULATOR_PORT } from './simulator-server.js';

/** Standalone simulator for local development: `pnpm --filter @switchboard/whatsapp-simulator start`. */
const port = Number(process.env.SIMULATOR_PORT ?? DEFAULT_SIMULATOR_PORT);
const simulator = createWhatsAppSimulator({
  appSecret: process.env.WHATSAPP_APP_SECRET ?? 'dev-app-secret',
  accessToken: process.env.WHATSAPP_ACCESS_TOKEN ?? 'dev-access-token',
  webhookUrl: process.env.SIMULATOR_WEBHOOK_URL ?? 'http://127.0.0.1:3000/webhooks/whatsapp',
});

const { url } = await simulator.start(port, process.env.SIMULATOR_HOST ?? '127.0.0.1');
console.log(`WhatsApp Cloud API simulator listening on ${url} (Graph API: ${url}/v21.0/<phone-number-id>/messages)`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void simulator.stop().then(() => {
      console.log('WhatsApp simulator stopped');
      process.exit(0);
    });
  });
}
