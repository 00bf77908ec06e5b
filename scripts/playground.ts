/**
 * `npm run playground`: the bot in local mode plus the Microsoft 365 Agents Playground, offline, no tenant.
 * Ctrl-C stops both.
 */
import { join } from 'node:path';
import { REPO_ROOT, startPlayground } from './lib/playground';
import { startProcess, waitForHttp } from './lib/processes';

async function main(): Promise<void> {
  const botPort = Number(process.env.PORT || 3978);
  const playgroundPort = Number(process.env.PLAYGROUND_PORT || 56150);
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
    },
  });
  const stopAll = async (code: number) => {
    await Promise.all([bot.stop(), playground?.stop()]);
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
  console.log(`\nAgents Playground ready: open ${playground.url} in a browser (Ctrl-C stops the bot and the Playground).\n`);
  bot.child.once('exit', () => { console.error('The bot stopped; stopping the Playground.'); void stopAll(1); });
  playground.child.once('exit', () => { console.error('The Playground stopped; stopping the bot.'); void stopAll(1); });
}

main().catch((error) => {
  console.error(`npm run playground failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
