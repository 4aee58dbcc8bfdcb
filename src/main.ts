import { ConfigError, type GatewayConfig, loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { faultPreset } from './sandbox/faults.js';
import { type Sandboxes, startSandboxes } from './sandbox/index.js';
import { startUsageSimulation } from './sandbox/simulation.js';
import { createGateway } from './server.js';

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
  const logger = createLogger({ level: config.logLevel });

  let sandboxes: Sandboxes | undefined;
  if (config.sandbox) {
    sandboxes = await startSandboxes();
    config = { ...config, ...sandboxes.providerConfig };
    for (const fault of config.sandboxFaults)
      sandboxes[fault.sandbox].injectFault(faultPreset(fault.mode, fault.arg));
    logger.info(
      { lago: sandboxes.lago.url, flexprice: sandboxes.flexprice.url, polar: sandboxes.polar.url },
      'no provider configured: serving the built-in sandbox providers',
    );
  }

  const gateway = createGateway(config, { logger });
  const url = await gateway.listen();
  logger.info({ url }, 'walletgate listening');
  let stopSimulation = () => {};
  if (sandboxes) {
    sandboxes.sendWebhooksTo(url);
    if (config.simulationIntervalMs > 0)
      stopSimulation = startUsageSimulation(sandboxes, config.simulationIntervalMs);
  }
  process.stdout.write(`\nWalletgate is up. GraphiQL: ${url}\n\n`);

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
