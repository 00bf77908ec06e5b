/**
 * `npm run playground`: the bot in local mode plus the Microsoft 365 Agents Playground, offline, no tenant, and a
 * fake Microsoft Graph holding a simulated tenant (FAKE_TENANT: healthyCloudSync, quarantinedCloudSync or
 * connectLastSync5h) so `check` and `watch` can be tried. Ctrl-C stops everything.
 */
import { join } from 'node:path';
import { FAKE_IDENTITY_HEADER, PRESETS, startFakeGraph } from './lib/fakeGraph';
import { REPO_ROOT, startPlayground } from './lib/playground';

/** The tenant of .m365agentsplayground.yml: the one the simulated checks stand for. */
const PLAYGROUND_TENANT = '00000000-0000-4000-8000-00000000c0de';
import { startProcess, waitForHttp } from './lib/processes';

async function main(): Promise<void> {
  const botPort = Number(process.env.PORT || 3978);
  const playgroundPort = Number(process.env.PLAYGROUND_PORT || 56150);
  const preset = (process.env.FAKE_TENANT || 'healthyCloudSync') as keyof typeof PRESETS;
  if (!(preset in PRESETS)) throw new Error(`FAKE_TENANT must be one of ${Object.keys(PRESETS).join(', ')}.`);
  const graph = await startFakeGraph({ tenant: PRESETS[preset]() });
  const bot = startProcess(process.execPath, ['--no-deprecation', join(REPO_ROOT, 'dist', 'index.js')], {
    cwd: REPO_ROOT,
    echo: true,
    // The Playground sends no tokens, so the bot must run unauthenticated (local mode, loopback only),
    // whatever .env says. dotenv never overrides variables that are already set, even to empty. Local mode
    // refuses to start beside a deployment's settings, so those are blanked too.
    env: {
      ...process.env,
      MicrosoftAppId: '',
      MicrosoftAppPassword: '',
      MicrosoftAppType: '',
      MicrosoftAppTenantId: '',
      PUBLIC_BASE_URL: '',
      HOST: '127.0.0.1',
      PORT: String(botPort),
      // Tenant checks against the fake Graph: a simulated tenant, read through the same credential code as Azure.
      GRAPH_CHECKS: 'on',
      GRAPH_SIMULATED_TENANT_ID: PLAYGROUND_TENANT,
      GRAPH_BASE_URL: graph.baseUrl,
      IDENTITY_ENDPOINT: graph.identityEndpoint,
      IDENTITY_HEADER: FAKE_IDENTITY_HEADER,
      GRAPH_WATCH_SECONDS: process.env.GRAPH_WATCH_SECONDS || '60',
    },
  });
  const stopAll = async (code: number) => {
    await Promise.all([bot.stop(), playground?.stop(), graph.close()]);
    process.exit(code);
  };
  let playground: Awaited<ReturnType<typeof startPlayground>> | undefined;
  process.once('SIGINT', () => void stopAll(0));
  process.once('SIGTERM', () => void stopAll(0));

  await waitForHttp(`http://127.0.0.1:${botPort}/healthz`, 20_000, bot.alive);
  playground = await startPlayground({
    botEndpoint: `http://127.0.0.1:${botPort}/api/messages`,
    port: playgroundPort,
    logFile: join(REPO_ROOT, 'devTools', 'playground.log'),
  });
  console.log(
    `Simulated tenant for tenant checks: ${preset} (fake Microsoft Graph at ${graph.baseUrl}; FAKE_TENANT picks another).`,
  );
  console.log(
    `\nAgents Playground ready: open ${playground.url} in a browser (Ctrl-C stops the bot and the Playground).\n`,
  );
  bot.child.once('exit', () => {
    console.error('The bot stopped; stopping the Playground.');
    void stopAll(1);
  });
  playground.child.once('exit', () => {
    console.error('The Playground stopped; stopping the bot.');
    void stopAll(1);
  });
}

main().catch((error) => {
  console.error(`npm run playground failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
