import { createError } from '../shared/errors.js';

export const FileUnreadable = createError('TABULAR_FILE_UNREADABLE', 'the file cannot be read', 400);
export const FormatUnsupported = createError(
  'TABULAR_FORMAT_UNSUPPORTED',
  'not a CSV/TSV/JSONL/XLSX/Parquet file',
  400,
);
export const RaggedRow = createError(
  'TABULAR_RAGGED_ROW',
  'a row has a different number of fields than the header',
  400,
);
export const BadEncoding = createError(
  'TABULAR_BAD_ENCODING',
  'the text is not in the detected encoding',
  400,
);
export const BadRecord = createError('TABULAR_BAD_RECORD', 'a record cannot be parsed', 400);
/** An archive (XLSX) part that inflates past the limits: a zip bomb, or a workbook too large to profile. */
export const ArchiveBomb = createError(
  'TABULAR_ARCHIVE_BOMB',
  'a part of the workbook inflates beyond the allowed size or compression ratio',
  400,
);
