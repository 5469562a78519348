// What the import procedures take: the file travels as base64 inside the JSON body (the web reads it with
// FileReader and the server decodes it), bounded by the import's own size limit plus base64's growth, so an
// oversized file is refused by the schema with the import's words before anything is decoded.
import { z } from 'zod';
import { entryTrialId } from '../entry/common.js';
import { lineText } from '../text.js';
import { csvMappingSchema } from './csv-mapping.js';
import { importMappingSchema } from './mapping.js';

/** The largest file an import takes (the API's read-file.ts MAX_IMPORT_BYTES is the same number: a test says so). */
export const IMPORT_FILE_MAX_BYTES = 20 * 1024 * 1024;

/** Characters of the base64 text of a file of `bytes` bytes (with padding). */
export const base64Length = (bytes: number) => Math.ceil(bytes / 3) * 4;

export const importFormats = ['odm', 'csv'] as const;
export type ImportFormat = (typeof importFormats)[number];

const content = z
  .string()
  .min(1, 'import.file.empty')
  .max(base64Length(IMPORT_FILE_MAX_BYTES), 'import.upload.tooLarge')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'import.upload.base64');

const fileFields = { trialId: entryTrialId, fileName: lineText(255), content };
const odmFile = z.strictObject({ ...fileFields, format: z.literal('odm') });
const csvFile = z.strictObject({ ...fileFields, format: z.literal('csv') });

/** A file to read: the starting mapping of it (an ODM item mapping, or a CSV column mapping). */
export const importFileInput = z.discriminatedUnion('format', [odmFile, csvFile]);

/** A CSV file whose columns and first rows the page shows before the mapping step. */
export const csvPreviewInput = z.strictObject(fileFields);

/**
 * A file and (optionally) the data manager's mapping: a dry run, or a commit. The format decides which
 * mapping it takes, so an ODM caller's input is what it always was.
 */
export const importRunInput = z.discriminatedUnion('format', [
  odmFile.extend({ mapping: importMappingSchema.optional() }),
  csvFile.extend({ mapping: csvMappingSchema.optional() }),
]);
export type ImportRunInput = z.infer<typeof importRunInput>;
