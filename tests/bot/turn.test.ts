/**
 * The one turn helper: who acts, which plan a turn is about, and the one path for answers in the turn.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TurnContext } from 'botbuilder';
import { actorOf, createTurnReply, planLocation } from '../../src/bot/turn';
import type { SendJob, SendOutcome } from '../../src/messaging/sender';
import { SRC, sourceFiles } from '../helpers/sourceFiles';

function contextWith(activity: Record<string, unknown>): { context: TurnContext; sent: unknown[] } {
  const sent: unknown[] = [];
  const context = {
    activity: {
      conversation: { id: '19:abc@thread.tacv2;messageid=42', tenantId: 'T-1' },
      channelData: { tenant: { id: 'TENANT-A' } },
      ...activity,
    },
    sendActivity: async (content: unknown) => {
      sent.push(content);
      return { id: `sent-${sent.length}` };
    },
  } as unknown as TurnContext;
  return { context, sent };
}

/** A sender that runs each job at once and remembers what it was given. */
function recordingSender(outcome?: SendOutcome<unknown>) {
  const jobs: SendJob<unknown>[] = [];
  return {
    jobs,
    enqueue: async <T>(job: SendJob<T>): Promise<SendOutcome<T>> => {
      jobs.push(job);
      if (outcome) return outcome as SendOutcome<T>;
      return { ok: true, value: await job.run(new AbortController().signal), attempts: 1 };
    },
  };
}

const quiet = { warn: jest.fn() };

describe('turn helper', () => {
  it('keys the plan by tenant (lower case) and the channel without its thread suffix', () => {
    const { context } = contextWith({});
    expect(planLocation(context)).toEqual({ tenantId: 'tenant-a', conversationId: '19:abc@thread.tacv2' });
  });

  it('names the actor by Entra object id and a trimmed, bounded display name', () => {
    const { context } = contextWith({
      from: { id: '29:channel-id', aadObjectId: 'aad-1', name: `  ${'N'.repeat(300)}  ` },
    });
    const actor = actorOf(context);
    expect(actor.id).toBe('aad-1');
    expect(actor.name).toBe('N'.repeat(100));
    expect(actorOf(contextWith({ from: { id: '29:x', aadObjectId: 'aad-2', name: '   ' } }).context)).toEqual({
      id: 'aad-2',
      name: 'Someone',
    });
  });

  it('paces an ordinary answer through the sender, in the conversation the plan is keyed by', async () => {
    const sender = recordingSender();
    const { context, sent } = contextWith({});
    await createTurnReply(sender, quiet)(context, { type: 'AdaptiveCard', version: '1.5', body: [] });
    expect(sender.jobs.map((job) => [job.conversationId, job.tenantId])).toEqual([['19:abc@thread.tacv2', 'tenant-a']]);
    expect(sent).toEqual([
      expect.objectContaining({
        attachments: [expect.objectContaining({ contentType: 'application/vnd.microsoft.card.adaptive' })],
      }),
    ]);
  });

  it('sends text as it is, and with expectReplies straight into the HTTP answer without the sender', async () => {
    const sender = recordingSender();
    const { context, sent } = contextWith({ deliveryMode: 'expectReplies' });
    await createTurnReply(sender, quiet)(context, 'Stopped.');
    expect(sender.jobs).toEqual([]);
    expect(sent).toEqual(['Stopped.']);
  });

  it('logs a failed send and resolves: the turn goes on', async () => {
    const warn = jest.fn();
    const sender = recordingSender({ ok: false, reason: 'blocked', attempts: 1 } as SendOutcome<unknown>);
    const { context } = contextWith({});
    await expect(createTurnReply(sender, { warn })(context, 'hello')).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledWith({ reason: 'blocked' }, 'could not send a reply');
  });
});

describe('one path for answers in a turn', () => {
  const sources = [...sourceFiles(path.join(SRC, 'bot')), ...sourceFiles(path.join(SRC, 'dialogs'))].map((file) => ({
    name: path.relative(SRC, file).split(path.sep).join('/'),
    text: readFileSync(file, 'utf8'),
  }));

  it('sends activities in a turn only from bot/turn.ts', () => {
    expect(sources.filter((source) => /\.sendActivit(y|ies)\(/.test(source.text)).map((source) => source.name)).toEqual(
      ['bot/turn.ts'],
    );
  });

  it('defines who acts and which plan a turn is about only in bot/turn.ts', () => {
    const defines = /function (actorOf|planLocation|locationOf)\b/;
    expect(sources.filter((source) => defines.test(source.text)).map((source) => source.name)).toEqual(['bot/turn.ts']);
  });
});
