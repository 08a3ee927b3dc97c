// An open-loop load for latency figures: requests sent at a steady rate over a few keep-alive connections
// whatever the answers do (a late answer does not delay the next request), each timed from its send to the
// end of its answer with performance.now() (microseconds, where autocannon's histogram counts whole
// milliseconds — too coarse for a ratio of two ~10 ms figures).
import http from 'node:http';

export interface Paced {
  samples: number[];
  errors: number;
}

export async function pacedLoad(
  url: string,
  headers: Record<string, string>,
  o: { rate: number; connections: number; seconds: number },
): Promise<Paced> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.connections });
  const u = new URL(url);
  const samples: number[] = [];
  let errors = 0;
  const one = () =>
    new Promise<void>((done) => {
      const t = performance.now();
      const req = http.request(
        { hostname: u.hostname, port: u.port, path: u.pathname + u.search, headers, agent },
        (res) => {
          res.resume();
          res.on('end', () => {
            if (res.statusCode! >= 300) errors++;
            else samples.push(performance.now() - t);
            done();
          });
        },
      );
      req.on('error', () => {
        errors++;
        done();
      });
      req.end();
    });
  const inflight: Promise<void>[] = [];
  const gap = 1000 / o.rate;
  const end = performance.now() + o.seconds * 1000;
  for (let next = performance.now(); performance.now() < end;) {
    inflight.push(one());
    next += gap;
    const wait = next - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }
  await Promise.all(inflight);
  agent.destroy();
  return { samples, errors };
}

export const percentile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * q))] ?? NaN;
};
