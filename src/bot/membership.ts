/**
 * Who belongs to a conversation, and in which role, asked of Teams (TeamsInfo / the turn's connector client).
 * Only members of a plan's conversation can own its tasks, a button pressed away from the plan ("my tasks" in
 * personal chat) only changes it for its owner or a member, and the roster's role decides who may discard a plan.
 *
 * Answers are cached for the turn (one command can ask about the same person twice) and never beyond it:
 * membership changes, and instances must not disagree. "Could not tell" is its own answer, so a Teams
 * outage refuses the change with a "try again" instead of calling someone a non-member.
 */
import { TeamsInfo, type CloudAdapter, type TeamsChannelAccount, type TurnContext } from 'botbuilder';
import type { Actor } from '../domain/plan';
import type { MemberLookup, MemberRole, Standing } from '../domain/planRoles';
import type { OwnerChoice } from '../cards/taskCard';

/**
 * Where to ask: this turn's conversation, a team, another chat, or a channel of a team. A channel is asked
 * about itself first: for a private or shared channel Teams answers with the channel's own members, not the
 * team's. Only when Teams gives no answer there does the team's roster decide (a standard channel's members).
 */
export type MembershipScope =
  | { readonly kind: 'here' }
  | { readonly kind: 'team'; readonly teamId: string }
  | { readonly kind: 'conversation'; readonly conversationId: string }
  | { readonly kind: 'channel'; readonly channelId: string; readonly teamId?: string };

/** The people offered by the owner picker before anyone types; one page, so a big team costs one call. */
export const PICKER_MEMBER_LIMIT = 20;
const MAX_NAME = 100;
const CACHE = Symbol('membershipLookups');

interface ConversationMemberCalls {
  conversations: { getConversationMember(conversationId: string, memberId: string): Promise<TeamsChannelAccount> };
}

export async function lookupMember(
  context: TurnContext,
  scope: MembershipScope,
  userId: string,
): Promise<MemberLookup> {
  const found = await rosterEntry(context, scope, userId);
  if (found.kind !== 'member') return found;
  const actor = actorOfMember(found.account);
  return actor ? { kind: 'member', member: actor } : { kind: 'unknown' };
}

/** Where the person acting in this turn stands, for decisions only some people may take (see domain/planRoles.ts). */
export type StandingLookup =
  | { readonly kind: 'known'; readonly standing: Standing }
  | { readonly kind: 'notMember' }
  | { readonly kind: 'unknown' };

/**
 * Personal chat needs no lookup. In a team channel or group chat the roster answers with the person's `userRole`:
 * "owner" (team owners), "user", "guest", or "anonymous" (meeting guests). Guests also show in their user principal
 * name, which Entra writes as `…#EXT#@…` for accounts invited from elsewhere; either sign makes the person a guest.
 * A role this code does not know counts as a guest rather than a member: refusing is recoverable, an unexpected
 * permission is not. A missing `userRole` (older roster answers and emulators) counts as a member.
 */
export async function lookupStanding(context: TurnContext): Promise<StandingLookup> {
  const conversationType = context.activity.conversation?.conversationType;
  if (conversationType === 'personal') return { kind: 'known', standing: { kind: 'personal' } };
  const userId = context.activity.from?.id;
  if (!userId) return { kind: 'unknown' };
  const found = await rosterEntry(context, { kind: 'here' }, userId);
  if (found.kind !== 'member') return found;
  return {
    kind: 'known',
    standing: { kind: 'shared', role: roleOf(found.account), inTeam: conversationType === 'channel' },
  };
}

function roleOf(account: Partial<TeamsChannelAccount>): MemberRole {
  const upn = typeof account.userPrincipalName === 'string' ? account.userPrincipalName.toUpperCase() : '';
  if (upn.includes('#EXT#')) return 'guest';
  const role = typeof account.userRole === 'string' ? account.userRole.toLowerCase() : undefined;
  if (role === undefined || role === '' || role === 'user') return 'member';
  return role === 'owner' ? 'owner' : 'guest';
}

type RosterEntry =
  | { readonly kind: 'member'; readonly account: TeamsChannelAccount }
  | { readonly kind: 'notMember' }
  | { readonly kind: 'unknown' };

