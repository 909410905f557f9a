import { runNodeHost } from './run-node-host.js';

/** `pnpm --filter @switchboard/desktop run host`: the inbox in a browser, served by the engine's Node host. */
runNodeHost(process.argv.slice(2), process.env).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
