import { createWhatsAppSimulator } from '@switchboard/whatsapp-simulator';
import { bootServer } from './boot.js';
import { loadConfig } from './config.js';
import { createLogger } from './lib/logger.js';
import { loadTemplateSeed } from './outbound/template-seed.js';

const SIMULATOR_PORT = Number(process.env.SIMULATOR_PORT ?? 4010);
const DEV_PHONE_NUMBER_ID = process.env.WHATSAPP_PHONE_NUMBER_ID ?? '100000000000001';

/**
 * `pnpm start`: the embedded database, the server, and the WhatsApp Cloud API simulator wired to it, with a
 * registered business number so `pnpm simulate` traffic lands in a named inbox.
 */
async function main() {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const server = await bootServer(config, logger);
  const { app, url } = server;
  await app.services.channels.forPhoneNumber(DEV_PHONE_NUMBER_ID, '15550100', null);
  const channels = await app.services.channels.list();
  const dev = channels.find((c) => c.phoneNumberId === DEV_PHONE_NUMBER_ID);
  if (dev?.status === 'unregistered') await app.services.channels.update(dev.id, { name: 'Support (demo number)', status: 'active' });
  await loadTemplateSeed(app.services.templates);

  const simulator = createWhatsAppSimulator({ appSecret: config.WHATSAPP_APP_SECRET, webhookUrl: `${url}/webhooks/whatsapp` });
  const { url: simulatorUrl } = await simulator.start(SIMULATOR_PORT);

  console.log(
    [
      '',
      `Switchboard is running (database: ${server.databaseKind}, data in ${config.DATA_DIR})`,
      `  API            ${url}/api  (OpenAPI: ${url}/api/openapi.json)`,
      `  Webhook        ${url}/webhooks/whatsapp`,
      `  WhatsApp sim   ${simulatorUrl}`,
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
