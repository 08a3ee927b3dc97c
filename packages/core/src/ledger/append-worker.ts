// Test helper, run as a child process by ledger.processes.int.spec.ts: connects to the database at argv[2],
// says "ready", waits for a line on standard input (so that both workers start together), then appends its
// batches, two in flight at a time, and prints the index ranges it was given as one JSON line.
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { createServices } from '../services.js';

const [url, tag, batches, size, masterKey] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
];
const database = await openDatabase({ url, poolSize: 3 });
const { ledger } = createServices(database.db, loadConfig({}, { masterKey }));
await ledger.keys.publicKey('warm-up').catch(() => {}); // the connection is open before the start signal
console.log('ready');
await once(createInterface({ input: process.stdin }), 'line');
const got: { first: number; size: number }[] = [];
let next = 0;
const lane = async () => {
  while (next < Number(batches)) {
    const b = next++;
    const items = Array.from({ length: Number(size) }, (_, i) => ({
      type: 'listing.published' as const,
      objectType: 'listing',
      objectId: `${tag}-${b}-${i}`,
      object: { tag, b, i },
    }));
    const r = await ledger.append(items);
    got.push({ first: r.firstIndex, size: items.length });
  }
};
await Promise.all([lane(), lane()]);
console.log(JSON.stringify(got));
await database.close();
