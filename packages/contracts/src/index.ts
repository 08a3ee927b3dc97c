export * from './route.js';
export * from './common.js';
export * from './identity.js';
export * from './audit.js';
export * from './notifications.js';
export * from './api.js';
export * from './rules/check-digits.js';
