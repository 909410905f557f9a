import open from 'open';
import { loadHostConfig } from './host-config.js';
import { startNodeHost } from './node-host.js';

/** A browser can be opened only where there is a screen; headless machines just print the address. */
const hasDisplay = () => process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

/** `pnpm --filter @switchboard/desktop run host`: the inbox in a browser, served by the engine's Node host. */
async function main() {
  const config = loadHostConfig(process.argv.slice(2), process.env);
  const host = await startNodeHost({ port: config.port, dataDir: config.dataDir, rendererDir: config.rendererDir, defaultServerUrl: config.serverUrl });
  console.log(
    [
      '',
      `Switchboard inbox (Node host, data in ${config.dataDir})`,
      `  Open           ${host.url}`,
      `  Server         ${config.serverUrl}`,
      ...(host.hasRenderer ? [] : [`  (the renderer is not built yet: pnpm --filter @switchboard/desktop run build:renderer)`]),
      '',
    ].join('\n'),
  );
  if (config.open && hasDisplay()) {
    // A missing or broken browser must not take the inbox down: the address is printed above.
    await open(host.url).catch((error: unknown) => console.warn(`could not open a browser: ${String(error)}`));
  }

  const shutdown = async () => {
    await host.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
