import { ConfigError, type GatewayConfig, loadConfig } from './config.js';
import { limitHeapGrowth } from './heap.js';
import { createLogger } from './logger.js';
import type { Sandboxes } from './sandbox/index.js';
import { createGateway } from './server.js';

/** One line for a port that cannot be had; other listen errors as they are. */
function listenFailure(e: unknown, config: GatewayConfig): string {
  const where = `${config.host}:${config.port}`;
  switch ((e as NodeJS.ErrnoException | undefined)?.code) {
    case 'EADDRINUSE':
      return `cannot listen on ${where}: the port is already in use (stop what holds it, or set PORT)`;
    case 'EACCES':
      return `cannot listen on ${where}: permission denied (ports below 1024 need privileges; set PORT)`;
    case 'EADDRNOTAVAIL':
      return `cannot listen on ${where}: no such local address (set HOST)`;
    default:
      return `cannot listen on ${where}: ${e instanceof Error ? e.message : String(e)}`;
  }
}

async function main(): Promise<void> {
  let config: GatewayConfig;
  try {
    config = loadConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
  limitHeapGrowth(config.heapGrowingPercent);
  const logger = createLogger({ level: config.logLevel });

  let sandboxes: Sandboxes | undefined;
  if (config.sandbox) {
    // Loaded only in sandbox mode: a gateway in front of real providers carries none of it.
    const [{ startSandboxes }, { faultPreset }] = await Promise.all([
      import('./sandbox/index.js'),
      import('./sandbox/faults.js'),
    ]);
    // `npm start` shows the documented shapes too (seed documents), beside the modelled data.
    sandboxes = await startSandboxes({ seedDocuments: true });
    config = { ...config, ...sandboxes.providerConfig };
    for (const fault of config.sandboxFaults)
      sandboxes.byId(fault.sandbox)?.injectFault(faultPreset(fault.mode, fault.arg));
    logger.info(
      Object.fromEntries(sandboxes.all.map((s) => [s.id, s.sandbox.url])),
      'no provider configured: serving the built-in sandbox providers',
    );
  }

  const gateway = createGateway(config, { logger });
  // A backstop: every promise is handled where it is made; one that is not is logged and
  // counted, and does not take the replica and its open subscriptions down.
  process.on('unhandledRejection', (reason) => {
    gateway.metrics.unhandledRejections.inc();
    logger.error(
      { err: reason instanceof Error ? { name: reason.name, message: reason.message } : 'unknown' },
      'unhandled promise rejection',
    );
  });
  let url: string;
  try {
    url = await gateway.listen();
  } catch (e) {
    process.stderr.write(`walletgate: ${listenFailure(e, config)}\n`);
    process.exit(1);
  }
  logger.info({ url }, 'walletgate listening');
  let stopSimulation = () => {};
  if (sandboxes) {
    sandboxes.sendWebhooksTo(url);
    if (config.simulationIntervalMs > 0) {
      const { startUsageSimulation } = await import('./sandbox/simulation.js');
      stopSimulation = startUsageSimulation(sandboxes, config.simulationIntervalMs);
    }
  }
  process.stdout.write(
    config.graphiql
      ? `\nWalletgate is up. GraphiQL: ${url}\n\n`
      : `\nWalletgate is up. GraphQL: ${url} (GraphiQL off: GRAPHIQL)\n\n`,
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    stopSimulation();
    await gateway.close();
    await sandboxes?.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((e: unknown) => {
  process.stderr.write(
    `walletgate failed to start: ${e instanceof Error ? e.message : String(e)}\n`,
  );
  process.exit(1);
});
