/** Storage entry point for the extension pages (background, side panel, popup). */
export { GovLensDB, getDb, DB_NAME } from './db';
export { StorageError, toStorageError, type StorageErrorCode } from './errors';
export * from './repo';
export { searchAnnotations, warmSearchIndex, type SearchHit, type SearchOptions } from './search';
export { exportMarkdown, exportCsv, exportJsonLd, exportBackup, exportBackupJson, exportFile, toMarkdown, toCsv, toJsonLd, type Backup, type ExportFormat, type ExportResult, type SkippedRecord } from './export';
export { importData, parseImport, refusalText, ImportError, MAX_IMPORT_BYTES, type ImportOptions, type ImportResult, type Refusal, type ImportFailure } from './import';
export type * from './types';
