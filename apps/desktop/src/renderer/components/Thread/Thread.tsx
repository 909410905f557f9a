import { useTranslation } from 'react-i18next';
import { Fragment, useEffect, useMemo, useRef } from 'react';
import type { MessageDTO } from '@switchboard/shared';
import type { PendingReply } from '../../../contract/inbox-api';
import { useStore } from '../../store';
import { relativeDay } from '../../lib/time';
import { useFormat } from '../../i18n/format';
import { failureText } from '../../i18n/errors';
import { selectSelectedConversation } from '../../store/selectors';
import { MessageBubble, PendingBubble } from './MessageBubble';
import { CsatNote } from './CsatNote';

/** Reactions are shown on the message they react to, not as messages of their own. */
function reactionsByTarget(messages: MessageDTO[]): Map<string, string[]> {
  const latest = new Map<string, Map<string, string | null>>();
  for (const m of messages) {
    if (m.content.type !== 'reaction') continue;
    const perSender = latest.get(m.content.targetProviderMessageId) ?? new Map();
    perSender.set(m.direction, m.content.removed ? null : m.content.emoji);
    latest.set(m.content.targetProviderMessageId, perSender);
  }
  const result = new Map<string, string[]>();
  for (const [target, perSender] of latest) {
    const emojis = [...perSender.values()].filter((e): e is string => !!e);
    if (emojis.length > 0) result.set(target, emojis);
  }
  return result;
}

/** A date separator's text: "Today", "Yesterday", or the day in the agent's language ("Friday, December 4"). */
function useDayLabel(): (iso: string) => string {
  const { t } = useTranslation('thread');
  const { tag } = useFormat();
  const long = useMemo(() => new Intl.DateTimeFormat(tag, { weekday: 'long', day: 'numeric', month: 'long' }), [tag]);
  return (iso) => {
    const day = relativeDay(iso);
    return day === 'other' ? long.format(new Date(iso)) : t(`day.${day}`);
  };
}

export function Thread() {
  const dayLabel = useDayLabel();
  const thread = useStore((s) => s.thread);
  const csat = useStore((s) => selectSelectedConversation(s)?.csat);
  const error = useStore((s) => s.threadError);
  const scroller = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const pinned = useRef(true);
  const hasThread = thread !== null;
  const foundMessageId = useStore((s) => s.foundMessageId);

  const { shown, reactions, byProviderId, pending, settled } = useMemo(() => {
    const messages = thread?.messages ?? [];
    const stored = new Set(messages.map((m) => m.clientMessageId).filter(Boolean));
    return {
      shown: messages.filter((m) => m.content.type !== 'reaction'),
      reactions: reactionsByTarget(messages),
      byProviderId: new Map(messages.filter((m) => m.providerMessageId).map((m) => [m.providerMessageId!, m])),
      settled: new Set(thread?.settledFailures ?? []),
      // A pending reply the server already stored shows once, as the stored message with its ticks.
      pending: (thread?.pending ?? []).filter(
        (p: PendingReply) => !stored.has(p.clientMessageId) && p.state !== 'sent',
      ),
    };
  }, [thread]);

  // Stay at the newest message while the agent is there, also when images load and grow the thread later.
  useEffect(() => {
    const box = scroller.current;
    if (!box || !content.current) return;
    const follow = new ResizeObserver(() => {
      if (pinned.current) box.scrollTop = box.scrollHeight;
    });
    follow.observe(content.current);
    return () => follow.disconnect();
  }, [hasThread]);

  // A search result opened this thread: show that message (not the newest), and keep it there.
  useEffect(() => {
    if (!foundMessageId || !content.current) return;
    const bubble = content.current.querySelector<HTMLElement>(`[data-message-id="${CSS.escape(foundMessageId)}"]`);
    if (!bubble) return;
    pinned.current = false;
    bubble.scrollIntoView({ block: 'center' });
  }, [foundMessageId, thread]);

  if (error)
    return (
      <div className="thread">
        <div className="empty-state" role="alert">
          {failureText(error)}
          <div className="error-detail">{error.message}</div>
        </div>
      </div>
    );
  if (!thread) return <div className="thread" />;
  return (
    <div
      className="thread"
      data-testid="thread"
      ref={scroller}
      onScroll={(e) =>
        (pinned.current = e.currentTarget.scrollHeight - e.currentTarget.scrollTop - e.currentTarget.clientHeight < 60)
      }
    >
      <div className="thread-content" ref={content}>
        {shown.map((m, i) => (
          <Fragment key={m.id}>
            {(i === 0 || new Date(shown[i - 1]!.sentAt).toDateString() !== new Date(m.sentAt).toDateString()) && (
              <div className="day-separator" role="separator" aria-label={dayLabel(m.sentAt)}>
                <span>{dayLabel(m.sentAt)}</span>
              </div>
            )}
            <MessageBubble
              message={m}
              found={m.id === foundMessageId}
              settled={settled.has(m.id)}
              reactions={m.providerMessageId ? reactions.get(m.providerMessageId) : undefined}
              quoted={
                m.context?.replyToProviderMessageId ? byProviderId.get(m.context.replyToProviderMessageId) : undefined
              }
            />
          </Fragment>
        ))}
        {pending.map((p) => (
          <PendingBubble key={p.clientMessageId} reply={p} />
        ))}
        {csat && <CsatNote csat={csat} />}
      </div>
    </div>
  );
}
