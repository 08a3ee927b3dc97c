// Child process of the gateway benchmark: the seller's upstream, a JSON answer after argv[2] ms of "work".
import { createServer } from 'node:http';

const work = Number(process.argv[2] ?? 0);
const body = JSON.stringify({
  creditCode: '91370100MA3C000000',
  score: 87,
  level: 'A',
  updatedAt: '2026-12-01',
});
const server = createServer((req, res) => {
  const answer = () => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  };
  req.resume();
  req.on('end', () => (work ? setTimeout(answer, work) : answer()));
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => console.log(`http://127.0.0.1:${server.address().port}/v1`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
