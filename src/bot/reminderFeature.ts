/**
 * "remind daily | weekly | off" in Teams. The family (its verbs, data, change and cards) is
 * src/actions/reminderActions.ts; this file only says which conversation, who and which address a turn is.
 */
import { askReminders, reminderVerbHandlers, type ReminderActionDeps } from '../actions/reminderActions';
import type { Feature } from './routing';
import { actorOf, planLocation, targetOf, type TurnReply } from './turn';
import { bindVerbs } from './verbBinding';

export interface ReminderFeatureDeps extends ReminderActionDeps {
  readonly reply: TurnReply;
}

export function createReminderFeature(deps: ReminderFeatureDeps): Feature {
  return {
    commands: {
      remind: async (context, command) =>
        deps.reply(context, await askReminders(deps, planLocation(context), command.cadence)),
    },
    verbs: bindVerbs(reminderVerbHandlers(deps), (context) => ({
      location: planLocation(context),
      actor: actorOf(context),
      target: targetOf(context),
    })),
  };
}
