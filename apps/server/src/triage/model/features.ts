import { stripAccents } from '../text-normalizer.js';

/**
 * What the linear model sees of a message: words, word pairs and the character n-grams inside each word,
 * hashed into a fixed number of buckets. Character n-grams carry what words cannot on unseen phrasing:
 * typos ("shiped"), missing accents, inflections ("cancelar", "cancelen", "cancelei") and code-switching
 * all share most of their n-grams with the spelling the corpus has.
 */
export const FEATURE_BITS = 18;
export const FEATURE_COUNT = 1 << FEATURE_BITS;

const MIN_GRAM = 2;
const MAX_GRAM = 5;

// Chat spellings that stand for a whole word: spelt out so they meet the word's other spellings.
const SLANG: Readonly<Record<string, string>> = {
  u: 'you',
  ur: 'your',
  pls: 'please',
  plz: 'please',
  rn: 'now',
  vc: 'voce',
  vcs: 'voces',
  pq: 'porque',
  xq: 'porque',
  q: 'que',
  k: 'que',
  tb: 'tambem',
  tbm: 'tambem',
  tmb: 'tambien',
  hj: 'hoje',
  dnd: 'donde',
  xfa: 'porfavor',
  porfa: 'porfavor',
  pfv: 'porfavor',
  obg: 'obrigado',
};

export interface SparseVector {
  readonly indices: Uint32Array;
  readonly values: Float32Array;
}

/** Lowercase, no accents, elongations collapsed, digits folded to one shape, slang spelt out. */
export function tokenize(text: string): string[] {
  const plain = stripAccents(text.normalize('NFC').toLowerCase()).replace(/(\p{L})\1{2,}/gu, '$1$1');
  return plain
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((word) => SLANG[word] ?? word.replace(/\d/g, '0'));
}

/** Word and n-gram counts, log-damped and scaled to unit length so long stories weigh like short asks. */
export function featurize(text: string): SparseVector {
  const words = tokenize(text);
  const counts = new Map<number, number>();
  const add = (feature: string) => {
    const index = hash(feature);
    counts.set(index, (counts.get(index) ?? 0) + 1);
  };
  words.forEach((word, i) => {
    add(`w ${word}`);
    add(i ? `b ${words[i - 1]} ${word}` : `b ^ ${word}`);
    const padded = ` ${word} `;
    for (let n = MIN_GRAM; n <= MAX_GRAM; n += 1) {
      for (let start = 0; start + n <= padded.length; start += 1) add(`c ${padded.slice(start, start + n)}`);
    }
  });
  add('bias');
  const indices = Uint32Array.from(counts.keys());
  const values = Float32Array.from(counts.values(), (count) => 1 + Math.log(count));
  const norm = Math.sqrt(values.reduce((sum, v) => sum + v * v, 0)) || 1;
  for (let i = 0; i < values.length; i += 1) values[i]! /= norm;
  return { indices, values };
}

/** FNV-1a: fast, stable across runs and machines, and good enough spread for feature hashing. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & (FEATURE_COUNT - 1);
}
