// The declared answers of the import procedures, field by field (a report names participants by subject key
// and study ID, and nothing else may leave with it).
import { csvMappingSchema, importMappingSchema } from '@trialdesk/domain';
import { z } from 'zod';

const action = z.enum(['create', 'change', 'unchanged', 'refused']);

const fieldView = z.object({
  field: z.string(),
  source: z.string(),
  value: z.string(),
  before: z.string().optional(),
  status: action,
  message: z.string().optional(),
});

const rowView = z.object({
  subject: z.string(),
  studyId: z.string().nullable(),
  record: z.enum(['participant', 'surgery', 'cycle', 'assessment', 'event']),
  key: z.string(),
  where: z.string(),
  action,
  fields: z.array(fieldView),
  messages: z.array(z.string()),
});

export const importMappingOutput = importMappingSchema;

export const importReportOutput = z.object({
  trialId: z.string(),
  format: z.enum(['odm', 'csv']),
  file: z.object({ name: z.string(), sha256: z.string(), bytes: z.number() }),
  /** The mapping used: an ODM item mapping, or a CSV column mapping (format csv). */
  mapping: z.union([importMappingSchema, csvMappingSchema]),
  dryRun: z.boolean(),
  committed: z.boolean(),
  auditSeq: z.number().nullable(),
  subjects: z.number(),
  counts: z.object({ create: z.number(), change: z.number(), unchanged: z.number(), refused: z.number() }),
  rows: z.array(rowView),
});

export const csvPreviewOutput = z.object({
  delimiter: z.enum([',', ';', '\t']),
  headers: z.array(z.string()),
  rows: z.array(z.array(z.string())),
  rowCount: z.number(),
  values: z.record(z.string(), z.array(z.string())),
});

/** A value of a mapped column that the mapping cannot read (the starting mapping names them up front). */
export const csvValueProblemOutput = z.object({ column: z.string(), value: z.string(), message: z.string() });
