/**
 * The part of a message a customer leads with. Routing takes the ask a customer leads with (intents.md),
 * and a bag of words cannot tell first from second: "where's my order? also send the invoice" reads the
 * same as its reverse. Scoring the opening on its own as well tips a two-ask message toward its first ask.
 */

// Sentence ends, and the words customers use to tack on a second ask, in the three languages.
const ASK_BOUNDARY =
  /[.?!\n]+|,?\s+(?:and|also|plus|btw|by the way|y|e|tambien|también|ademas|además|y de paso|de paso|e aproveitando|aproveitando|alem disso|além disso)\s+/i;

// An opening shorter than this is a greeting or a fragment ("hi.", "ok so"), not an ask of its own.
const MIN_WORDS = 3;

/** The parts of a message long enough to carry an ask of their own, in order; one part: no split. */
export function askParts(text: string): string[] {
  const parts = text
    .split(ASK_BOUNDARY)
    .map((part) => part.trim())
    .filter((part) => part.split(/\s+/).length >= MIN_WORDS);
  return parts.length > 1 ? parts : [];
}
