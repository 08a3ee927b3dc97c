export * from './dp/index.js';
