/**
 * `my tasks` in personal chat and the buttons on that list, in Teams. The family (its verbs, data, the list, the
 * change and the cards) is src/actions/myTasks.ts; this file only says what the turn is, and answers the one
 * question that needs Teams: does the person still belong where a plan lives.
 */
import type { TurnContext } from 'botbuilder';
import {
  answerMyTasks,
  myTasksVerbHandlers,
  type Access,
  type MyTasksDeps,
  type MyTasksTurn,
} from '../actions/myTasks';
import { baseConversationId } from '../store/conversationRegistry';
import type { MyTaskEntry } from '../store/myTasksIndex';
import type { PlanRecord } from '../store/planStore';
import { lookupMember, type MembershipScope } from './membership';
import type { Feature } from './routing';
import { actorOf, planLocation, type TurnReply } from './turn';
import { bindVerbs } from './verbBinding';

export function createMyTasksFeature(deps: MyTasksDeps & { readonly reply: TurnReply }): Feature {
  const turnOf = (context: TurnContext): MyTasksTurn => ({
    tenantId: planLocation(context).tenantId,
    actor: actorOf(context),
    conversationType: context.activity.conversation?.conversationType,
    accessTo: (entry, record) => accessTo(context, entry, record),
  });
  return {
    verbs: bindVerbs(myTasksVerbHandlers(deps), turnOf),
    commands: {
      myTasks: async (context) => deps.reply(context, await answerMyTasks(deps, turnOf(context))),
    },
  };
}

/** Whether the person clicking still belongs where the plan lives, as Teams says now. */
async function accessTo(context: TurnContext, entry: MyTaskEntry, record: PlanRecord): Promise<Access> {
  const scope = scopeOf(entry, record);
  if (scope === undefined) return 'notMember';
  if (scope.kind === 'personal')
    return scope.conversationId === baseConversationId(context.activity.conversation?.id ?? '')
      ? 'member'
      : 'notMember';
  // The Teams id of the person clicking is the one every member lookup accepts; the Entra id is the fallback.
  const from = context.activity.from;
  return (await lookupMember(context, scope, from?.id || actorOf(context).id)).kind;
}

/**
 * Where to ask Teams about the plan's conversation. The plan record knows where the plan lives now: a personal
 * plan shared to a channel since the task was assigned is the channel's, and its members decide.
 * A personal chat has one member: it is this person's own chat (the one they are asking from) or nobody's
 * they could reach.
 */
function scopeOf(
  entry: MyTaskEntry,
  record: PlanRecord,
): MembershipScope | { readonly kind: 'personal'; readonly conversationId: string } | undefined {
  const home = baseConversationId(record.conversationId || entry.location.conversationId);
  if (home !== baseConversationId(entry.location.conversationId)) return { kind: 'conversation', conversationId: home };
  switch (entry.conversationType) {
    case 'channel':
      return { kind: 'channel', channelId: home, ...(entry.teamId ? { teamId: entry.teamId } : {}) };
    case 'groupChat':
      return { kind: 'conversation', conversationId: home };
    case 'personal':
      return { kind: 'personal', conversationId: home };
    default:
      return entry.teamId ? { kind: 'team', teamId: entry.teamId } : undefined;
  }
}
