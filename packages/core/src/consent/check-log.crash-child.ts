// Child process of check-log.int.spec.ts: runs standalone consent checks' log writes from many concurrent
// loops and prints the subject of every one that was answered, until it is killed with -9.
import { openDatabase } from '../db/database.js';
import { CheckLog } from './check-log.js';

const [target] = process.argv.slice(2);
const database = await openDatabase(target!.startsWith('postgres') ? { url: target } : { dataDir: target });
const log = new CheckLog(database.db);
let n = 0;
const loop = async (w: number) => {
  for (;;) {
    const subject = `usr_crash_${w}_${n++}`;
    await log.write({
      subject_user_id: subject,
      version_id: 'scv_crash',
      grant_id: null,
      fields: ['mobile'],
      allowed: false,
      reason: 'no_grant',
      caller_org_id: null,
    });
    process.stdout.write(`answered ${subject}\n`);
  }
};
await Promise.all(Array.from({ length: 16 }, (_, w) => loop(w)));
