import { useEffect, useState } from 'react';
import type { MessageDTO } from '@switchboard/shared';
import { conversationService } from '../../services/conversation.service';
import { Icon } from '../common/Icon';

/** A one-line summary of a message, for quotes. */
export function quoteText(message: MessageDTO): string {
  const c = message.content;
  switch (c.type) {
    case 'text':
    case 'note':
      return c.body;
    case 'template':
      return c.renderedText;
    case 'image':
    case 'video':
    case 'document':
    case 'audio':
    case 'sticker':
      return c.caption ?? c.filename ?? c.type;
    default:
      return c.type;
  }
}

function useMediaUrl(messageId: string): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    conversationService.mediaUrl(messageId).then(
      (u) => live && setUrl(u),
      () => undefined,
    );
    return () => void (live = false);
  }, [messageId]);
  return url;
}

/** Media that would not load: most often WhatsApp no longer has it (it keeps files for a limited time). */
function MissingMedia({ name }: { name: string }) {
  return (
    <div className="media-missing">
      {name} could not be loaded
      <div className="muted">WhatsApp keeps media for a limited time; this file may be gone.</div>
    </div>
  );
}

function mediaName(c: MessageDTO['content']): string {
  if (c.type === 'audio') return c.voice ? 'Voice message' : 'Audio';
  return c.type === 'sticker' ? 'Sticker' : c.type === 'video' ? 'Video' : 'Image';
}

function Media({ message }: { message: MessageDTO }) {
  const url = useMediaUrl(message.id);
  const [failed, setFailed] = useState(false);
  const fail = () => setFailed(true);
  const c = message.content;
  if (failed && c.type !== 'document') return <MissingMedia name={mediaName(c)} />;
  if (c.type === 'image' || c.type === 'sticker')
    return url ? (
      <img
        className={c.type === 'sticker' ? 'sticker' : 'image'}
        src={url}
        alt={('caption' in c && c.caption) || c.type}
        onError={fail}
      />
    ) : (
      <div className="media-loading">Loading {c.type}…</div>
    );
  if (c.type === 'video')
    return url ? (
      <video className="video" src={url} controls onError={fail} />
    ) : (
      <div className="media-loading">Loading video…</div>
    );
  if (c.type === 'audio')
    return (
      <div className="audio">
        <span className="muted">
          <Icon name={c.voice ? 'mic' : 'music'} /> {c.voice ? 'Voice message' : 'Audio'}
        </span>
        {url && <audio src={url} controls onError={fail} />}
      </div>
    );
  if (c.type === 'document')
    return (
      <div className="document">
        <Icon name="file" size={24} className="doc-icon" />
        <div>
          <div className="doc-name">{c.filename ?? 'Document'}</div>
          <div className="muted">{c.mimeType ?? ''}</div>
        </div>
        {url && (
          <a className="btn small" href={url} download={c.filename ?? true} target="_blank" rel="noreferrer">
            Download
          </a>
        )}
      </div>
    );
  return null;
}

export function MessageContent({ message }: { message: MessageDTO }) {
  const c = message.content;
  switch (c.type) {
    case 'text':
    case 'note':
      return <div className="text">{c.body}</div>;
    case 'template':
      return (
        <div className="text">
          <div className="template-tag">Template · {c.name}</div>
          {c.renderedText}
        </div>
      );
    case 'image':
    case 'video':
    case 'document':
    case 'audio':
    case 'sticker':
      return (
        <>
          <Media message={message} />
          {'caption' in c && c.caption && c.type !== 'document' && <div className="text caption">{c.caption}</div>}
        </>
      );
    case 'location': {
      const map = `https://www.openstreetmap.org/?mlat=${c.latitude}&mlon=${c.longitude}#map=16/${c.latitude}/${c.longitude}`;
      return (
        <div className="location">
          <Icon name="pin" size={24} className="doc-icon" />
          <div>
            <div className="doc-name">{c.name ?? 'Shared location'}</div>
            {c.address && <div className="muted">{c.address}</div>}
            <a href={map} target="_blank" rel="noreferrer">
              Open map ({c.latitude.toFixed(4)}, {c.longitude.toFixed(4)})
            </a>
          </div>
        </div>
      );
    }
    case 'contacts':
      return (
        <div className="contact-cards">
          {c.contacts.map((card, i) => (
            <div key={i} className="contact-card">
              <div className="doc-name">
                <Icon name="user" /> {card.formattedName ?? 'Contact'}
              </div>
              {card.organization && <div className="muted">{card.organization}</div>}
              {card.phones.map((p, j) => (
                <div key={j}>{p.phone}</div>
              ))}
              {card.emails.map((e, j) => (
                <div key={j}>{e.email}</div>
              ))}
            </div>
          ))}
        </div>
      );
    case 'interactive':
      return (
        <div className="choice">
          <span className="choice-pill">{c.title ?? c.replyId ?? 'Reply'}</span>
          {c.description && <div className="muted">{c.description}</div>}
        </div>
      );
    case 'button':
      return (
        <div className="choice">
          <span className="choice-pill">{c.text ?? c.payload ?? 'Button'}</span>
        </div>
      );
    case 'order':
      return (
        <div className="order">
          <div className="doc-name">
            <Icon name="cart" /> Order
          </div>
          {c.text && <div>{c.text}</div>}
          <table>
            <tbody>
              {c.items.map((item) => (
                <tr key={item.productRetailerId}>
                  <td>{item.productRetailerId}</td>
                  <td>×{item.quantity}</td>
                  <td>
                    {item.itemPrice.toFixed(2)} {item.currency}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    case 'system':
      return <div className="text muted">{c.body ?? c.kind ?? 'System message'}</div>;
    case 'reaction':
      return <div className="text">{c.emoji}</div>;
    case 'unsupported':
      return <div className="text muted">Unsupported message ({c.originalType}); open WhatsApp to see it.</div>;
  }
}
