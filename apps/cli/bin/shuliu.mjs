#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `npx shuliu …` works from a fresh checkout without a build step.
import { register } from 'tsx/esm/api';
register();
await import('../src/main.ts');
