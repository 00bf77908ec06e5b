import { helpCard } from '../cards/helpCards';
import type { Feature } from './routing';
import type { TurnReply } from './turn';

/** Help for `help`. Text that is no exact command goes to the understanding feature, which ends here when nothing fits. */
export function createWelcomeFeature(reply: TurnReply): Feature {
  return {
    commands: {
      help: async (context) => {
        await reply(context, helpCard(context.activity.conversation?.conversationType));
      },
    },
  };
}
