// The first gate of every import: a size limit, then the bytes must be UTF-8 text. Reading stops at the
// first problem, with a message that says what to do, before anything is parsed or written.
import type { Lang } from '@trialdesk/domain';
import { importFileError } from './import-error.js';

/** 20 MB holds a few thousand participants' full ODM casebooks; larger exports are split per site. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

const mb = (n: number) => (n / 1024 / 1024).toFixed(1);

export function decodeImportFile(lang: Lang, bytes: Uint8Array, maxBytes = MAX_IMPORT_BYTES): string {
  if (bytes.length === 0) throw importFileError(lang, 'import.file.empty');
  if (bytes.length > maxBytes)
    throw importFileError(lang, 'import.file.tooLarge', { size: mb(bytes.length), max: mb(maxBytes) });
  const b0 = bytes[0];
  const b1 = bytes[1];
  if ((b0 === 0xfe && b1 === 0xff) || (b0 === 0xff && b1 === 0xfe) || b0 === 0 || b1 === 0)
    throw importFileError(lang, 'import.file.utf16');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw importFileError(lang, 'import.file.notUtf8', { offset: firstBadByte(bytes) });
  }
  return text;
}

/** Where the UTF-8 breaks, for the message (the decoder only says that it does). */
function firstBadByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const len = b < 0x80 ? 1 : b >> 5 === 6 ? 2 : b >> 4 === 14 ? 3 : b >> 3 === 30 ? 4 : 0;
    if (len === 0) return i;
    for (let k = 1; k < len; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += len;
  }
  return i;
}
