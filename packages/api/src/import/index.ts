export { runOdmImport, startingMapping, parseMapping, safeFileName, readOdmImport } from './run-import.js';
export type { ImportRequest } from './run-planned.js';
export { runCsvImport, parseCsvMapping } from './csv-import.js';
export {
  csvColumns,
  csvValueProblems,
  startingCsvMapping,
  startingCsvMappingWithProblems,
  type CsvPreview,
  type CsvValueProblem,
} from './generate-csv-mapping.js';
export { reportCsv, type ImportReport, type ImportRow } from './report.js';
export { generateMapping } from './generate-mapping.js';
export { MAX_IMPORT_BYTES } from './read-file.js';
