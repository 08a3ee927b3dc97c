import type { inputsApiErrorsZhCN } from './inputs.zh-CN';

/** Why an uploaded file was refused or failed (issue 14: bounded inputs). */
// prettier-ignore
export const inputsApiErrorsEnUS: Record<keyof typeof inputsApiErrorsZhCN, string> = {
  TABULAR_ARCHIVE_BOMB: 'The workbook inflates too far or too steeply (a possible zip bomb) and was refused',
  TABULAR_FORMAT_UNSUPPORTED: 'The file is not a readable CSV/TSV/JSONL/XLSX/Parquet file',
  TABULAR_FILE_UNREADABLE: 'The file cannot be read', TABULAR_RAGGED_ROW: 'A row has a different number of fields than the header',
  URI_TOO_LONG: 'A parameter in the request path is too long', HEADERS_TOO_LARGE: 'The request headers are too large',
  TABULAR_BAD_ENCODING: 'The text is not in the detected encoding', TABULAR_BAD_RECORD: 'A record cannot be parsed',
};
