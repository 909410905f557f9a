import { batch, envelope, inbound, signedWebhook } from '@switchboard/whatsapp-simulator';
import { connectDatabase, createApp, createLogger, loadConfig, type App } from '@switchboard/server';
import { describeMachine, loadAverage } from '../machine.js';
import type { Scenario, ScenarioResult } from '../result.js';
import { BENCH_SECRETS, freshDatabaseName, startDatabase } from '../stack.js';
import { round } from '../stats.js';

const CUSTOMERS = 20;
const MESSAGES_EACH = 10;
const TEXTS = [
  'where is my order #48213??',
  'the box arrived damaged 😡',
  'I want a refund',
  'obrigado!',
  'hola, mi pedido no llegó',
];

/** Every database command the app sends, by collection and method: the round trips behind one message. */
function countCommands(connection: Awaited<ReturnType<typeof connectDatabase>>) {
  const counts = new Map<string, number>();
  connection.set('debug', (collection: string, method: string) => {
    // The bench's own polling for "processed", not the app's work.
    if (collection === 'webhook_archive' && method === 'findOne') return;
    const key = `${collection}.${method}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  });
  return {
    take() {
      const snapshot = new Map(counts);
      counts.clear();
      return snapshot;
    },
  };
}

function burst(round: number) {
  return batch(
    Array.from({ length: CUSTOMERS }, (_, c) =>
      envelope({
        messages: Array.from({ length: MESSAGES_EACH }, (_, i) =>
          inbound.text({
            from: `55119${String(80000000 + c).padStart(8, '0')}`,
            name: `Customer ${c}`,
            body: `${TEXTS[(c + i + round) % TEXTS.length]} (${round}.${i})`,
          }),
        ),
      }),
    ),
  );
}

async function processOne(app: App, url: string, round: number): Promise<number> {
  const signed = signedWebhook(burst(round), BENCH_SECRETS.WHATSAPP_APP_SECRET);
  const started = performance.now();
  const res = await fetch(`${url}/webhooks/whatsapp`, { method: 'POST', headers: signed.headers, body: signed.body });
  const { stored } = (await res.json()) as { stored: string };
  while (!(await app.models.WebhookArchive.exists({ _id: stored }))) await new Promise((r) => setTimeout(r, 20));
  return performance.now() - started;
}

/**
 * The inbound path end to end, in-process so every database command can be counted: a webhook of 200
 * messages (20 customers, 10 each) from arrival to fully processed, first for new conversations (opened,
 * triaged, routed) and then for the same, now ongoing conversations.
 */
export const processingScenario: Scenario = {
  name: 'processing',
  describe: 'inbound processing: ms and database round trips per message (new and ongoing conversations)',
  async run() {
    const load = loadAverage();
    const database = await startDatabase();
    const dbName = freshDatabaseName();
    const config = loadConfig({
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      MONGODB_URI: database.uri,
      MONGODB_DB_NAME: dbName,
      ...BENCH_SECRETS,
    });
    const connection = await connectDatabase(database.uri, dbName);
    const app = await createApp({ config, connection, logger: createLogger('warn') });
    try {
      const url = await app.listen(0, '127.0.0.1');
      const counter = countCommands(connection);
      const perMessage = CUSTOMERS * MESSAGES_EACH;
      const figures: Record<string, unknown> = {};
      for (const [phase, round] of [
        ['newConversations', 1],
        ['ongoingConversations', 2],
      ] as const) {
        counter.take();
        const ms = await processOne(app, url, round);
        const commands = counter.take();
        const total = [...commands.values()].reduce((a, b) => a + b, 0);
        figures[`${phase}MsPerMessage`] = round2(ms / perMessage);
        figures[`${phase}MessagesPerSecond`] = round2((perMessage * 1000) / ms);
        figures[`${phase}DbCommandsPerMessage`] = round2(total / perMessage);
        figures[`${phase}TopCommands`] = Object.fromEntries(
          [...commands.entries()]
            .sort((a, b) => b[1] - a[1])
            .slice(0, 16)
            .map(([k, v]) => [k, round2(v / perMessage)]),
        );
      }
      return [
        {
          name: 'processing',
          conditions: {
            machine: describeMachine(),
            database: database.kind,
            processes: 1,
            sockets: 0,
            rate: `one webhook of ${perMessage} messages (${CUSTOMERS} customers x ${MESSAGES_EACH}) per phase`,
            duration: 'until processed',
            loadAverageAtStart: load,
            intakeConcurrency: config.INTAKE_CONCURRENCY,
          },
          figures,
          baselineFigures: null,
          ratios: null,
          notes: [
            'db commands counted with mongoose debug on the app connection (each is one round trip); includes the background routing/SLA loops running meanwhile',
          ],
        } satisfies ScenarioResult,
      ];
    } finally {
      await app.close();
      await new Promise<void>((resolve) => app.httpServer.close(() => resolve()));
      await connection.close();
      await database.stop();
    }
  },
};

const round2 = (n: number) => round(n, 2);
