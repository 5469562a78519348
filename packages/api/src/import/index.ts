export { runOdmImport, startingMapping, parseMapping, safeFileName, readOdmImport } from './run-import.js';
export { reportCsv, type ImportReport, type ImportRow } from './report.js';
export { generateMapping } from './generate-mapping.js';
export { MAX_IMPORT_BYTES } from './read-file.js';
