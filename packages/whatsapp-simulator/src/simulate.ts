import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_PHONE_NUMBER_ID } from './envelope.js';
import { runSimulation, type SimulationOptions } from './simulation.js';
import { DEFAULT_SIMULATOR_URL } from './simulator-server.js';

const USAGE = `Usage: pnpm simulate [options]
  --url <url>                    webhook endpoint (env SWITCHBOARD_URL, default http://127.0.0.1:3000/webhooks/whatsapp)
  --simulator <url>              the running WhatsApp simulator, which holds customers' photos and documents
                                 (env WHATSAPP_SIMULATOR_URL, default http://127.0.0.1:4010)
  --secret <secret>              app secret used to sign (env WHATSAPP_APP_SECRET, default dev-app-secret)
  --phone-number-id <id>         business phone number id (env WHATSAPP_PHONE_NUMBER_ID, default ${DEFAULT_PHONE_NUMBER_ID})
  --display-phone-number <num>   business display number (default "+1 555 0100")
  --customers <n>                simulated customers (default 12)
  --messages <n>                 inbound messages in total (default 60)
  --rate <n>                     messages per second (default 4)
  --seed <n>                     repeat a previous run exactly
  --allow-remote                 permit a non-loopback target`;

function positiveNumber(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number, got "${raw}"`);
  return value;
}

export function parseSimulateArgs(argv: string[], env: NodeJS.ProcessEnv): SimulationOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      url: { type: 'string' },
      simulator: { type: 'string' },
      secret: { type: 'string' },
      'phone-number-id': { type: 'string' },
      'display-phone-number': { type: 'string' },
      customers: { type: 'string' },
      messages: { type: 'string' },
      rate: { type: 'string' },
      seed: { type: 'string' },
      'allow-remote': { type: 'boolean' },
    },
  });
  return {
    url: values.url ?? env.SWITCHBOARD_URL ?? 'http://127.0.0.1:3000/webhooks/whatsapp',
    simulatorUrl: values.simulator ?? env.WHATSAPP_SIMULATOR_URL ?? DEFAULT_SIMULATOR_URL,
    secret: values.secret ?? env.WHATSAPP_APP_SECRET ?? 'dev-app-secret',
    phoneNumberId: values['phone-number-id'] ?? env.WHATSAPP_PHONE_NUMBER_ID ?? DEFAULT_PHONE_NUMBER_ID,
    displayPhoneNumber: values['display-phone-number'] ?? '+1 555 0100',
    customers: Math.floor(positiveNumber('customers', values.customers, 12)),
    messages: Math.floor(positiveNumber('messages', values.messages, 60)),
    rate: positiveNumber('rate', values.rate, 4),
    ...(values.seed === undefined ? {} : { seed: Math.floor(positiveNumber('seed', values.seed, 1)) }),
    allowRemote: values['allow-remote'] ?? false,
  };
}

async function main(): Promise<void> {
  let options: SimulationOptions;
  try {
    options = parseSimulateArgs(process.argv.slice(2), process.env);
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  console.log(
    `simulating ${options.customers} customers, ${options.messages} messages at ${options.rate}/s -> ${options.url}`,
  );
  const summary = await runSimulation({ ...options, log: (line) => console.log(line) });
  console.log(
    `done in ${(summary.durationMs / 1000).toFixed(1)}s: sent ${summary.requests} requests ` +
      `(${summary.messages} messages, ${summary.batches} batched, ${summary.duplicates} duplicates), ` +
      `acked ${summary.acked}, refused ${summary.refused}${summary.timedOut ? ', stopped at the time limit' : ''}`,
  );
  if (summary.refused > 0) process.exitCode = 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
