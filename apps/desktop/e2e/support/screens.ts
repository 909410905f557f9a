import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

const DIR = fileURLToPath(new URL('../screenshots/', import.meta.url));

/** Saves what the user sees as `e2e/screenshots/<name>.png`, for people to look at. */
export async function saveScreen(page: Page, name: string): Promise<void> {
  mkdirSync(DIR, { recursive: true });
  await page.screenshot({ path: `${DIR}${name}.png`, animations: 'disabled' });
}
