export { buildApp, type AppDeps } from './app.js';
export { spawnServer, startTestServer, type TestServer } from './testing.js';
export { startServer, VERSION, DEFAULT_WEB_DIST, type StartOptions, type RunningServer } from './start.js';
