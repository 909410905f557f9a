/** Someone who may be named: by full name, by the part of their email before `@`, or by a first name only they have. */
export type Nameable = { id: string; name: string; email: string };

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
const firstNameOf = (name: string) => name.trim().split(/\s+/)[0] ?? '';
/** An `@` that starts a mention: at the start or after a space or punctuation, never inside an email address. */
const MENTION_START = /(?<![\p{L}\p{N}_.+-])@/gu;
const isWordChar = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}_]/u.test(char);

/**
 * The ids of the users the text names with `@`, accents and case aside: `@Ana Lima`, `@ana.lima` (the email's
 * local part) or `@Ana` when only one user is called Ana. Where names overlap (`@Ana Lima` and `@Ana`), the
 * longest name the text spells wins.
 */
export function mentionedIn(text: string, users: Nameable[]): string[] {
  const folded = fold(text);
  const firstNames = new Map<string, Nameable[]>();
  for (const user of users) {
    const first = fold(firstNameOf(user.name));
    firstNames.set(first, [...(firstNames.get(first) ?? []), user]);
  }
  const found = new Set<string>();
  for (const match of folded.matchAll(MENTION_START)) {
    const after = folded.slice(match.index + 1);
    let best: { id: string; length: number } | null = null;
    const consider = (id: string, spelled: string) => {
      if (!spelled || !after.startsWith(spelled) || isWordChar(after[spelled.length])) return;
      if (!best || spelled.length > best.length) best = { id, length: spelled.length };
    };
    for (const user of users) {
      consider(user.id, fold(user.name.trim()));
      consider(user.id, fold(user.email.split('@')[0] ?? ''));
      const first = fold(firstNameOf(user.name));
      if (firstNames.get(first)?.length === 1) consider(user.id, first);
    }
    if (best) found.add((best as { id: string }).id);
  }
  return [...found];
}
