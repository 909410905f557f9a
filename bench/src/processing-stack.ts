import {
  batch,
  createWhatsAppSimulator,
  envelope,
  inbound,
  signedWebhook,
  type SignedWebhook,
} from '@switchboard/whatsapp-simulator';
import { connectDatabase, createApp, createLogger, loadConfig, type App } from '@switchboard/server';
import { createModels, type Models } from '@switchboard/server/internals';
import { meterCost } from './cpu.js';
import { driveAtRate } from './driver.js';
import { BENCH_SECRETS, type Database } from './stack.js';
import { round } from './stats.js';

const TEXTS = [
  'where is my order #48213??',
  'the box arrived damaged 😡',
  'I want a refund',
  'obrigado!',
  'hola, mi pedido no llegó',
];
export const BURST_CUSTOMERS = 20;
export const BURST_MESSAGES_EACH = 10;
const OPEN_LOOP_RATE = 50;
const OPEN_LOOP_SECONDS = 5;
const PROCESSED_WITHIN_MS = 180_000;

export const burstPhone = (customer: number) => `55119${String(80000000 + customer).padStart(8, '0')}`;
const text = (customer: number, round: number, i: number) =>
  `${TEXTS[(customer + i + round) % TEXTS.length]} (${round}.${i})`;

/**
 * The server in this process, so every database command it sends can be counted (the driver's command
 * monitoring), and its CPU read with process.cpuUsage. A second connection watches for "processed", so
 * the watching is not counted.
 */
export type ProcessingStack = {
  app: App;
  /** The reports' time zone the app runs with. */
  reportsZone: string;
  url: string;
  database: Database;
  watch: Models;
  stop(): Promise<void>;
  /** Commands the app has sent so far, by `collection.command`. */
  commands: Map<string, number>;
};

export async function startProcessingStack(database: Database, dbName: string): Promise<ProcessingStack> {
  // Replies (consent confirmations, the growth scenario's flush) go to a simulator of our own.
  const simulator = createWhatsAppSimulator({
    appSecret: BENCH_SECRETS.WHATSAPP_APP_SECRET,
    accessToken: BENCH_SECRETS.WHATSAPP_ACCESS_TOKEN,
  });
  const { url: simulatorUrl } = await simulator.start(0);
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    MONGODB_URI: database.uri,
    MONGODB_DB_NAME: dbName,
    WHATSAPP_API_BASE_URL: simulatorUrl,
    ...BENCH_SECRETS,
  });
  const connection = await connectDatabase(database.uri, dbName);
  const commands = new Map<string, number>();
  connection.getClient().on('commandStarted', (event) => {
    const target = event.command[event.commandName] as unknown;
    const key = `${typeof target === 'string' ? target : '-'}.${event.commandName}`;
    commands.set(key, (commands.get(key) ?? 0) + 1);
  });
  const app = await createApp({ config, connection, logger: createLogger('warn') });
  const url = await app.listen(0, '127.0.0.1');
  simulator.setWebhookUrl(`${url}/webhooks/whatsapp`);
  const watchConnection = await connectDatabase(database.uri, dbName, 2);
  return {
    app,
    reportsZone: config.REPORTS_TIMEZONE,
    url,
    database,
    watch: createModels(watchConnection),
    commands,
    async stop() {
      await app.close();
      await new Promise<void>((resolve) => app.httpServer.close(() => resolve()));
      await connection.close();
      await watchConnection.close();
      await simulator.stop();
    },
  };
}

/** What one phase measured: the figures per message, and the commands that made them up. */
export type PhaseFigures = Record<string, number | Record<string, number> | null>;

/** One webhook of 200 messages (20 customers x 10), from arrival to fully processed. */
export async function burstPhase(stack: ProcessingStack, round: number): Promise<PhaseFigures> {
  const webhook = signedWebhook(
    batch(
      Array.from({ length: BURST_CUSTOMERS }, (_, c) =>
        envelope({
          messages: Array.from({ length: BURST_MESSAGES_EACH }, (_, i) =>
            inbound.text({ from: burstPhone(c), name: `Customer ${c}`, body: text(c, round, i) }),
          ),
        }),
      ),
    ),
    BENCH_SECRETS.WHATSAPP_APP_SECRET,
  );
  return measured(stack, BURST_CUSTOMERS * BURST_MESSAGES_EACH, async () => {
    const res = await fetch(`${stack.url}/webhooks/whatsapp`, {
      method: 'POST',
      headers: webhook.headers,
      body: webhook.body,
    });
    const { stored } = (await res.json()) as { stored: string };
    await processed(stack, [stored]);
  });
}

