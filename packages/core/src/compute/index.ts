export * from './anonymize/index.js';
