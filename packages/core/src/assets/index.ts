export { createAssets, type AssetsServices } from './assets.factory.js';
export type { ValuationSignHow } from './valuations.service.js';
export * from './assets.rules.js';
export { DISCLOSURE_LABELS } from './assets.words.js';