/**
 * Single-message webhooks at 50 a second for 5 s, open loop: `fresh` from a new customer each (every one
 * opens a conversation), else from the burst's 20 customers (ongoing conversations).
 */
export async function openLoopPhase(stack: ProcessingStack, fresh: boolean, round: number): Promise<PhaseFigures> {
  const total = OPEN_LOOP_RATE * OPEN_LOOP_SECONDS;
  const customerOf = (n: number) => (fresh ? 10_000 * round + n : n % BURST_CUSTOMERS);
  const webhookOf = (n: number): SignedWebhook =>
    signedWebhook(
      envelope({
        messages: [
          inbound.text({ from: burstPhone(customerOf(n)), name: `Customer ${customerOf(n)}`, body: text(n, round, n) }),
        ],
      }),
      BENCH_SECRETS.WHATSAPP_APP_SECRET,
    );
  return measured(stack, total, async () => {
    const drive = await driveAtRate({
      targets: [stack.url],
      path: '/webhooks/whatsapp',
      rate: OPEN_LOOP_RATE,
      durationS: OPEN_LOOP_SECONDS,
      tag: `p${round}`,
      customers: BURST_CUSTOMERS,
      webhook: webhookOf,
    });
    if (drive.stored.length !== total) throw new Error(`only ${drive.stored.length} of ${total} webhooks were stored`);
    await processed(stack, drive.stored);
  });
}

/**
 * Runs `work` and reports its cost per unit (a message, a reply, a pass): time, server CPU, database CPU
 * and commands. The units' names follow the figures': `msPerMessage` reads per unit whatever the unit.
 */
export async function measured(
  stack: ProcessingStack,
  messages: number,
  work: () => Promise<void>,
): Promise<PhaseFigures> {
  const before = new Map(stack.commands);
  const meter = await meterCost({ serverPids: [], inProcess: true, databasePid: stack.database.pid });
  const started = performance.now();
  await work();
  const ms = performance.now() - started;
  const cost = await meter.stop();
  const commands = new Map(
    [...stack.commands].map(([key, n]) => [key, n - (before.get(key) ?? 0)] as const).filter(([, n]) => n > 0),
  );
  const total = [...commands.values()].reduce((a, b) => a + b, 0);
  const perMessage = (n: number | null) => (n === null ? null : round2(n / messages));
  return {
    msPerMessage: round2(ms / messages),
    messagesPerSecond: round2((messages * 1000) / ms),
    dbCommandsPerMessage: perMessage(total),
    serverCpuMsPerMessage: perMessage(cost.serverCpuMs),
    databaseCpuMsPerMessage: perMessage(cost.databaseCpuMs),
    topCommands: Object.fromEntries(
      [...commands.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 16)
        .map(([k, v]) => [k, round2(v / messages)]),
    ),
  };
}

/**
 * Until every stored webhook has been processed (moved out of the intake queue into the archive), watched on
 * a connection of its own: one webhook by id, often; many by the queue's count, every 100 ms (the watching
 * costs the database too, so it is kept rare).
 */
async function processed(stack: ProcessingStack, ids: string[]): Promise<void> {
  const deadline = Date.now() + PROCESSED_WITHIN_MS;
  const [only] = ids;
  const done = async () =>
    ids.length === 1 && only
      ? (await stack.watch.WebhookArchive.exists({ _id: only })) !== null
      : (await stack.watch.WebhookIntake.estimatedDocumentCount()) === 0;
  while (!(await done())) {
    if (Date.now() > deadline)
      throw new Error(`${ids.length} webhooks were not processed within ${PROCESSED_WITHIN_MS} ms`);
    await new Promise((r) => setTimeout(r, ids.length === 1 ? 20 : 100));
  }
}

const round2 = (n: number) => round(n, 2);
