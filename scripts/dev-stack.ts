import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createInterface } from 'node:readline';
import {
  bootServer,
  createLogger,
  loadConfig,
  loadQueueSeed,
  loadTemplateSeed,
  type App,
  type Config,
} from '@switchboard/server';
import { createWhatsAppSimulator, DEFAULT_SIMULATOR_PORT } from '@switchboard/whatsapp-simulator';

const SIMULATOR_PORT = Number(process.env.SIMULATOR_PORT ?? DEFAULT_SIMULATOR_PORT);
const DEV_PHONE_NUMBER_ID = process.env.WHATSAPP_PHONE_NUMBER_ID ?? '100000000000001';
/** The desktop launcher: Electron where it can start, else the inbox in a browser through the Node host. */
const INBOX_LAUNCHER = createRequire(import.meta.url).resolve('@switchboard/desktop/launcher');
/** The launcher prints the inbox's address once it serves; the banner follows it, or this long at most. */
const INBOX_WAIT_MS = 180_000;
/** Output pauses this long after the address: the launcher has said what it had to say. */
const INBOX_QUIET_MS = 400;

/** Sign-ins for trying the inbox (development only; printed below and in the README). */
const DEMO_TEAM = [
  { email: 'agent@switchboard.local', name: 'Ana Agent', role: 'agent', password: 'switchboard-agent' },
  {
    email: 'supervisor@switchboard.local',
    name: 'Sam Supervisor',
    role: 'supervisor',
    password: 'switchboard-supervisor',
  },
] as const;

/** Adds the demo agent (in every queue) and supervisor once; existing users are left alone. */
/** The audit log names who made each change: the demo data is set up by the development stack itself. */
const DEV_STACK = { id: '000000000000000000000000', name: 'development stack', role: 'admin' as const };

async function loadDemoTeam(app: App): Promise<void> {
  const existing = new Set((await app.services.users.list()).map((u) => u.email));
  const queueIds = (await app.services.queues.all()).map((q) => q._id.toHexString());
  for (const member of DEMO_TEAM) {
    if (existing.has(member.email)) continue;
    const user = await app.services.users.create(member, DEV_STACK);
    if (member.role === 'agent') await app.services.agents.updateProfile(user.id, { queueIds, capacity: 5 }, DEV_STACK);
  }
}

/**
 * Where the server's JSON logs go: a file beside its data by default, so the terminal keeps the banner and
 * the inbox's address; LOG_FILE names another file, and LOG_FILE=- puts them back in the terminal.
 */
function logDestination(config: Config): { file: string | null; stream?: NodeJS.WritableStream } {
  const wanted = process.env.LOG_FILE ?? path.join(config.DATA_DIR, 'server.log');
  if (wanted === '-') return { file: null };
  const file = path.resolve(wanted);
  mkdirSync(path.dirname(file), { recursive: true });
  return { file, stream: createWriteStream(file, { flags: 'a' }) };
}

/**
 * Opens the inbox once the server answers (SWITCHBOARD_INBOX=0 runs the server alone). Its output is passed
 * through; `onAddress` is told when it prints where the inbox is, or when it ends without saying.
 */
function startInbox(serverUrl: string, onAddress: () => void): ChildProcess | null {
  if (process.env.SWITCHBOARD_INBOX === '0') return null;
  const child = spawn(process.execPath, ['--import', 'tsx', INBOX_LAUNCHER], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, SWITCHBOARD_SERVER_URL: serverUrl },
  });
  // The address comes with a few lines around it: the banner waits until they have all been printed.
  let quiet: NodeJS.Timeout | undefined;
  let addressSeen = false;
  createInterface({ input: child.stdout! }).on('line', (line) => {
    console.log(line);
    addressSeen ||= /https?:\/\//.test(line);
    clearTimeout(quiet);
    if (addressSeen) quiet = setTimeout(onAddress, INBOX_QUIET_MS);
  });
  child.once('exit', onAddress);
  return child;
}

function banner(
  config: Config,
  url: string,
  simulatorUrl: string,
  databaseKind: string,
  logFile: string | null,
): string {
  const demo = config.NODE_ENV === 'production' ? [] : DEMO_TEAM;
  return [
    '',
    `Switchboard is running (database: ${databaseKind})`,
    `  API            ${url}/api  (OpenAPI: ${url}/api/openapi.json)`,
    `  Webhook        ${url}/webhooks/whatsapp`,
    `  WhatsApp       ${config.WHATSAPP_API_BASE_URL}${config.WHATSAPP_API_BASE_URL === simulatorUrl ? ' (the simulator)' : ''}`,
    `  Data           ${config.DATA_DIR}`,
    `  Server logs    ${logFile ?? 'this terminal'}${logFile ? '  (LOG_FILE=- shows them here)' : ''}`,
    `  Sign in        ${config.ADMIN_EMAIL} / ${config.NODE_ENV === 'production' ? '(ADMIN_PASSWORD)' : config.ADMIN_PASSWORD}`,
    ...demo.map((m) => `                 ${m.email} / ${m.password}  (${m.role})`),
    '',
    'Send customer traffic from another terminal:  pnpm simulate',
    'Stop everything: Ctrl-C',
    '',
  ].join('\n');
}

/**
 * `npm start`: the embedded database, the server, and the WhatsApp Cloud API simulator wired to it, with a
 * registered business number so `pnpm simulate` traffic lands in a named inbox, then the inbox itself.
 */
async function main() {
  const base = loadConfig();
  const simulator = createWhatsAppSimulator({
    appSecret: base.WHATSAPP_APP_SECRET,
    accessToken: base.WHATSAPP_ACCESS_TOKEN,
  });
  const { url: simulatorUrl } = await simulator.start(SIMULATOR_PORT);
  // Replies go to this simulator unless WHATSAPP_API_BASE_URL names another Cloud API.
  const config = process.env.WHATSAPP_API_BASE_URL ? base : { ...base, WHATSAPP_API_BASE_URL: simulatorUrl };
  const logs = logDestination(config);
  const logger = createLogger(config.LOG_LEVEL, logs.stream);
  console.log(`starting the server (database in ${config.DATA_DIR})...`);
  const server = await bootServer(config, logger);
  simulator.setWebhookUrl(`${server.url}/webhooks/whatsapp`);
  const { app, url } = server;
  await app.services.channels.forPhoneNumber(DEV_PHONE_NUMBER_ID, '15550100', null);
  const dev = (await app.services.channels.list()).find((c) => c.phoneNumberId === DEV_PHONE_NUMBER_ID);
  if (dev?.status === 'unregistered')
    await app.services.channels.update(dev.id, { name: 'Support (demo number)', status: 'active' }, DEV_STACK);
  await loadTemplateSeed(app.services.templates);
  await loadQueueSeed(app.services.queues);
  if (config.NODE_ENV !== 'production') await loadDemoTeam(app);

  let shown = false;
  const showBanner = () => {
    if (shown) return;
    shown = true;
    clearTimeout(fallback);
    console.log(banner(config, url, simulatorUrl, server.databaseKind, logs.file));
  };
  const fallback = setTimeout(showBanner, INBOX_WAIT_MS);
  console.log('starting the inbox...');
  const inbox = startInbox(url, showBanner);
  if (!inbox) showBanner();

  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    clearTimeout(fallback);
    console.log('\nstopping...');
    inbox?.kill('SIGTERM');
    await simulator.stop();
    await server.stop();
    logs.stream?.end();
    console.log('stopped');
    process.exit(0);
  };
  // A Ctrl-C reaches this process twice (from the terminal and forwarded by npm): the second must not cut
  // the stop short, so the handlers stay and `shutdown` runs once.
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
