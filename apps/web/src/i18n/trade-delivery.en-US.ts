import type { tradeDeliveryZhCN } from './trade-delivery.zh-CN';

/** English — an order's fingerprinted files, and tracing a leaked file (泄露溯源). */
// prettier-ignore
export const tradeDeliveryEnUS: typeof tradeDeliveryZhCN = {
  delivery: {
    filesTitle: 'Delivered files',
    filesIntro: 'Each file is a copy of the de-identified derivative made for this order’s buyer alone, carrying a fingerprint that traces it back to this order; do not pass it on. Downloads are limited by the contract and the usage policy, and every download is audited.',
    resource: 'Resource', name: 'File name', rows: 'Rows', size: 'Size', sm3: 'SM3 digest',
    downloads: 'Downloaded', left: 'Left', unlimited: 'Unlimited', lastDownload: 'Last download',
    consentFiltered: 'Filtered by consent',
    consentHint: (v: string) => `Data about persons: each download holds only the persons whose consent to the buyer’s scenario version ${v} is live; a withdrawal counts from the next download`,
    withheld: (n: number) => `${n} rows left out of the current copy`,
    notPrepared: 'Made on first download', download: 'Download', downloadCsv: 'CSV', downloadXlsx: 'Excel (XLSX)',
    downloading: 'Downloading…', downloaded: (name: string) => `Downloaded ${name}`,
    exhausted: 'No downloads left',
    noFiles: 'No delivered files', noFilesHint: 'Once the seller delivers a file order, the copies made for you are listed here.',
    notYetDelivered: 'Downloadable once the order is delivered',
    onlyBuyer: 'Delivered files are downloaded by the buyer’s members only',
    traceMenu: 'Leak tracing', traceTitle: 'Leak tracing (泄露溯源)',
    traceIntro: 'Upload a data file found outside (CSV or XLSX) that may have leaked: the platform compares it with the fingerprints of every delivered copy and names the order and buyer it came from, even after its rows were re-sorted, columns dropped or the format converted. Every trace is audited.',
    dropHint: 'Click or drag a file here', dropTypes: 'CSV, TSV or XLSX, up to 64 MB',
    uploading: (name: string) => `Uploading and comparing ${name}…`, again: 'Trace another file',
    matched: 'Traced to a delivered order', matchedSub: (order: string) => `The file carries the fingerprint of the copy delivered on order ${order}`,
    noMatch: 'No delivered copy matches', noMatchSub: 'The file carries the fingerprint of no copy delivered on this platform, or keeps too few columns to read one.',
    order: 'Order', contract: 'Contract', buyer: 'Buyer', seller: 'Seller', product: 'Product', copy: 'Delivered copy',
    deliveredAt: 'Delivered', copyDownloads: 'Downloads of the copy',
    statistics: 'Detection statistics', marks: 'Fingerprint bits matched', pValue: 'p-value', cellsRead: 'Marked cells read', candidates: 'Copies compared',
    alpha: 'Threshold α', fileSm3: 'Uploaded file SM3', fileShape: 'File',
    shape: (rows: number, cols: number) => `${rows} rows × ${cols} columns`,
    marksOf: (m: number, n: number) => `${m} / ${n}`,
    statsNote: 'The p-value is the chance that a file not made for this order agrees as well; a match is named only when the p-value times the number of copies compared is below α.',
  },
};
