// The trade domain: for now the fingerprinting engine that file delivery will call.
export * as fingerprint from './fingerprint/index.js';
