import type { SnippetPart } from './search.js';

// How what an agent typed becomes an FTS5 query, and FTS5's marked snippets become parts: the same for the
// server's search index and the desktop's offline cache, so both find the same words.

const MAX_TERMS = 8;

const wordsOf = (q: string) => (q.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_TERMS);
const quoted = (word: string) => `"${word.replaceAll('"', '""')}"`;

/** A word as FTS5's `unicode61 remove_diacritics 2` keeps it: lower case, accents folded (Envío -> envio). */
export const foldedWord = (word: string) =>
  word
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();

/** The distinct words of a text as the index keeps them. */
export const foldedWordsOf = (text: string) => [...new Set(wordsOf(foldedWord(text)))];

/**
 * The words an index holds that start with a prefix, or null when it cannot say (too many, or a prefix it
 * answers faster by itself).
 */
export type Completions = (prefix: string) => readonly string[] | null;

/**
 * An FTS5 query for what an agent typed: every word must appear, the last one as a prefix (it may still be
 * being typed). Words are quoted, so nothing typed can be read as FTS5 syntax (AND, NEAR, column filters).
 * A one-letter last word is matched whole: as a prefix it would walk a large part of the vocabulary.
 *
 * With `completions`, a prefix the index knows the words for becomes those words (`"factura" OR "facturas"`):
 * FTS5 walks a prefix it has no prefix index for by merging every matching word's whole list of messages
 * first, however few results are wanted, while a list of words is walked newest first and stops at a page.
 */
export function wordsMatch(q: string, completions?: Completions): string | null {
  const words = wordsOf(q);
  if (words.length === 0) return null;
  return words
    .map((word, i) => (i === words.length - 1 && word.length > 1 ? prefixMatch(word, completions) : quoted(word)))
    .join(' AND ');
}

function prefixMatch(word: string, completions: Completions | undefined): string {
  const known = completions?.(foldedWord(word));
  return known && known.length > 0 ? `(${known.map(quoted).join(' OR ')})` : `${quoted(word)}*`;
}

/** For the trigram index (names, numbers, emails): each word of three or more characters, anywhere in the field. */
export function fragmentsMatch(q: string): string | null {
  const fragments = wordsOf(q).filter((word) => word.length >= 3);
  return fragments.length > 0 ? fragments.map(quoted).join(' ') : null;
}

/** What FTS5's snippet() and highlight() put around matches: private-use characters no text contains. */
export const MARK_OPEN = '\uE000';
export const MARK_CLOSE = '\uE001';

/** A marked-up snippet as parts, so clients highlight without parsing (or trusting) any markup. */
export function snippetParts(marked: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  for (const [i, piece] of marked.split(MARK_OPEN).entries()) {
    const [inside, after] = i === 0 ? [null, piece] : splitOnce(piece, MARK_CLOSE);
    if (inside) parts.push({ text: inside, match: true });
    if (after) parts.push({ text: after, match: false });
  }
  return parts;
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return at === -1 ? [text, ''] : [text.slice(0, at), text.slice(at + separator.length)];
}