/** One roster call per scope and person per turn, shared by the lookups above. */
function rosterEntry(context: TurnContext, scope: MembershipScope, userId: string): Promise<RosterEntry> {
  const cache = cacheOf(context);
  const key = `${scope.kind}:${scopeKey(scope)}:${userId}`;
  let pending = cache.get(key);
  if (!pending) {
    pending = scope.kind === 'channel' ? askChannel(context, scope, userId) : ask(context, scope, userId);
    cache.set(key, pending);
  }
  return pending;
}

function scopeKey(scope: MembershipScope): string {
  switch (scope.kind) {
    case 'here':
      return '';
    case 'team':
      return scope.teamId;
    case 'conversation':
      return scope.conversationId;
    case 'channel':
      return `${scope.channelId}|${scope.teamId ?? ''}`;
  }
}

async function askChannel(
  context: TurnContext,
  scope: Extract<MembershipScope, { kind: 'channel' }>,
  userId: string,
): Promise<RosterEntry> {
  const channel = await rosterEntry(context, { kind: 'conversation', conversationId: scope.channelId }, userId);
  if (channel.kind !== 'unknown' || !scope.teamId || scope.teamId === scope.channelId) return channel;
  return rosterEntry(context, { kind: 'team', teamId: scope.teamId }, userId);
}

/** Up to PICKER_MEMBER_LIMIT members of this conversation, for the picker's first choices; empty when Teams cannot say. */
export async function someMembers(context: TurnContext): Promise<OwnerChoice[]> {
  try {
    const page = await TeamsInfo.getPagedMembers(context, PICKER_MEMBER_LIMIT);
    return (page.members ?? [])
      .filter((member) => member.id !== context.activity.recipient?.id)
      .flatMap((member) => {
        const actor = actorOfMember(member);
        return actor ? [{ id: actor.id, name: actor.name }] : [];
      })
      .slice(0, PICKER_MEMBER_LIMIT);
  } catch {
    // The picker still works: Teams searches people itself, and typing "assign 3 to @name" always does.
    return [];
  }
}

/** The id a plan stores for a member: the Entra object id when Teams gives one (as for the person clicking), else the Teams id. */
export function actorOfMember(member: Partial<TeamsChannelAccount> | undefined): Actor | undefined {
  if (!member) return undefined;
  const id = (member.aadObjectId || member.id || '').slice(0, MAX_NAME);
  const name = (member.name ?? '').trim().slice(0, MAX_NAME);
  return id ? { id, name: name || 'A member' } : undefined;
}

async function ask(
  context: TurnContext,
  scope: Exclude<MembershipScope, { kind: 'channel' }>,
  userId: string,
): Promise<RosterEntry> {
  try {
    let member: TeamsChannelAccount;
    if (scope.kind === 'here') member = await TeamsInfo.getMember(context, userId);
    else if (scope.kind === 'team') member = await TeamsInfo.getTeamMember(context, scope.teamId, userId);
    else {
      // TeamsInfo only asks about the turn's own conversation; this is the same connector call for another chat.
      const client = context.turnState.get<ConversationMemberCalls>(
        (context.adapter as CloudAdapter).ConnectorClientKey,
      );
      if (!client) return { kind: 'unknown' };
      member = await client.conversations.getConversationMember(scope.conversationId, userId);
    }
    return typeof member === 'object' && member !== null ? { kind: 'member', account: member } : { kind: 'unknown' };
  } catch (error) {
    const status = (error as { statusCode?: number }).statusCode;
    const code = (error as { code?: string }).code ?? '';
    // Teams answers 404 (MemberNotFoundInConversation) for people outside the conversation. A conversation it
    // does not know says nothing about the person (a channel asked directly may be one), so that is no answer.
    if (code === 'MemberNotFoundInConversation' || (status === 404 && code !== 'ConversationNotFound'))
      return { kind: 'notMember' };
    return { kind: 'unknown' };
  }
}

function cacheOf(context: TurnContext): Map<string, Promise<RosterEntry>> {
  let cache = context.turnState.get<Map<string, Promise<RosterEntry>> | undefined>(CACHE);
  if (!cache) {
    cache = new Map();
    context.turnState.set(CACHE, cache);
  }
  return cache;
}
