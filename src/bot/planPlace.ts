/**
 * Where a plan lives, named the way people know it ("Identity Team › Identity rollout", "a group chat"): what the
 * owners' "my tasks" index records next to each task. Read from the activity when the plan lives in this
 * conversation, otherwise from the conversation registry, since a linked chat's activity says nothing of the channel.
 */
import type { TurnContext } from 'botbuilder';
import type { PlanPlace } from '../actions/editActions';
import { baseConversationId, type ConversationRegistry } from '../store/conversationRegistry';
import type { PlanLocation, PlanStore } from '../store/planStore';

export interface PlanPlaceDeps {
  readonly planStore: Pick<PlanStore, 'owner'>;
  readonly registry: Pick<ConversationRegistry, 'get'>;
}

/** The plan's real home (its channel when this chat only links to it). */
export async function placeOf(deps: PlanPlaceDeps, context: TurnContext, location: PlanLocation): Promise<PlanPlace> {
  const owner = (await deps.planStore.owner(location)) ?? location;
  const activity = context.activity;
  const here = baseConversationId(activity.conversation?.id ?? '') === owner.conversationId;
  const registered = await deps.registry.get(owner.conversationId).catch(() => undefined);
  const channelData = (here ? activity.channelData : undefined) as
    { team?: { id?: string; name?: string }; channel?: { id?: string; name?: string } } | undefined;
  const conversationType = here ? activity.conversation?.conversationType : registered?.conversationType;
  const teamId = channelData?.team?.id ?? registered?.teamId;
  if (conversationType === 'channel') {
    const team = channelData?.team?.name ?? registered?.teamName ?? 'a team';
    const channel =
      channelData?.channel?.name ??
      (owner.conversationId === teamId ? 'General' : (registered?.channelName ?? 'a channel'));
    return { location: owner, where: `${team} › ${channel}`, conversationType, ...(teamId ? { teamId } : {}) };
  }
  if (conversationType === 'groupChat') {
    const name = here ? activity.conversation?.name : undefined;
    return {
      location: owner,
      where: name ? `the group chat "${name.slice(0, 80)}"` : 'a group chat',
      conversationType,
    };
  }
  return {
    location: owner,
    where: 'your personal chat with Sync Guide',
    conversationType: conversationType ?? 'personal',
  };
}
