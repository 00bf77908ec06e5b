import { createApp } from '../src/app';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { activity, TENANT_ID } from './helpers/botHarness';

/** A JSON logger whose lines land in `lines`, parsed. */
function capturingLogger(lines: Array<Record<string, unknown>>) {
  return createLogger('info', 'json', { write: (line: string) => void lines.push(JSON.parse(line)) });
}

describe('logger', () => {
  it.each([
    ['a header one level down', { req: { authorization: 'Bearer abc.def' } }, 'abc.def'],
    ['an app password', { config: { MicrosoftAppPassword: 'p@ss-w0rd' } }, 'p@ss-w0rd'],
    ["a message's text", { activity: { text: 'our forest is corp.example' } }, 'corp.example'],
    ['a token', { auth: { token: 'eyJhbGciOi' } }, 'eyJhbGciOi'],
  ])('redacts %s', (_label, fields, secret) => {
    const lines: Array<Record<string, unknown>> = [];
    capturingLogger(lines).info(fields, 'something happened');
    expect(JSON.stringify(lines)).not.toContain(secret);
    expect(JSON.stringify(lines)).toContain('[redacted]');
  });

  it('writes one turn line per request, with what happened and never what was said', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const app = createApp(
      loadConfig({ STORAGE: 'memory', PORT: '0', ALLOWED_TENANT_IDS: TENANT_ID }),
      capturingLogger(lines),
    );
    const { port } = await app.listen();
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity('message', {}, { text: 'help, our forest is corp.example' })),
      });
      expect(response.status).toBe(200);
      const turns = lines.filter((line) => line.msg === 'turn');
      expect(turns).toHaveLength(1);
      expect(turns[0]).toMatchObject({ activityType: 'message', status: 200, outcome: expect.any(String) });
      expect(typeof turns[0].durationMs).toBe('number');
      expect(JSON.stringify(lines)).not.toContain('corp.example');
    } finally {
      await app.close();
    }
  });
});
