import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';

/** Each run's screenshots go with the other test artifacts; `docs/screenshots/` keeps a reviewed copy. */
const DIR = fileURLToPath(new URL('../../../../.test-artifacts/screenshots/', import.meta.url));

/**
 * Saves what the user sees as `.test-artifacts/screenshots/<name>.png`, for people to look at: the whole
 * page, or one part of it close up (a list row).
 */
export async function saveScreen(what: Page | Locator, name: string): Promise<void> {
  mkdirSync(DIR, { recursive: true });
  await what.screenshot({ path: `${DIR}${name}.png`, animations: 'disabled' });
}
