import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { UserDTO } from '@switchboard/shared';

export const SavedSession = z.object({
  serverUrl: z.url(),
  token: z.string().min(1),
  expiresAt: z.string(),
  user: UserDTO,
});
export type SavedSession = z.infer<typeof SavedSession>;

/**
 * The signed-in session, kept in the data dir so the next start opens the cached inbox at once, before the
 * network answers. Readable by this OS user only: it holds a bearer token.
 */
export function sessionFile(dataDir: string) {
  const file = path.join(dataDir, 'session.json');
  return {
    async read(now: Date): Promise<SavedSession | null> {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch {
        return null;
      }
      const saved = SavedSession.safeParse(JSON.parse(text));
      // A damaged or expired session means signing in again, never a crash at start.
      if (!saved.success || Date.parse(saved.data.expiresAt) <= now.getTime()) return null;
      return saved.data;
    },
    async write(session: SavedSession): Promise<void> {
      await mkdir(dataDir, { recursive: true });
      const temp = `${file}.${process.pid}.tmp`;
      await writeFile(temp, JSON.stringify(session), { mode: 0o600 });
      await rename(temp, file);
    },
    remove: () => rm(file, { force: true }),
  };
}
