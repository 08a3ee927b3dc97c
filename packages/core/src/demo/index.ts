export { seedDemo, DEMO_PASSWORD, type SeedResult } from './seed.js';
export { makeUscc } from './uscc.js';
