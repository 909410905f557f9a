import { useRef, useState, type ClipboardEvent, type DragEvent } from 'react';
import { useStore } from '../../store';

const carriesFiles = (event: DragEvent) => event.dataTransfer.types.includes('Files');

/**
 * Dropping files anywhere on the conversation (thread or composer) attaches them, as in WhatsApp Web, Chatwoot
 * and Front; `dragging` is true while they are held over it, for the drop hint. Each file goes as a message of
 * its own (a WhatsApp message carries one).
 */
export function useFileDrop(conversationId: string, enabled: boolean) {
  const attachFiles = useStore((s) => s.attachFiles);
  const setDraft = useStore((s) => s.setDraft);
  const [dragging, setDragging] = useState(false);
  // dragenter/dragleave fire for every child crossed; the count says whether the pointer is still inside.
  const depth = useRef(0);

  const attach = (files: FileList | null) => {
    if (!files || files.length === 0) return;
    // A file goes to the customer: a note being written turns back into a reply.
    setDraft(conversationId, { mode: 'reply' });
    void attachFiles(conversationId, [...files]);
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
          attach(event.dataTransfer.files);
        },
      }
    : {};

  /** A pasted screenshot or copied file attaches; pasted text stays text. */
  const onPaste = (event: ClipboardEvent) => {
    if (!enabled || event.clipboardData.files.length === 0) return;
    event.preventDefault();
    attach(event.clipboardData.files);
  };

  return { dragging: enabled && dragging, handlers, onPaste, attach };
}
