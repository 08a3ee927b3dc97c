import { z } from 'zod';
import { Id, Timestamp } from './common.js';

/** What a delivered file is downloaded as: the stored CSV, or a workbook made from it (the marks survive both). */
export const DownloadFormat = z.enum(['csv', 'xlsx']);
export type DownloadFormat = z.infer<typeof DownloadFormat>;

/**
 * A file delivered on an order: the buyer's own copy of a resource's de-identified (masked) derivative,
 * fingerprinted for that order. The copy is made on its first download; `downloadsLeft` counts down from the
 * contract's use limit (`maxUses`) or the usage policy's count constraint, whichever is lower.
 */
export const DeliveredFile = z.object({
  id: z.string(),
  orderId: z.string(),
  resourceId: z.string().describe('the product’s resource'),
  resourceTitle: z.string().nullable(),
  name: z.string().describe('the file name a download gets (its extension follows the format)'),
  prepared: z.boolean().describe('whether the fingerprinted copy is made yet (it is on the first download)'),
  sm3: z.string().nullable().describe('SM3 of the stored CSV copy, once made'),
  sizeBytes: z.number().int().nullable(),
  rows: z.number().int().nullable(),
  downloads: z.number().int(),
  maxDownloads: z.number().int().nullable().describe('null: no limit in the contract or the policy'),
  downloadsLeft: z.number().int().nullable(),
  lastDownloadAt: Timestamp.nullable(),
  consent: z
    .object({
      scenarioVersionId: z.string(),
      rowsWithheld: z
        .number()
        .int()
        .nullable()
        .describe('rows of persons without live consent left out of the current copy; null before the first'),
    })
    .nullable()
    .describe(
      'data about persons (一场景一授权): each download holds only the persons whose consent to this buyer scenario is live then',
    ),
  createdAt: Timestamp,
});
export type DeliveredFile = z.infer<typeof DeliveredFile>;

export const DeliveredFileParams = z.strictObject({ id: Id('ord'), fileId: Id('dlf') });
export const DownloadQuery = z.strictObject({ format: DownloadFormat.default('csv') });
export type DownloadQuery = z.input<typeof DownloadQuery>;

export const TraceQuery = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/^[^/\\\p{Cc}]+$/u, 'must be a file name, not a path')
    .optional()
    .describe('the leaked file’s name; its extension helps tell CSV from XLSX'),
});
export type TraceQuery = z.input<typeof TraceQuery>;

/** How well the leaked file's marks agree with a delivered copy's code. */
export const TraceStatistics = z.object({
  matches: z.number().int().describe('bit positions whose recovered value equals the code’s'),
  observed: z.number().int().describe('bit positions recovered from the file (of 256)'),
  pValue: z.number().describe('the chance that a file not made for this order agrees as well'),
  cellsRead: z.number().int().describe('cells read as carrying a mark'),
  candidates: z.number().int().describe('delivered copies the file was compared with'),
  alpha: z.number().describe('a match is named only when pValue × candidates is below this'),
});
export type TraceStatistics = z.infer<typeof TraceStatistics>;

/** Where a leaked file came from: the order, its buyer and the delivered copy, or no match. */
export const TraceResult = z.object({
  matched: z.boolean(),
  fileSm3: z.string().describe('SM3 of the uploaded file'),
  rows: z.number().int(),
  columns: z.array(z.string()),
  match: z
    .object({
      orderId: z.string(),
      contractNo: z.string(),
      deliveredFileId: z.string(),
      resourceId: z.string(),
      resourceTitle: z.string().nullable(),
      productId: z.string(),
      productTitle: z.string().nullable(),
      buyerOrgId: z.string(),
      buyerName: z.string().nullable(),
      sellerOrgId: z.string(),
      sellerName: z.string().nullable(),
      deliveredAt: Timestamp,
      downloads: z.number().int(),
    })
    .nullable(),
  /** The best-scoring copy's statistics, matched or not (null when no copy could be compared). */
  statistics: TraceStatistics.nullable(),
});
export type TraceResult = z.infer<typeof TraceResult>;
