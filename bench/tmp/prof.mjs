import fs from 'node:fs';
const p = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map(); for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
// time of each sample
let t = p.startTime; const times = p.timeDeltas.map((d) => (t += d));
const end = p.endTime; const from = end - Number(process.argv[3] ?? 12) * 1e6;
const self = new Map(), incl = new Map(); let total = 0;
for (let i = 0; i < p.samples.length; i++) {
  if (times[i] < from) continue;
  total++;
  let n = byId.get(p.samples[i]);
  const key = (n) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber}`;
  self.set(key(n), (self.get(key(n)) ?? 0) + 1);
  const seen = new Set();
  for (let id = n.id; id !== undefined; id = parent.get(id)) { const k = key(byId.get(id)); if (!seen.has(k)) { seen.add(k); incl.set(k, (incl.get(k) ?? 0) + 1); } }
}
const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${(100 * v / total).toFixed(1).padStart(5)}% ${k}`).join('\n');
console.log('samples', total, '\nSELF\n' + top(self, 30) + '\nINCL\n' + top(incl, 400));
