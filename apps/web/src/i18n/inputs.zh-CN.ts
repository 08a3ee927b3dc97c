import type { ErrorCode } from '@shuliu/contracts';

/** Why an uploaded file was refused or failed (issue 14: bounded inputs). */
// prettier-ignore
export const inputsApiErrorsZhCN = {
  TABULAR_ARCHIVE_BOMB: '工作簿解压后过大或压缩比异常（疑似压缩炸弹），已拒绝处理',
  TABULAR_FORMAT_UNSUPPORTED: '文件不是可读取的 CSV/TSV/JSONL/XLSX/Parquet 文件',
  TABULAR_FILE_UNREADABLE: '文件无法读取', TABULAR_RAGGED_ROW: '某行的字段数与表头不一致',
  URI_TOO_LONG: '请求地址中的参数过长', HEADERS_TOO_LARGE: '请求头过大',
  TABULAR_BAD_ENCODING: '文本编码与检测到的编码不符', TABULAR_BAD_RECORD: '某条记录无法解析',
} satisfies Partial<Record<ErrorCode, string>>;
