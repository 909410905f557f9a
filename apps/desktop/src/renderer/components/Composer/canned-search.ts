import { matchSorter, rankings } from 'match-sorter';
import {
  cannedValuesFor,
  entitiesFromAttributes,
  renderCannedText,
  type CannedVariable,
  type ConversationDTO,
} from '@switchboard/shared';
import type { CannedReply } from '../../../contract/inbox-api';

const SHOWN = 8;

/**
 * The canned replies `/query` finds, best first: a shortcut equal to or starting with the query, then titles,
 * then the text (only where it contains the query, so a long text does not match every scattered letter).
 * match-sorter ranks that way by design and deterministically; among equals, the conversation's language
 * comes first and the agent's own before the team's.
 */
export function matchingCanned(replies: CannedReply[], query: string, language: string | null): CannedReply[] {
  return matchSorter(replies, query.trim(), {
    keys: ['shortcut', 'title', { key: 'text', threshold: rankings.CONTAINS }],
    baseSort: (a, b) =>
      Number(b.item.language === language) - Number(a.item.language === language) ||
      Number(b.item.scope === 'personal') - Number(a.item.scope === 'personal') ||
      a.index - b.index,
  }).slice(0, SHOWN);
}

/** A canned reply filled in for this conversation: the customer's and the agent's names, what a bot collected. */
export function fillCanned(
  reply: Pick<CannedReply, 'text'>,
  conversation: ConversationDTO,
  agentName: string,
): { text: string; missing: CannedVariable[] } {
  const values = cannedValuesFor({
    contact: conversation.contact,
    agent: { name: agentName },
    entities: entitiesFromAttributes(conversation.handoff?.attributes),
  });
  return renderCannedText(reply.text, values);
}
