/**
 * What Cloud API's media endpoint takes: each supported MIME type with the largest file it allows (Meta's
 * "Supported media types" reference), and which send types may carry it.
 */
const KB = 1024;
const MB = 1024 * KB;

const IMAGE = { maxBytes: 5 * MB, sendTypes: ['image'] };
const VIDEO = { maxBytes: 16 * MB, sendTypes: ['video'] };
const AUDIO = { maxBytes: 16 * MB, sendTypes: ['audio'] };
const DOCUMENT = { maxBytes: 100 * MB, sendTypes: ['document'] };

export const SUPPORTED_MEDIA: Record<string, { maxBytes: number; sendTypes: string[] }> = {
  'image/jpeg': IMAGE,
  'image/png': IMAGE,
  // A sticker may be animated (500 KB); a static one is limited to 100 KB when sent.
  'image/webp': { maxBytes: 500 * KB, sendTypes: ['sticker'] },
  'video/mp4': VIDEO,
  'video/3gpp': VIDEO,
  'audio/aac': AUDIO,
  'audio/amr': AUDIO,
  'audio/mpeg': AUDIO,
  'audio/mp4': AUDIO,
  'audio/ogg': AUDIO,
  'text/plain': DOCUMENT,
  'application/pdf': DOCUMENT,
  'application/msword': DOCUMENT,
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': DOCUMENT,
  'application/vnd.ms-excel': DOCUMENT,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': DOCUMENT,
  'application/vnd.ms-powerpoint': DOCUMENT,
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': DOCUMENT,
};

export const MAX_UPLOAD_BYTES = 100 * MB;
