import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { issueLines } from '@switchboard/shared';

const desktopDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The inbox's port when none is given: fixed, so its address stays the same across restarts. */
export const DEFAULT_HOST_PORT = 4300;

const HostConfig = z.object({
  port: z.coerce.number().int('must be a whole number').min(0).max(65535).default(DEFAULT_HOST_PORT),
  dataDir: z.string().min(1).default(path.join(desktopDir, '.data')),
  rendererDir: z.string().min(1).default(path.join(desktopDir, 'dist/renderer')),
  serverUrl: z.url('must be a URL such as http://127.0.0.1:3000').default('http://127.0.0.1:3000'),
  open: z.boolean().default(false),
});
export type HostConfig = z.infer<typeof HostConfig>;

/**
 * Flags win over the environment: `--port`, `--data-dir`, `--renderer-dir`, `--server`, `--open`. A leading
 * `--` is skipped: `pnpm run host -- --server ...` passes it through, as npm users are used to typing it.
 */
export function loadHostConfig(argv: string[], env: NodeJS.ProcessEnv): HostConfig {
  const { values } = parseArgs({
    args: argv[0] === '--' ? argv.slice(1) : argv,
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      'renderer-dir': { type: 'string' },
      server: { type: 'string' },
      open: { type: 'boolean' },
    },
  });
  const parsed = HostConfig.safeParse({
    port: values.port ?? env.SWITCHBOARD_HOST_PORT,
    dataDir: values['data-dir'] ?? env.SWITCHBOARD_DATA_DIR,
    rendererDir: values['renderer-dir'] ?? env.SWITCHBOARD_RENDERER_DIR,
    serverUrl: values.server ?? env.SWITCHBOARD_SERVER_URL,
    open: values.open ?? (env.SWITCHBOARD_OPEN === '1' ? true : undefined),
  });
  if (!parsed.success) throw new Error(`bad host settings: ${issueLines(parsed.error.issues).join('; ')}`);
  return parsed.data;
}
