import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MEDIA_RULES, unfilledVariablesIn, type ConversationDTO } from '@switchboard/shared';
import type { CannedReply } from '../../../contract/inbox-api';
import { useStore } from '../../store';
import { isWindowOpen, selectDraft } from '../../store/selectors';
import { useNow } from '../../lib/time';
import { Icon } from '../common/Icon';
import { AttachmentChips, AttachmentError } from './AttachmentChip';
import { CannedMenu } from './CannedMenu';
import { InteractiveDialog } from './InteractiveDialog';
import { useFileDrop } from './useFileDrop';
import { fillCanned, matchingCanned } from './canned-search';
import { TemplatePicker } from './TemplatePicker';
import './Composer.css';

/** What the file picker offers: every type WhatsApp takes, by type and by extension. */
const ACCEPTED = [
  ...Object.values(MEDIA_RULES).flatMap((rule) => rule.mimeTypes),
  '.jpg,.jpeg,.png,.webp,.mp4,.3gp,.aac,.amr,.mp3,.m4a,.ogg,.opus,.pdf,.txt,.doc,.docx,.xls,.xlsx,.ppt,.pptx',
].join(',');

export function Composer({ conversation }: { conversation: ConversationDTO }) {
  const { t } = useTranslation('composer');
  const draft = useStore(useMemo(() => selectDraft(conversation.id), [conversation.id]));
  const setDraft = useStore((s) => s.setDraft);
  const sendDraft = useStore((s) => s.sendDraft);
  const typed = useStore((s) => s.typed);
  const canned = useStore((s) => s.canned);
  const agentName = useStore((s) => s.user?.name ?? '');
  const focusRequest = useStore((s) => s.focusRequest);
  const now = useNow();
  const [pickingTemplate, setPickingTemplate] = useState(false);
  const [writingInteractive, setWritingInteractive] = useState(false);
  const attachments = useStore((s) => s.attachments[conversation.id]);
  const filePicker = useRef<HTMLInputElement>(null);
  const templateEdit = useStore((s) => (s.templateEdit?.conversationId === conversation.id ? s.templateEdit : null));
  const closeTemplateEdit = useStore((s) => s.closeTemplateEdit);
  const [cannedIndex, setCannedIndex] = useState(0);
  const input = useRef<HTMLTextAreaElement>(null);

  const windowOpen = isWindowOpen(conversation, now);
  const noteMode = draft.mode === 'note';
  // A customer who said STOP gets nothing at all, templates included, until they opt in again.
  const optedOut = conversation.contact.optedOut;
  const canWrite = noteMode || (windowOpen && !optedOut);
  const cannedQuery = draft.text.startsWith('/') && !draft.text.includes('\n') ? draft.text.slice(1) : null;
  const cannedMatches = cannedQuery === null ? [] : matchingCanned(canned, cannedQuery, conversation.language);
  const unfilled = unfilledVariablesIn(draft.text);
  const files = useFileDrop(conversation.id, windowOpen);
  const withFile = !noteMode && attachments !== undefined;
  const canSend = withFile ? attachments.every((a) => a.state === 'ready') : draft.text.trim() !== '';
  const insertCanned = (reply: CannedReply) =>
    setDraft(conversation.id, { text: fillCanned(reply, conversation, agentName).text });

  useEffect(() => {
    if (focusRequest.target === 'composer' && focusRequest.n > 0) input.current?.focus();
  }, [focusRequest]);
  useEffect(() => setCannedIndex(0), [cannedQuery]);

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (cannedMatches.length > 0) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setCannedIndex((i) => (i + step + cannedMatches.length) % cannedMatches.length);
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        insertCanned(cannedMatches[cannedIndex]!);
        return;
      }
    }
    if (event.key === 'Escape') return void input.current?.blur();
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      void sendDraft(conversation.id);
    }
  };

  return (
    <div className={`composer ${noteMode ? 'note-mode' : ''}`}>
      <div className="composer-tabs" role="tablist">
        <button
          role="tab"
          aria-selected={!noteMode}
          className={!noteMode ? 'active' : ''}
          onClick={() => setDraft(conversation.id, { mode: 'reply' })}
        >
          {t('tabs.reply')}
        </button>
        <button
          role="tab"
          aria-selected={noteMode}
          className={noteMode ? 'active' : ''}
          onClick={() => setDraft(conversation.id, { mode: 'note' })}
        >
          {t('tabs.note')}
        </button>
        {!optedOut && (
          <button className="template-link" onClick={() => setPickingTemplate(true)}>
            {t('templateLink')}
          </button>
        )}
      </div>
      {!canWrite && optedOut ? (
        <div className="window-closed opted-out" role="status">
          <div>
            <strong>{t('optedOut.title')}</strong>
            <div className="muted">{t('optedOut.body')}</div>
          </div>
        </div>
      ) : !canWrite ? (
        <div className="window-closed" role="status">
          <div>
            <strong>{t('windowClosed.title')}</strong>
            <div className="muted">{t('windowClosed.body')}</div>
          </div>
          <button className="btn primary" onClick={() => setPickingTemplate(true)}>
            {t('windowClosed.choose')}
          </button>
        </div>
      ) : (
        <div className="composer-box">
          <AttachmentError conversationId={conversation.id} />
          {!noteMode && <AttachmentChips conversationId={conversation.id} />}
          {cannedMatches.length > 0 && (
            <CannedMenu replies={cannedMatches} active={cannedIndex} onPick={insertCanned} />
          )}
          <textarea
            ref={input}
            className="composer-input"
            aria-label={noteMode ? t('tabs.note') : t('tabs.reply')}
            placeholder={
              noteMode ? t('placeholder.note') : withFile ? t('attach.captionPlaceholder') : t('placeholder.reply')
            }
            rows={3}
            value={draft.text}
            onChange={(e) => {
              setDraft(conversation.id, { text: e.target.value });
              // A note is not an answer to the customer: colleagues are told only of a reply being written.
              if (draft.mode === 'reply') typed(conversation.id);
            }}
            onKeyDown={onKeyDown}
            onPaste={files.onPaste}
          />
          <div className="composer-footer">
            {!noteMode && (
              <div className="composer-tools">
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t('attach.button')}
                  title={t('attach.button')}
                  onClick={() => filePicker.current?.click()}
                >
                  <Icon name="paperclip" size={16} />
                </button>
                <input
                  ref={filePicker}
                  type="file"
                  multiple
                  className="file-picker"
                  accept={ACCEPTED}
                  aria-label={t('attach.button')}
                  onChange={(e) => {
                    files.attach(e.target.files);
                    e.target.value = '';
                  }}
                />
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t('interactive.open')}
                  title={t('interactive.open')}
                  onClick={() => setWritingInteractive(true)}
                >
                  <Icon name="list" size={16} />
                </button>
              </div>
            )}
            {unfilled.length > 0 ? (
              <span className="composer-unfilled" role="status">
                {t('unfilled', { variables: unfilled.map((v) => `{{${v}}}`).join(', ') })}
              </span>
            ) : (
              <span className="muted">{noteMode ? t('hint.note') : windowOpen ? t('hint.reply') : ''}</span>
            )}
            <button
              className="btn primary"
              onClick={() => void sendDraft(conversation.id)}
              disabled={!canSend || unfilled.length > 0}
            >
              {noteMode ? t('addNote') : t('send')}
            </button>
          </div>
        </div>
      )}
      {writingInteractive && windowOpen && (
        <InteractiveDialog conversationId={conversation.id} onClose={() => setWritingInteractive(false)} />
      )}
      {pickingTemplate && <TemplatePicker conversationId={conversation.id} onClose={() => setPickingTemplate(false)} />}
      {templateEdit && (
        <TemplatePicker
          key={JSON.stringify(templateEdit.failed)}
          conversationId={conversation.id}
          onClose={closeTemplateEdit}
          edit={templateEdit}
        />
      )}
    </div>
  );
}
