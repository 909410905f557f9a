import { INTENT_LABELS, type IntentLabel } from '../intents.js';

// Never a second ask: a greeting says nothing, and `unknown` is no ask.
const NOT_SECOND = new Set<IntentLabel>(['greeting', 'unknown']);

/**
 * The second thing a message asks: a part of it (see first-ask.ts) whose own best intent is another one
 * than the message's, at least `threshold` sure. Reading parts apart, rather than taking the runner-up of
 * the whole message, keeps one-ask messages (whose runner-up is only doubt) from showing a second ask.
 */
export function secondAsk(
  primary: IntentLabel,
  parts: readonly Float64Array[],
  threshold: number,
): { intent: IntentLabel; confidence: number } | null {
  let found: { intent: IntentLabel; confidence: number } | null = null;
  for (const part of parts) {
    let best = 0;
    for (let c = 1; c < part.length; c += 1) if (part[c]! > part[best]!) best = c;
    const intent = INTENT_LABELS[best]!;
    const confidence = part[best]!;
    if (intent === primary || NOT_SECOND.has(intent) || confidence < threshold) continue;
    if (!found || confidence > found.confidence) found = { intent, confidence };
  }
  return found;
}
