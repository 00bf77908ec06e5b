/**
 * Tenant checks in Teams: `check`, `watch` and the tenant check buttons, with the turn's plan, person and
 * conversation read from the activity and handed to the family in actions/tenantCheckActions.ts, which owns the
 * verbs, their data, the checks and the answers.
 */
import type { TurnContext } from 'botbuilder';
import { createTenantCheckActions, type TenantCheckActionDeps, type TenantTurn } from '../actions/tenantCheckActions';
import { cardResponse } from './invokeResponses';
import type { Feature, VerbHandler } from './routing';
import { actorOf, planLocation, type TurnReply } from './turn';

export interface TenantCheckFeatureDeps extends TenantCheckActionDeps {
  readonly reply: TurnReply;
}

export interface TenantCheckFeature extends Feature {
  /** Resolves when checks started by clicks have finished and their cards are out (tests, shutdown). */
  idle(): Promise<void>;
}

/** The turn as the family needs it, read now: the turn context is revoked once the turn ends. */
function turnOf(context: TurnContext): TenantTurn {
  const location = planLocation(context);
  return {
    location,
    actor: actorOf(context),
    target: {
      tenantId: location.tenantId,
      conversationId: context.activity.conversation?.id ?? '',
      serviceUrl: context.activity.serviceUrl,
    },
  };
}

export function createTenantCheckFeature(deps: TenantCheckFeatureDeps): TenantCheckFeature {
  const actions = createTenantCheckActions(deps);
  const verbs: Record<string, VerbHandler> = {};
  for (const [verb, handle] of Object.entries(actions.verbs))
    verbs[verb] = async (context, data) => cardResponse(await handle(turnOf(context), data));
  return {
    idle: () => actions.idle(),
    commands: {
      check: async (context) => deps.reply(context, await actions.check(turnOf(context))),
      watch: async (context, command) => deps.reply(context, await actions.watch(turnOf(context), command.setting)),
    },
    verbs,
  };
}
