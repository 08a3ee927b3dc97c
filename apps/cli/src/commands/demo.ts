import { Command } from 'commander';
import { withDatabase } from './db.js';

export function demoCommand() {
  return new Command('demo').description('seed the demo platform into an empty database').action(async () => {
    await withDatabase(async ({ db }, config) => {
      const { demo } = await import('@shuliu/core');
      const r = await demo.seedDemo(db, config);
      console.log(
        r.seeded
          ? `demo seeded: ${r.orgs} organizations, ${r.users} users (password ${demo.DEMO_PASSWORD})`
          : 'the database already holds data; the demo was not seeded',
      );
    });
  });
}
