import { checkAttachment, mimeTypeFromFilename, type MediaKind } from '@switchboard/shared';
import { currentLocale, i18n } from '../i18n';
import { fileSize, intlLocale } from '../i18n/format';
import { fileKindText } from './file-kind';

/** A file as the browser hands it over (File), or anything shaped like one. */
export type PickedFile = { name: string; type: string; size: number };

export type AttachmentVerdict = { ok: true; kind: MediaKind; mimeType: string } | { ok: false; message: string };

/**
 * Whether WhatsApp takes this file, checked with the shared rules the server enforces too, before a byte is
 * handed to the engine. A refusal names the file and the limit, in the agent's language. The browser leaves
 * the type blank for files it does not know; the name's extension says it then.
 */
export function checkPickedFile(file: PickedFile): AttachmentVerdict {
  const mimeType = file.type || mimeTypeFromFilename(file.name) || '';
  const check = checkAttachment({ mimeType, size: file.size });
  if (check.ok) return { ok: true, kind: check.kind, mimeType: check.mimeType };
  const size = (bytes: number) => fileSize(intlLocale(currentLocale()), bytes);
  switch (check.problem) {
    case 'too-large':
      return {
        ok: false,
        message: i18n.t('composer:attach.tooLarge', {
          name: file.name,
          size: size(check.size),
          limit: size(check.maxBytes),
          kind: i18n.t(`composer:attach.kind.${check.kind}`),
        }),
      };
    case 'empty':
      return { ok: false, message: i18n.t('composer:attach.empty', { name: file.name }) };
    case 'unsupported-type':
      return {
        ok: false,
        message: i18n.t('composer:attach.unsupported', {
          name: file.name,
          type: fileKindText(check.mimeType, file.name) ?? '?',
        }),
      };
  }
}
