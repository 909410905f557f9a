import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { unfilledVariablesIn, type ConversationDTO } from '@switchboard/shared';
import type { CannedReply } from '../../../contract/inbox-api';
import { useStore } from '../../store';
import { isWindowOpen, selectDraft } from '../../store/selectors';
import { useNow } from '../../lib/time';
import { CannedMenu } from './CannedMenu';
import { fillCanned, matchingCanned } from './canned-search';
import { TemplatePicker } from './TemplatePicker';
import './Composer.css';

export function Composer({ conversation }: { conversation: ConversationDTO }) {
  const { t } = useTranslation('composer');
  const draft = useStore(useMemo(() => selectDraft(conversation.id), [conversation.id]));
  const setDraft = useStore((s) => s.setDraft);
  const sendDraft = useStore((s) => s.sendDraft);
  const canned = useStore((s) => s.canned);
  const agentName = useStore((s) => s.user?.name ?? '');
  const focusRequest = useStore((s) => s.focusRequest);
  const now = useNow();
  const [pickingTemplate, setPickingTemplate] = useState(false);
  const templateEdit = useStore((s) => (s.templateEdit?.conversationId === conversation.id ? s.templateEdit : null));
  const closeTemplateEdit = useStore((s) => s.closeTemplateEdit);
  const [cannedIndex, setCannedIndex] = useState(0);
  const input = useRef<HTMLTextAreaElement>(null);

  const windowOpen = isWindowOpen(conversation, now);
  const noteMode = draft.mode === 'note';
  const canWrite = windowOpen || noteMode;
  const cannedQuery = draft.text.startsWith('/') && !draft.text.includes('\n') ? draft.text.slice(1) : null;
  const cannedMatches = cannedQuery === null ? [] : matchingCanned(canned, cannedQuery, conversation.language);
  const unfilled = unfilledVariablesIn(draft.text);
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
        <button className="template-link" onClick={() => setPickingTemplate(true)}>
          {t('templateLink')}
        </button>
      </div>
      {!canWrite ? (
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
          {cannedMatches.length > 0 && (
            <CannedMenu replies={cannedMatches} active={cannedIndex} onPick={insertCanned} />
          )}
          <textarea
            ref={input}
            className="composer-input"
            aria-label={noteMode ? t('tabs.note') : t('tabs.reply')}
            placeholder={noteMode ? t('placeholder.note') : t('placeholder.reply')}
            rows={3}
            value={draft.text}
            onChange={(e) => setDraft(conversation.id, { text: e.target.value })}
            onKeyDown={onKeyDown}
          />
          <div className="composer-footer">
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
              disabled={!draft.text.trim() || unfilled.length > 0}
            >
              {noteMode ? t('addNote') : t('send')}
            </button>
          </div>
        </div>
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
