import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { MessageDTO } from '@switchboard/shared';
import { useFormat } from '../../i18n/format';
import { conversationService } from '../../services/conversation.service';
import { Icon } from '../common/Icon';
import { fileKindText } from '../../lib/file-kind';

type Content = MessageDTO['content'];
type MediaContent = Extract<Content, { type: 'image' | 'video' | 'document' | 'audio' | 'sticker' }>;

/** A one-line summary of a message, for quotes and lists, in the interface's language. */
export function useQuoteText(): (message: MessageDTO) => string {
  const { t } = useTranslation('thread');
  return (message) => quoteText(message.content, t);
}

function quoteText(c: Content, t: TFunction<'thread'>): string {
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
      return c.caption ?? c.filename ?? mediaName(c, t);
    default:
      return t(`kind.${c.type}`);
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
  const { t } = useTranslation('thread');
  return (
    <div className="media-missing">
      {t('media.missing', { name })}
      <div className="muted">{t('media.missingHint')}</div>
    </div>
  );
}

function mediaName(c: MediaContent, t: TFunction<'thread'>): string {
  return c.type === 'audio' && c.voice ? t('kind.voice') : t(`kind.${c.type}`);
}

function Media({ message }: { message: MessageDTO }) {
  const { t } = useTranslation('thread');
  const format = useFormat();
  const url = useMediaUrl(message.id);
  const [failed, setFailed] = useState(false);
  const fail = () => setFailed(true);
  const c = message.content as MediaContent;
  if (failed && c.type !== 'document') return <MissingMedia name={mediaName(c, t)} />;
  if (c.type === 'image' || c.type === 'sticker')
    return url ? (
      <img
        className={c.type === 'sticker' ? 'sticker' : 'image'}
        src={url}
        alt={c.caption || mediaName(c, t)}
        onError={fail}
      />
    ) : (
      <div className="media-loading">{t('media.loading', { kind: mediaName(c, t) })}</div>
    );
  if (c.type === 'video')
    return url ? (
      <video className="video" src={url} controls onError={fail} />
    ) : (
      <div className="media-loading">{t('media.loading', { kind: mediaName(c, t) })}</div>
    );
  if (c.type === 'audio')
    return (
      <div className="audio">
        <span className="muted">
          <Icon name={c.voice ? 'mic' : 'music'} /> {mediaName(c, t)}
        </span>
        {url && <audio src={url} controls onError={fail} />}
      </div>
    );
  if (c.type === 'document')
    return (
      <div className="document">
        <Icon name="file" size={24} className="doc-icon" />
        <div>
          <div className="doc-name">{c.filename ?? mediaName(c, t)}</div>
          <div className="muted">
            {[fileKindText(c.mimeType, c.filename), c.size ? format.fileSize(c.size) : null]
              .filter(Boolean)
              .join(' · ')}
          </div>
        </div>
        {url && (
          <a className="btn small" href={url} download={c.filename ?? true} target="_blank" rel="noreferrer">
            {t('media.download')}
          </a>
        )}
      </div>
    );
  return null;
}

export function MessageContent({ message }: { message: MessageDTO }) {
  const { t } = useTranslation('thread');
  const format = useFormat();
  const c = message.content;
  switch (c.type) {
    case 'text':
    case 'note':
      return <div className="text">{c.body}</div>;
    case 'template':
      return (
        <div className="text">
          <div className="template-tag">{t('templateTag', { name: c.name })}</div>
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
            <div className="doc-name">{c.name ?? t('location.shared')}</div>
            {c.address && <div className="muted">{c.address}</div>}
            <a href={map} target="_blank" rel="noreferrer">
              {t('location.open', { latitude: c.latitude.toFixed(4), longitude: c.longitude.toFixed(4) })}
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
                <Icon name="user" /> {card.formattedName ?? t('kind.contacts')}
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
          <span className="choice-pill">{c.title ?? c.replyId ?? t('kind.interactive')}</span>
          {c.description && <div className="muted">{c.description}</div>}
        </div>
      );
    case 'button':
      return (
        <div className="choice">
          <span className="choice-pill">{c.text ?? c.payload ?? t('kind.button')}</span>
        </div>
      );
    case 'order':
      return (
        <div className="order">
          <div className="doc-name">
            <Icon name="cart" /> {t('kind.order')}
          </div>
          {c.text && <div>{c.text}</div>}
          <table>
            <tbody>
              {c.items.map((item) => (
                <tr key={item.productRetailerId}>
                  <td>{item.productRetailerId}</td>
                  <td>×{format.number(item.quantity)}</td>
                  <td>{format.money(item.itemPrice, item.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    case 'system':
      return <div className="text muted">{c.body ?? c.kind ?? t('kind.system')}</div>;
    case 'reaction':
      return <div className="text">{c.emoji}</div>;
    case 'unsupported':
      return <div className="text muted">{t('unsupported', { type: c.originalType })}</div>;
    case 'buttons':
      return (
        <div className="interactive-sent">
          {c.header && <div className="doc-name">{c.header}</div>}
          <div className="text">{c.body}</div>
          {c.footer && <div className="muted small">{c.footer}</div>}
          <div className="sent-buttons">
            {c.buttons.map((b) => (
              <span className="sent-button" key={b.id}>
                {b.title}
              </span>
            ))}
          </div>
        </div>
      );
    case 'list':
      return (
        <div className="interactive-sent">
          {c.header && <div className="doc-name">{c.header}</div>}
          <div className="text">{c.body}</div>
          {c.footer && <div className="muted small">{c.footer}</div>}
          <div className="sent-buttons">
            <span className="sent-button">
              <Icon name="list" /> {c.button}
            </span>
          </div>
          <details className="sent-list">
            <summary>{t('interactive.options', { count: c.sections.reduce((n, s) => n + s.rows.length, 0) })}</summary>
            {c.sections.map((section, i) => (
              <div key={i}>
                {section.title && <div className="muted small">{section.title}</div>}
                <ul>
                  {section.rows.map((row) => (
                    <li key={row.id}>
                      {row.title}
                      {row.description && <span className="muted"> · {row.description}</span>}
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </details>
        </div>
      );
  }
}
