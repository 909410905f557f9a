import {
  cannedValuesFor,
  entitiesFromAttributes,
  renderCannedText,
  type CannedEntity,
  type RenderedCannedReply,
} from '@switchboard/shared';
import type { ConversationService } from '../domain/conversation.service.js';
import type { Viewer } from '../domain/viewer.js';
import type { Models } from '../models/index.js';
import type { ConversationDoc } from '../models/conversation.model.js';
import { toContactDTO } from '../models/to-dto.js';
import type { CannedActor, CannedReplyService } from './canned-reply.service.js';

/** What the conversation tells about its customer's case: for now, what a bot collected before handing it over. */
export function entitiesOf(conversation: Pick<ConversationDoc, 'handoff'>): CannedEntity[] {
  const handoff = conversation.handoff as { attributes?: Record<string, unknown> } | null;
  return entitiesFromAttributes(handoff?.attributes);
}

/** Fills a canned reply in for one conversation, as the agent asking would send it. */
export class CannedRenderer {
  constructor(
    private readonly models: Models,
    private readonly replies: CannedReplyService,
    private readonly conversations: ConversationService,
  ) {}

  async render(
    replyId: string,
    conversationId: string,
    actor: CannedActor,
    viewer: Viewer,
  ): Promise<RenderedCannedReply> {
    const reply = await this.replies.usable(replyId, actor);
    const conversation = await this.conversations.findVisible(conversationId, viewer);
    const contact = toContactDTO(await this.models.Contact.findById(conversation.contactId).orFail());
    const values = cannedValuesFor({
      contact,
      agent: { name: actor.name },
      entities: entitiesOf(conversation),
    });
    return renderCannedText(reply.text, values);
  }
}
