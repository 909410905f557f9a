import open from 'open';
import { loadHostConfig } from './host-config.js';
import { startNodeHost } from './node-host.js';

/** A browser can be opened only where there is a screen; headless machines just print the address. */
const hasDisplay = () => process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

/**
 * The inbox in a browser, served by the engine's Node host, until SIGINT or SIGTERM: settings from `argv`
 * and `env` (see host-config.ts), the address printed, a browser opened with `--open` where there is a screen.
 */
export async function runNodeHost(argv: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const config = loadHostConfig(argv, env);
  const host = await startNodeHost({
    port: config.port,
    dataDir: config.dataDir,
    rendererDir: config.rendererDir,
    defaultServerUrl: config.serverUrl,
  });
  const canOpen = config.open && hasDisplay();
  console.log(
    [
      '',
      `Switchboard inbox (Node host, data in ${config.dataDir})`,
      `  Open           ${host.url}`,
      `  Server         ${config.serverUrl}`,
      ...(host.hasRenderer
        ? []
        : ['  (the renderer is not built yet: pnpm --filter @switchboard/desktop run build:renderer)']),
      ...(config.open && !canOpen ? ['  (no display here: open the address above in a browser)'] : []),
      '',
    ].join('\n'),
  );
  if (canOpen) {
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
