import { createWhatsAppSimulator } from '@switchboard/whatsapp-simulator';
import { bootServer } from './boot.js';
import { loadConfig } from './config.js';
import { createLogger } from './lib/logger.js';
import { loadTemplateSeed } from './outbound/template-seed.js';
import { loadQueueSeed } from './routing/queue-seed.js';

const SIMULATOR_PORT = Number(process.env.SIMULATOR_PORT ?? 4010);
const DEV_PHONE_NUMBER_ID = process.env.WHATSAPP_PHONE_NUMBER_ID ?? '100000000000001';

/**
 * `pnpm start`: the embedded database, the server, and the WhatsApp Cloud API simulator wired to it, with a
 * registered business number so `pnpm simulate` traffic lands in a named inbox.
 */
async function main() {
  const base = loadConfig();
  const simulator = createWhatsAppSimulator({ appSecret: base.WHATSAPP_APP_SECRET, accessToken: base.WHATSAPP_ACCESS_TOKEN });
  const { url: simulatorUrl } = await simulator.start(SIMULATOR_PORT);
  // Replies go to this simulator unless WHATSAPP_API_BASE_URL names another Cloud API.
  const config = process.env.WHATSAPP_API_BASE_URL ? base : { ...base, WHATSAPP_API_BASE_URL: simulatorUrl };
  const logger = createLogger(config.LOG_LEVEL);
  const server = await bootServer(config, logger);
  simulator.setWebhookUrl(`${server.url}/webhooks/whatsapp`);
  const { app, url } = server;
  await app.services.channels.forPhoneNumber(DEV_PHONE_NUMBER_ID, '15550100', null);
  const channels = await app.services.channels.list();
  const dev = channels.find((c) => c.phoneNumberId === DEV_PHONE_NUMBER_ID);
  if (dev?.status === 'unregistered') await app.services.channels.update(dev.id, { name: 'Support (demo number)', status: 'active' });
  await loadTemplateSeed(app.services.templates);
  await loadQueueSeed(app.services.queues);

  console.log(
    [
      '',
      `Switchboard is running (database: ${server.databaseKind}, data in ${config.DATA_DIR})`,
      `  API            ${url}/api  (OpenAPI: ${url}/api/openapi.json)`,
      `  Webhook        ${url}/webhooks/whatsapp`,
      `  WhatsApp       ${config.WHATSAPP_API_BASE_URL}${config.WHATSAPP_API_BASE_URL === simulatorUrl ? ' (the simulator)' : ''}`,
      `  Sign in        ${config.ADMIN_EMAIL} / ${config.NODE_ENV === 'production' ? '(ADMIN_PASSWORD)' : config.ADMIN_PASSWORD}`,
      '',
      'Send customer traffic from another terminal:  pnpm simulate',
      '',
    ].join('\n'),
  );

  const shutdown = async () => {
    await simulator.stop();
    await server.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
