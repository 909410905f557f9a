import { useRef, useState, type ClipboardEvent, type DragEvent } from 'react';
import { useStore } from '../../store';

const carriesFiles = (event: DragEvent) => event.dataTransfer.types.includes('Files');

/**
 * Dropping a file anywhere on the conversation (thread or composer) attaches it, as in WhatsApp Web, Chatwoot
 * and Front; `dragging` is true while one is held over it, for the drop hint. Only the first file is taken:
 * a WhatsApp message carries one.
 */
export function useFileDrop(conversationId: string, enabled: boolean) {
  const attachFile = useStore((s) => s.attachFile);
  const setDraft = useStore((s) => s.setDraft);
  const [dragging, setDragging] = useState(false);
  // dragenter/dragleave fire for every child crossed; the count says whether the pointer is still inside.
  const depth = useRef(0);

  const attachFirst = (files: FileList | null) => {
    const file = files?.[0];
    if (!file) return;
    // A file goes to the customer: a note being written turns back into a reply.
    setDraft(conversationId, { mode: 'reply' });
    void attachFile(conversationId, file);
  };

  const handlers = enabled
    ? {
        onDragEnter(event: DragEvent) {
          if (!carriesFiles(event)) return;
          depth.current += 1;
          setDragging(true);
        },
        onDragOver(event: DragEvent) {
          if (carriesFiles(event)) event.preventDefault();
        },
        onDragLeave(event: DragEvent) {
          if (!carriesFiles(event)) return;
          depth.current = Math.max(0, depth.current - 1);
          if (depth.current === 0) setDragging(false);
        },
        onDrop(event: DragEvent) {
          if (!carriesFiles(event)) return;
          event.preventDefault();
          depth.current = 0;
          setDragging(false);
          attachFirst(event.dataTransfer.files);
        },
      }
    : {};

  /** A pasted screenshot or copied file attaches; pasted text stays text. */
  const onPaste = (event: ClipboardEvent) => {
    if (!enabled || event.clipboardData.files.length === 0) return;
    event.preventDefault();
    attachFirst(event.clipboardData.files);
  };

  return { dragging: enabled && dragging, handlers, onPaste, attachFirst };
}
