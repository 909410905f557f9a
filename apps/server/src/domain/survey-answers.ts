import type { MessageContent } from '@switchboard/shared';
import type { ConversationDoc } from '../models/conversation.model.js';
import type { StoredCsat } from '../models/to-dto.js';

/** A survey button's id names its conversation and score, so a tap is understood wherever it lands. */
export const csatButtonId = (conversationId: string, score: number) => `csat:${conversationId}:${score}`;
const BUTTON_ID = /^csat:([a-f0-9]{24}):([1-3])$/;

/** The score a customer's message gives, and the conversation a survey button names (if it was one). */
export function surveyScoreOf(content: MessageContent): { score: number; conversationId: string | null } | null {
  const id = content.type === 'interactive' ? content.replyId : content.type === 'button' ? content.payload : null;
  const tapped = id ? BUTTON_ID.exec(id) : null;
  if (tapped) return { score: Number(tapped[2]), conversationId: tapped[1]! };
  const text = content.type === 'text' ? content.body.trim() : null;
  return text && /^[1-3]$/.test(text) ? { score: Number(text), conversationId: null } : null;
}

export const csatOf = (conversation: ConversationDoc) => (conversation.csat ?? null) as StoredCsat | null;

/**
 * Whether a customer's message to a resolved conversation answers its satisfaction survey (a score while it
 * is asked, then a comment right after rating): such a message joins the conversation without reopening it.
 */
export function answersSurvey(conversation: ConversationDoc, content: MessageContent, now = new Date()): boolean {
  const csat = csatOf(conversation);
  if (conversation.status !== 'resolved' || !csat || now >= csat.expiresAt) return false;
  if (csat.state === 'asked') {
    const answer = surveyScoreOf(content);
    return answer !== null && (answer.conversationId === null || answer.conversationId === conversation.id);
  }
  return content.type === 'text' && csat.comment === null && csat.commentUntil !== null && now < csat.commentUntil;
}
