/**
 * "report" / "export" and the file consent answer in Teams: the turn's plan and conversation handed to the report
 * family in actions/reportActions.ts, and what it returns wrapped into activities.
 *
 * The consent invoke is answered at once and everything after it — the upload, the file card or the reason
 * there is none — happens in the background and goes out through the sender. Teams gives up on an invoke
 * after about five seconds and may send it again; an upload plus a paced, retried send can take far longer.
 */
import type { Activity } from 'botbuilder';
import { MessageFactory } from 'botbuilder';
import type { BackgroundWork } from '../actions/backgroundWork';
import type { Delivery } from '../actions/delivery';
import { answerConsent, reportOf, type ReportActionDeps } from '../actions/reportActions';
import type { CardTarget } from '../messaging/ports';
import type { PlanLocation } from '../store/planStore';
import type { ActivityPort } from '../messaging/connectorPort';
import { planLocation, type TurnReply } from './turn';
import type { Feature } from './routing';
import type { Logger } from '../logger';

export interface ReportFeatureDeps extends Omit<ReportActionDeps, 'shutdown'> {
  readonly reply: TurnReply;
  readonly logger: Pick<Logger, 'info' | 'warn'>;
  /** What happens after a file consent is answered: tracked work, and messages sent through the sender. */
  readonly followUp: {
    readonly background: Pick<BackgroundWork, 'track'>;
    readonly delivery: Pick<Delivery, 'send'>;
    readonly port: ActivityPort;
    /** Aborted on shutdown: an upload in progress stops instead of holding the process. */
    readonly shutdown?: AbortSignal;
  };
}

export function createReportFeature(deps: ReportFeatureDeps): Feature {
  const actionDeps: ReportActionDeps = { ...deps, shutdown: deps.followUp.shutdown };

  return {
    commands: {
      report: async (context) => {
        const personal = context.activity.conversation?.conversationType === 'personal';
        const report = await reportOf(actionDeps, planLocation(context), personal);
        await deps.reply(context, report.card);
        if (report.fileOffer) await deps.reply(context, MessageFactory.attachment(report.fileOffer));
      },
    },

    fileConsent: async (context, response) => {
      // Everything the background work needs from the turn, taken now: the turn ends with this handler.
      const location = planLocation(context);
      const target: CardTarget = {
        conversationId: context.activity.conversation?.id ?? '',
        serviceUrl: context.activity.serviceUrl,
      };
      deps.followUp.background.track(async () => {
        const outcome = await answerConsent(actionDeps, location, response);
        if (outcome.kind === 'file') return send(location, target, MessageFactory.attachment(outcome.card));
        if (outcome.kind === 'problem') deps.logger.warn(outcome.problem.log, outcome.problem.logMessage);
        await send(location, target, MessageFactory.text(outcome.text));
      });
    },
  };

  async function send(location: PlanLocation, target: CardTarget, activity: Partial<Activity>): Promise<void> {
    const sent = await deps.followUp.delivery.send({
      conversationId: target.conversationId,
      tenantId: location.tenantId,
      run: (signal) => deps.followUp.port.post(target, activity, signal),
    });
    if (!sent.ok) deps.logger.warn({ reason: sent.reason }, 'could not send the report file message');
  }
}
