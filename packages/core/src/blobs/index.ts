export { BlobStore, BlobTooLarge, BlobMissing, type StoredBlob, type KeyWrapper } from './blob-store.js';
