// Reading what the data manager chooses: the export file (as base64, the way it travels to the server,
// with its subject count for the progress line) and an edited mapping (JSON, checked against the mapping
// schema before it is used). Saving the mapping and the report as files.
import {
  IMPORT_FILE_MAX_BYTES,
  importMappingSchema,
  type CsvMapping,
  type ImportMapping,
} from '@trialdesk/domain';
import type { z } from 'zod';

export interface ChosenFile {
  name: string;
  bytes: number;
  base64: string;
  /** SubjectData elements in the file: what the progress line counts while the server works. */
  subjects: number;
}

export class TooLarge extends Error {}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // In chunks: String.fromCharCode takes a bounded number of arguments.
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export async function readChosenFile(file: File): Promise<ChosenFile> {
  if (file.size > IMPORT_FILE_MAX_BYTES) throw new TooLarge();
  const bytes = new Uint8Array(await file.arrayBuffer());
  const text = new TextDecoder('utf-8').decode(bytes);
  const subjects = text.match(/<SubjectData[\s>]/g)?.length ?? 0;
  return { name: file.name, bytes: bytes.length, base64: toBase64(bytes), subjects };
}

/** An uploaded mapping (an ODM item mapping, or with `csvMappingSchema` a CSV column mapping), or the words
 * saying why it cannot be one. */
export async function readMappingFile<M = ImportMapping>(
  file: File,
  schema: z.ZodType<M> = importMappingSchema as unknown as z.ZodType<M>,
): Promise<{ mapping: M } | { problem: string; json: boolean }> {
  let raw: unknown;
  try {
    raw = JSON.parse(await file.text()) as unknown;
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error), json: false };
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { mapping: parsed.data };
  const problem = parsed.error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
  return { problem, json: true };
}

export function saveText(fileName: string, text: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The file name without its extension, for the names of the files saved beside it. */
export const baseName = (name: string) => name.replace(/\.[^.]+$/, '').replace(/\.odm$/, '') || 'import';

export const mappingJson = (mapping: ImportMapping | CsvMapping) => `${JSON.stringify(mapping, null, 2)}\n`;
