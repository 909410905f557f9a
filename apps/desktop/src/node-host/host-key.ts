import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** 24 random bytes, base64url: what a key looks like; anything else in the file is replaced. */
const KEY_SHAPE = /^[A-Za-z0-9_-]{32}$/;

/**
 * The key in the inbox's address, kept in the data folder so the address (and a bookmark of it) stays the
 * same across restarts. Readable by this OS user only: whoever has it can drive the engine. Deleting the
 * file gives the next start a new key.
 */
export async function loadHostKey(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'host-key');
  const kept = await readFile(file, 'utf8').then(
    (text) => text.trim(),
    () => '',
  );
  if (KEY_SHAPE.test(kept)) return kept;
  const key = randomBytes(24).toString('base64url');
  await mkdir(dataDir, { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, `${key}\n`, { mode: 0o600 });
  await rename(temp, file);
  return key;
}
