import 'dotenv/config';
import { createApp } from './app';
import { ConfigError, loadConfig, type Config } from './config';
import { createLogger } from './logger';
import { probeStorage, STARTUP_PROBE_TIMEOUT_MS, storageHint } from './store/storageProbe';

/** Platforms give a stopping process about 10 s before they kill it (docker stop, App Service, Kubernetes 30 s). */
const SHUTDOWN_DEADLINE_MS = 10_000;
/** Time for work in flight to finish by itself; the rest of the deadline is for cutting off what is left and closing storage. */
const SHUTDOWN_DRAIN_MS = 7_000;

function readConfig(): Config {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`${error.message}\nSee .env.example and the configuration table in README.md.`);
      process.exit(1);
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger(config.logLevel, config.logFormat);
  const app = createApp(config, logger);
  try {
    await probeStorage(app.storage.storage, STARTUP_PROBE_TIMEOUT_MS);
  } catch (error) {
    logger.fatal(
      { err: error },
      `Storage "${config.storage.kind}" did not answer at start-up (${app.storage.where}): ${error instanceof Error ? error.message : String(error)}. ${storageHint(config.storage)}`,
    );
    await app.close();
    process.exit(1);
  }
  const { host, port } = await app.listen();
  logger.info(
    `Entra Sync Guide listening on http://${host}:${port}/api/messages with ${app.storage.kind} storage (${app.storage.where})`,
  );
  if (config.localMode) {
    logger.warn(
      'Local mode: MicrosoftAppId is not set, so requests are NOT authenticated. Listening on loopback only; set MicrosoftAppId before deploying.',
    );
  }

  const shutdown = (signal: string) => {
    logger.info(`${signal} received, shutting down`);
    const startedAt = Date.now();
    const force = setTimeout(() => {
      logger.error(`shutdown did not finish within ${SHUTDOWN_DEADLINE_MS / 1000} s; exiting anyway`);
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS);
    force.unref();
    app.close({ drainMs: SHUTDOWN_DRAIN_MS }).then(
      ({ drained }) => {
        logger.info({ drained, durationMs: Date.now() - startedAt }, 'shutdown complete');
        process.exit(0);
      },
      (error) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error) => {
  console.error('Entra Sync Guide failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
