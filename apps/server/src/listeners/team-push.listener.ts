import type { ChannelSendHealthDTO, MentionDTO } from '@switchboard/shared';
import type { DomainEvents } from '../domain/domain-events.js';
import type { AppSocketServer } from '../socket/socket-server.js';
import { userRoom } from '../socket/rooms.js';

/**
 * Pushes about working together rather than about one conversation's log: canned replies or templates changed, mentions,
 * mentions read, a number's send health. Beside socket-push.listener.ts, the other code that emits to sockets.
 * Returns the stop.
 */
export function pushTeamNews(io: AppSocketServer, events: DomainEvents): () => void {
  const onCannedChanged = (ownerId: string | null) => {
    // Shared replies concern every signed-in user, agents included, whatever rooms their access gives them.
    if (ownerId) io.to(userRoom(ownerId)).emit('canned-replies:changed');
    else io.emit('canned-replies:changed');
  };
  // Every signed-in user: agents pick templates in the composer, admins and supervisors watch their review.
  const onTemplatesChanged = () => {
    io.emit('templates:changed');
  };
  const onMention = (mention: MentionDTO, userId: string) => {
    io.to(userRoom(userId)).emit('mention:created', mention);
  };
  const onMentionsRead = (userId: string, unreadCount: number) => {
    io.to(userRoom(userId)).emit('mentions:read', { unreadCount });
  };
  // Every signed-in user: an agent's replies go out through numbers whatever their channel memberships.
  const onSendHealth = (health: ChannelSendHealthDTO) => {
    io.emit('channel:send-health-changed', health);
  };
  events.on('canned.changed', onCannedChanged);
  events.on('templates.changed', onTemplatesChanged);
  events.on('channel.send-health-changed', onSendHealth);
  events.on('mention.created', onMention);
  events.on('mentions.read', onMentionsRead);
  return () => {
    events.off('canned.changed', onCannedChanged);
    events.off('templates.changed', onTemplatesChanged);
    events.off('channel.send-health-changed', onSendHealth);
    events.off('mention.created', onMention);
    events.off('mentions.read', onMentionsRead);
  };
}
