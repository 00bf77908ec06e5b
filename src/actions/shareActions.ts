/**
 * The share verb family, whole: typed `share` in personal chat, which lists the channels the plan can move to, and
 * the `plan.share` button, which moves it there (posted as a thread) while the chat keeps a link to it, so from
 * then on there is one plan that both conversations show and change.
 *
 * Which channels a person may pick needs Teams (their teams and channels): the bot answers that through
 * `ShareTurn.choices`, and it is asked again when the untrusted button comes back.
 */
import { errorCard } from '../cards/errorCard';
import { noPlanCard } from '../cards/planNotices';
import { confirmCard } from '../cards/questionCards';
import { escapeMarkdown, type AdaptiveCardJson } from '../cards/render';
import { shareCard } from '../cards/shareCard';
import { baseConversationId, type TeamInstall } from '../store/conversationRegistry';
import type { PlanLocation, PlanStore } from '../store/planStore';
import type { Destination } from './planPosting';

export const SHARE_VERB = 'plan.share';

/** Buttons on one card; Teams renders more, but a longer list is no longer a choice. */
export const MAX_CHOICES = 12;
const ID = /^[\w:@.;=-]{1,200}$/;

/** A channel the person may share the plan to. */
export interface ChannelChoice {
  readonly team: TeamInstall;
  readonly channelId: string;
  readonly teamName: string;
  readonly channelName: string;
  readonly label: string;
}

export interface ShareActionDeps {
  readonly planStore: PlanStore;
  readonly clock: () => Date;
  /** Schedules posting of the plan stored at `location` to `destination`; the number of cards it will post. */
  readonly postPlan: (location: PlanLocation, planId: string, destination: Destination) => Promise<number>;
}

/** What sharing needs to know about the turn it runs in. */
export interface ShareTurn {
  readonly location: PlanLocation;
  /** Sharing starts in personal chat only. */
  readonly personal: boolean;
  /** The channels of the teams the person belongs to (at most MAX_CHOICES). */
  choices(): Promise<readonly ChannelChoice[]>;
}

/** The data of a channel button: the plan, the team and the channel (without a thread suffix). */
export interface ShareData {
  readonly planId: string;
  readonly teamId: string;
  readonly channelId: string;
}

/** Checks the untrusted data of a channel button: three ids of sane shape and length, nothing else read. */
export function parseShareData(data: unknown): ShareData | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const { planId, teamId, channelId } = data as Record<string, unknown>;
  const id = (value: unknown) => (typeof value === 'string' && ID.test(value) ? value : undefined);
  const plan = id(planId);
  const team = id(teamId);
  const channel = id(channelId);
  return plan && team && channel ? { planId: plan, teamId: team, channelId: baseConversationId(channel) } : undefined;
}

/** Typed `share`: the list of channels to pick from, or why there is none. */
export async function shareCommand(deps: ShareActionDeps, turn: ShareTurn): Promise<AdaptiveCardJson> {
  if (!turn.personal) {
    return errorCard(
      'Sharing starts in your personal chat with me: say "share" there to post your plan to a channel.',
      'Share from personal chat',
    );
  }
  const { location } = turn;
  const record = await deps.planStore.load(location);
  if (!record) return noPlanCard();
  const owner = await deps.planStore.owner(location);
  if (owner && owner.conversationId !== location.conversationId) {
    return errorCard(
      'This plan is already shared to a channel, and this chat works on the same plan. Say "status" to see it.',
      'Already shared',
    );
  }
  const choices = await turn.choices();
  if (choices.length === 0) {
    return errorCard(
      'I am not installed in any team you are a member of. Add Sync Guide to a team first, then say "share" again.',
      'No team to share to',
    );
  }
  return shareCard(
    SHARE_VERB,
    choices.map((choice) => ({
      teamName: choice.teamName,
      channelName: choice.channelName,
      data: { planId: record.plan.id, teamId: choice.team.teamId, channelId: choice.channelId },
    })),
  );
}

/** A share verb as the bot calls it: the turn and the untrusted button data. */
export type ShareVerbHandler = (turn: ShareTurn, data: unknown) => Promise<AdaptiveCardJson>;

export function shareVerbHandlers(deps: ShareActionDeps): Readonly<Record<string, ShareVerbHandler>> {
  return { [SHARE_VERB]: (turn, data) => shareClicked(deps, turn, data) };
}

async function shareClicked(deps: ShareActionDeps, turn: ShareTurn, data: unknown): Promise<AdaptiveCardJson> {
  const parsed = parseShareData(data);
  if (!parsed || !turn.personal) {
    return errorCard('This button does not name a channel I can share to. Say "share" for a fresh list.');
  }
  const { planId, teamId, channelId } = parsed;
  const { location } = turn;
  const record = await deps.planStore.load(location);
  if (!record || record.plan.id !== planId) {
    return errorCard(
      'This list belongs to a plan that is no longer the plan of this chat. Say "share" for a fresh list.',
      'Not this plan',
    );
  }
  // Everything the button says is checked against the registry and Teams again: it is only a request.
  const choice = (await turn.choices()).find((c) => c.team.teamId === teamId && c.channelId === channelId);
  if (!choice) {
    return errorCard(
      'I cannot share to that channel: I am not installed there any more, or you are not a member of its team. Say "share" for a fresh list.',
    );
  }
  const target = { tenantId: location.tenantId, conversationId: channelId };
  const outcome = await deps.planStore.share(location, target, deps.clock());
  switch (outcome.kind) {
    case 'noPlan':
      return noPlanCard();
    case 'alreadyThere':
      return errorCard('This plan is already the plan of that channel.', 'Already shared');
    case 'targetHasPlan':
      return errorCard(
        `${escapeMarkdown(choice.label)} already has a deployment plan of its own, so nothing was shared. Work on that one there, or pick another channel.`,
        'Channel has a plan',
      );
    case 'shared': {
      const count = await deps.postPlan(target, planId, {
        kind: 'channel',
        serviceUrl: choice.team.serviceUrl,
        channelId,
        fallbackConversationId: channelId,
      });
      return confirmCard({
        title: 'Plan shared',
        message: `Posting ${count} cards as a thread in ${escapeMarkdown(choice.label)}. This chat and the channel now share one plan: a change in either updates both.`,
      });
    }
  }
}
