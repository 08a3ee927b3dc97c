import { Command } from 'commander';

export function serveCommand() {
  return new Command('serve')
    .description('migrate the database and serve the API and the web portal')
    .option('-p, --port <port>', 'port to listen on (default: PORT or 8080)')
    .option('--host <host>', 'address to bind (default: SHULIU_HOST or localhost)')
    .option('--demo', 'seed the demo platform when the database is empty')
    .option('--memory', 'use a throw-away in-memory database')
    .action(async (opts: { port?: string; host?: string; demo?: boolean; memory?: boolean }) => {
      const { loadConfig } = await import('@shuliu/core');
      const { startServer } = await import('@shuliu/server');
      const config = loadConfig(undefined, {
        ...(opts.port !== undefined && { port: parsePort(opts.port) }),
        ...(opts.host && { host: opts.host }),
      });
      const started = Date.now();
      const server = await startServer({ config, demo: opts.demo || config.demo, memory: opts.memory });
      const where = config.databaseUrl
        ? 'PostgreSQL'
        : opts.memory
          ? 'in-memory PGlite'
          : `PGlite in ${config.dataDir}`;
      console.log(
        `Shuliu is serving on http://${config.host}:${server.app.server.address() && (server.app.server.address() as { port: number }).port} (database: ${where}, ready in ${Date.now() - started} ms)`,
      );
      // the demo's compute agents: 齐鲁数据's and 泉城数智's nodes, calling this server like any agent would
      const agent =
        opts.demo || config.demo
          ? await (
              await import('@shuliu/agent')
            )
              .startDemoAgent(server, (line) => console.log(line))
              .catch(
                (e: unknown) => void console.error(`the demo agent did not start: ${(e as Error).message}`),
              )
          : null;
      if (agent)
        console.log(
          `the demo compute agents ${agent.agents.map((a) => a.client.agentId).join(', ')} are polling for jobs`,
        );
      let stopping = false;
      const stop = async (signal: string) => {
        if (stopping) return;
        stopping = true;
        console.log(`${signal}: closing…`);
        await agent?.stop();
        await server.close();
        process.exit(0);
      };
      process.on('SIGINT', () => void stop('SIGINT'));
      process.on('SIGTERM', () => void stop('SIGTERM'));
    });
}

function parsePort(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new Error(`--port must be a number from 0 to 65535, got "${v}"`);
  return n;
}
