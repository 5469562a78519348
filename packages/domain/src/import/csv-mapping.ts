// The mapping of a CSV import (`trialdesk-csv-mapping/1`). A CSV file holds one row per participant and
// record: the study-ID column says whose row it is, and each mapped column feeds one field of the trial
// definition. Rows of one participant are merged (its inclusion fields may repeat on every row, but must
// agree); each row makes at most one record of each kind per column group, so a long file (one row per
// cycle, assessment or event) and a wide one (columns grouped per cycle: `group: "cycle 2"` with the
// group's constant `cycle.cycle: 2`) both read. Constants of the whole file name the record type of a file
// that holds one kind only (`"event.type": "complication"`).
import { z } from 'zod';
import { itemMappingSchema } from './mapping.js';

export const CSV_MAPPING_FORMAT = 'trialdesk-csv-mapping/1';

/** How the file writes its dates; ISO dates (2026-11-29) are always read as well. */
export const CSV_DATE_FORMATS = ['YYYY-MM-DD', 'DD-MM-YYYY', 'MM/DD/YYYY'] as const;
export type CsvDateFormat = (typeof CSV_DATE_FORMATS)[number];

const name = z.string().min(1).max(200);
const constants = z.record(z.string().max(100), z.union([z.string().max(200), z.number()]));

export const csvColumnMappingSchema = itemMappingSchema.extend({
  /** The column group the value belongs to (a wide file's "cycle 2"); none: the row's own records. */
  group: z.string().min(1).max(100).optional(),
  /**
   * The starting mapping guessed this column's target (from its header) and codes (from its values): a
   * person checks it. Editing the column on the import page takes the mark away; the import ignores it.
   */
  guessed: z.boolean().optional(),
});

export const csvMappingSchema = z.strictObject({
  format: z.literal(CSV_MAPPING_FORMAT),
  trialId: z.string().min(1).max(64),
  /** The column that names the participant: the source's subject key, or Trialdesk's study ID. */
  subjectColumn: name,
  /** The column that names the site (mapped to a centre by `sites`); none: the file carries no site. */
  siteColumn: name.nullable().default(null),
  /** Site value of the file → centre code. */
  sites: z.record(name, z.string().max(16)).default({}),
  dateFormat: z.enum(CSV_DATE_FORMATS).default('YYYY-MM-DD'),
  /** Constants of every row (the record type of a file of complications). */
  constants: constants.default({}),
  /** Column group → constants of the records its columns make (`"cycle 2": {"cycle.cycle": 2}`). */
  groups: z.record(z.string().min(1).max(100), constants).default({}),
  /** Column header → target (null: read, not imported), codes, group. */
  columns: z.record(name, csvColumnMappingSchema),
});
export type CsvMapping = z.infer<typeof csvMappingSchema>;
export type CsvColumnMapping = z.infer<typeof csvColumnMappingSchema>;
