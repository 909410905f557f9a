/**
 * Turns a raw WhatsApp text into what the classifier sees. Customers write short, misspelt, elongated,
 * emoji-heavy messages; the corpus is normalised the same way, so both sides meet in the middle.
 */

export interface PreparedText {
  /** Lowercased, emoji removed, elongations collapsed; accents kept because they tell languages apart. */
  readonly languageText: string;
  /** languageText without accents, politeness fillers and function words, with common chat slang spelt out. */
  readonly intentText: string;
  /** Sum of the polarity of the emoji that were removed (the sentiment lexicons do not know emoji). */
  readonly emojiPolarity: number;
}

// Only emoji whose meaning is clear enough to move a support agent's read of the mood.
const EMOJI_POLARITY: Readonly<Record<string, number>> = {
  '😡': -0.6,
  '🤬': -0.8,
  '😠': -0.6,
  '😤': -0.4,
  '👎': -0.5,
  '💔': -0.4,
  '😭': -0.4,
  '😢': -0.3,
  '😞': -0.3,
  '😩': -0.3,
  '😫': -0.3,
  '🙄': -0.3,
  '😒': -0.3,
  '😑': -0.2,
  '🤦': -0.3,
  '😊': 0.3,
  '🙂': 0.2,
  '😀': 0.3,
  '😃': 0.3,
  '😁': 0.3,
  '😍': 0.5,
  '🥰': 0.5,
  '❤': 0.4,
  '👍': 0.3,
  '🙌': 0.3,
  '🎉': 0.3,
  '💯': 0.3,
  '😂': 0.2,
  '🤣': 0.2,
};

// The joiner, variation selector and keycap mark are listed alone on purpose: each is stripped by itself.
// eslint-disable-next-line no-misleading-character-class
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|[\u{1F3FB}-\u{1F3FF}\u200d\ufe0f\u20e3]/gu;

// Words that say nothing about the intent but, on a few hundred examples, tilt it at random.
const FILLERS =
  /\b(please|pls|plz|plis|pleas|thanks|thank you|thx|por favor|porfa|porfavor|porfis|xfa|x favor|pfv|pf|gracias|obrigad[oa])\b/g;

const SLANG: Readonly<Record<string, string>> = {
  vc: 'voce',
  vcs: 'voces',
  pq: 'porque',
  xq: 'porque',
  tb: 'tambem',
  tbm: 'tambem',
  hj: 'hoje',
  dnd: 'donde',
};

// Articles, pronouns and copulas in the three languages, with their chat spellings (u, q, ta); question
// words and negations stay.
const FUNCTION_WORDS = new Set(
  (
    'the a an is are was be it its this that these those my me i im you u your ur r we our of to in on at for and or so just with from ' +
    'el la los las un una unos unas es son era mi mis yo tu su sus de del al en y lo le les este esta esto ese eso con por para q ta ' +
    'o os as um uma uns umas e sao meu minha meus minhas eu do da dos das na nas em ou que oq isso esse essa com pro pra'
  ).split(' '),
);

export function prepareText(raw: string): PreparedText {
  let emojiPolarity = 0;
  const withoutEmoji = raw.normalize('NFC').replace(EMOJI, (emoji) => {
    emojiPolarity += EMOJI_POLARITY[emoji] ?? 0;
    return ' ';
  });
  const languageText = collapseSpaces(collapseElongations(withoutEmoji.toLowerCase()));
  const words = stripAccents(languageText)
    .replace(FILLERS, ' ')
    .split(/[^\p{L}\p{N}]+/u)
    .map((word) => SLANG[word] ?? word)
    .filter((word) => word && !FUNCTION_WORDS.has(word));
  return { languageText, intentText: words.join(' '), emojiPolarity };
}

/** "holaaaa" -> "hola", "sooo" -> "so", but "goood" -> "good": a run at a word's end is one letter, inside it two. */
function collapseElongations(text: string): string {
  return text.replace(/(\p{L})\1{2,}(?=(\p{L})?)/gu, (_run, letter: string, next: string | undefined) =>
    next ? letter + letter : letter,
  );
}

/** The words of a message as the language detector compares them: function words kept, since they tell languages apart. */
export function languageWords(languageText: string): string[] {
  return stripAccents(languageText)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

export function stripAccents(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .normalize('NFC');
}

function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Case, accents, punctuation, spacing and elongation do not make two texts different; emoji do. */
export function comparableText(text: string): string {
  return stripAccents(text.toLowerCase())
    .replace(/(\p{L})\1{2,}/gu, '$1')
    .replace(/[^\p{L}\p{N}\p{Extended_Pictographic}]+/gu, ' ')
    .trim();
}
