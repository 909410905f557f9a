import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createWhatsAppSimulator } from '@switchboard/whatsapp-simulator';
import type { App } from './app.js';
import { bootServer } from './boot.js';
import { loadConfig } from './config.js';
import { createLogger } from './lib/logger.js';
import { loadTemplateSeed } from './outbound/template-seed.js';
import { loadQueueSeed } from './routing/queue-seed.js';

const SIMULATOR_PORT = Number(process.env.SIMULATOR_PORT ?? 4010);
const DEV_PHONE_NUMBER_ID = process.env.WHATSAPP_PHONE_NUMBER_ID ?? '100000000000001';
/** The desktop launcher: Electron where it can start, else the inbox in a browser through the Node host. */
const INBOX_LAUNCHER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../desktop/scripts/launch.ts');

/** Sign-ins for trying the inbox (development only; printed below and in the README). */
const DEMO_TEAM = [
  { email: 'agent@switchboard.local', name: 'Ana Agent', role: 'agent', password: 'switchboard-agent' },
  { email: 'supervisor@switchboard.local', name: 'Sam Supervisor', role: 'supervisor', password: 'switchboard-supervisor' },
] as const;

/** Adds the demo agent (in every queue) and supervisor once; existing users are left alone. */
async function loadDemoTeam(app: App): Promise<void> {
  const existing = new Set((await app.services.users.list()).map((u) => u.email));
  const queueIds = (await app.services.queues.all()).map((q) => q._id.toHexString());
  for (const member of DEMO_TEAM) {
    if (existing.has(member.email)) continue;
    const user = await app.services.users.create(member);
    if (member.role === 'agent') await app.services.agents.updateProfile(user.id, { queueIds, capacity: 5 });
  }
}

/** Opens the inbox once the server answers; SWITCHBOARD_INBOX=0 runs the server alone. */
function startInbox(serverUrl: string): ChildProcess | null {
  if (process.env.SWITCHBOARD_INBOX === '0') return null;
  return spawn(process.execPath, ['--import', 'tsx', INBOX_LAUNCHER], { stdio: 'inherit', env: { ...process.env, SWITCHBOARD_SERVER_URL: serverUrl } });
}

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
  const demo = config.NODE_ENV === 'production' ? [] : DEMO_TEAM;
  if (demo.length > 0) await loadDemoTeam(app);

  console.log(
    [
      '',
      `Switchboard is running (database: ${server.databaseKind}, data in ${config.DATA_DIR})`,
      `  API            ${url}/api  (OpenAPI: ${url}/api/openapi.json)`,
      `  Webhook        ${url}/webhooks/whatsapp`,
      `  WhatsApp       ${config.WHATSAPP_API_BASE_URL}${config.WHATSAPP_API_BASE_URL === simulatorUrl ? ' (the simulator)' : ''}`,
      `  Sign in        ${config.ADMIN_EMAIL} / ${config.NODE_ENV === 'production' ? '(ADMIN_PASSWORD)' : config.ADMIN_PASSWORD}`,
      ...demo.map((m) => `                 ${m.email} / ${m.password}  (${m.role})`),
      '',
      'Send customer traffic from another terminal:  pnpm simulate',
      '',
    ].join('\n'),
  );

  const inbox = startInbox(url);
  const shutdown = async () => {
    inbox?.kill('SIGTERM');
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
