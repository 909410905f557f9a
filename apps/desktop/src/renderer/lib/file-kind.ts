import mime from 'mime';
import { i18n } from '../i18n';

/** The kinds of file an agent tells apart at a glance, each with its name in the locales (`thread:fileKind`). */
export type FileKind = 'pdf' | 'word' | 'spreadsheet' | 'presentation' | 'text' | 'archive';

const BY_EXTENSION: Record<string, FileKind> = {
  pdf: 'pdf',
  doc: 'word',
  docx: 'word',
  xls: 'spreadsheet',
  xlsx: 'spreadsheet',
  ods: 'spreadsheet',
  csv: 'spreadsheet',
  ppt: 'presentation',
  pptx: 'presentation',
  odp: 'presentation',
  txt: 'text',
  zip: 'archive',
  rar: 'archive',
  '7z': 'archive',
};

/**
 * What a document is, for its bubble: a kind to name in the agent's language ("Word document"), else its
 * extension ("EPUB"), never its MIME type. The type decides (`mime` knows the extension of every registered
 * one); a blank or generic type (`application/octet-stream`) leaves it to the file's name.
 */
export function fileKindOf(
  mimeType: string | null,
  filename: string | null,
): { kind: FileKind } | { extension: string } | null {
  const generic = !mimeType || mimeType === 'application/octet-stream';
  const fromType = generic ? null : mime.getExtension(mimeType);
  const fromName = filename?.toLowerCase().match(/\.([a-z0-9]{1,8})$/)?.[1] ?? null;
  const extension = fromType ?? fromName;
  if (!extension) return null;
  const kind = BY_EXTENSION[extension];
  return kind ? { kind } : { extension: extension.toUpperCase() };
}

/** The same, in words: "Word document", "GIF"; null when neither the type nor the name tells. */
export function fileKindText(mimeType: string | null, filename: string | null): string | null {
  const found = fileKindOf(mimeType, filename);
  if (!found) return null;
  return 'kind' in found ? i18n.t(`thread:fileKind.${found.kind}`) : found.extension;
}
