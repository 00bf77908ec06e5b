/**
 * "report" / "export": the plan as a summary card with a signed CSV download link, and in personal chat
 * also as a file through Teams' file consent flow (the user accepts, Teams hands the bot an upload URL in
 * OneDrive, the bot PUTs the bytes there and posts a file card). The report itself comes from the domain
 * (planReport, planCsv); this file translates it into Teams.
 *
 * The consent invoke is answered at once and everything after it — the upload, the file card or the reason
 * there is none — happens in the background and goes out through the sender. Teams gives up on an invoke
 * after about five seconds and may send it again; an upload plus a paced, retried send can take far longer.
 */
import type { Activity, Attachment, FileConsentCardResponse } from 'botbuilder';
import { MessageFactory } from 'botbuilder';
import type { BackgroundWork } from '../actions/backgroundWork';
import type { CardTarget } from '../messaging/ports';
import type { Delivery } from '../actions/delivery';
import { noPlanCard } from '../cards/planNotices';
import { reportCard } from '../cards/reportCard';
import { planCsv, planReport } from '../domain/report';
import { checkUploadUrl, putFile } from '../reports/fileUpload';
import { reportFileName, reportPath } from '../reports/reportDownload';
import type { ReportLinks } from '../reports/reportLinks';
import type { PlanLocation, PlanStore } from '../store/planStore';
import type { ActivityPort } from '../messaging/connectorPort';
import { planLocation, type TurnReply } from './turn';
import type { Feature } from './routing';
import type { Logger } from '../logger';

export const FILE_CONSENT_CARD = 'application/vnd.microsoft.teams.card.file.consent';
export const FILE_INFO_CARD = 'application/vnd.microsoft.teams.card.file.info';

export interface ReportFeatureDeps {
  readonly planStore: PlanStore;
  readonly links: ReportLinks;
  /** Where download links point; undefined when the bot has no public address configured. */
  readonly baseUrl: () => string | undefined;
  readonly clock: () => Date;
  readonly reply: TurnReply;
  /** In local mode a plain-http loopback upload URL is accepted (tests, local stand-ins); otherwise only SharePoint Online (fileUpload.ts). */
  readonly localMode: boolean;
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

const UPLOAD_TIMEOUT_MS = 30_000;

interface UploadProblem {
  readonly say: string;
  readonly log: object;
  readonly logMessage: string;
}

const offerProblem = (say: string, reason: string): UploadProblem => ({
  say,
  log: { reason },
  logMessage: 'report file offer refused',
});

const refusedTarget = (log: { reason: string; host?: string }): UploadProblem => ({
  say: 'The upload address Teams sent is not a OneDrive or SharePoint address I upload to, so I did not send the file. The "Download CSV" button on the report still works.',
  log,
  logMessage: 'report upload URL refused',
});

export function createReportFeature(deps: ReportFeatureDeps): Feature {
  const { planStore, links } = deps;

  return {
    commands: {
      report: async (context) => {
        const location = planLocation(context);
        const record = await planStore.load(location);
        const owner = record ? await planStore.owner(location) : undefined;
        if (!record || !owner) return deps.reply(context, noPlanCard());
        const now = deps.clock();
        const base = deps.baseUrl();
        const signed = links.sign(owner, record.plan.id);
        const link = base ? { url: `${base}${reportPath(signed.token)}`, expiresAt: signed.expiresAt } : undefined;
        await deps.reply(
          context,
          reportCard({ report: planReport(record.plan, record.decision, now), generatedAt: now, link }),
        );
        if (context.activity.conversation?.conversationType === 'personal') {
          const csv = Buffer.byteLength(`\uFEFF${planCsv(record.plan)}`, 'utf8');
          await deps.reply(context, MessageFactory.attachment(consentCard(reportFileName(now), csv, signed.token)));
        }
      },
    },

    fileConsent: async (context, response) => {
      // Everything the background work needs from the turn, taken now: the turn ends with this handler.
      const location = planLocation(context);
      const target: CardTarget = {
        conversationId: context.activity.conversation?.id ?? '',
        serviceUrl: context.activity.serviceUrl,
      };
      const token = typeof response?.context?.token === 'string' ? response.context.token : '';
      const accepted = response?.action === 'accept';
      deps.followUp.background.track(async () => {
        if (!accepted)
          return send(
            location,
            target,
            MessageFactory.text(
              'No file sent. The "Download CSV" button on the report still works until the link expires.',
            ),
          );
        const outcome = await upload(location, response, token);
        if ('card' in outcome) return send(location, target, MessageFactory.attachment(outcome.card));
        deps.logger.warn(outcome.log, outcome.logMessage);
        await send(location, target, MessageFactory.text(`${outcome.say} Say "report" for a fresh report and link.`));
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

  /** The file card once the file is uploaded, or what went wrong, in words for the person and as a log line. */
  async function upload(
    location: PlanLocation,
    response: FileConsentCardResponse,
    token: string,
  ): Promise<{ card: Attachment } | UploadProblem> {
    // The consent card's context comes back from the client: checked like any other untrusted input.
    const verified = links.verify(token);
    if (!verified.ok)
      return verified.reason === 'expired'
        ? offerProblem('That file offer has expired.', 'expired')
        : offerProblem('That file offer is not one I made.', 'not ours');
    const owner = await planStore.owner(location);
    const sameLocation =
      owner &&
      owner.tenantId === verified.claims.location.tenantId &&
      owner.conversationId === verified.claims.location.conversationId;
    const record = sameLocation ? await planStore.load(owner) : undefined;
    if (!record || record.plan.id !== verified.claims.planId)
      return offerProblem(
        'That file offer belongs to a plan that is not the current plan of this chat.',
        "not this chat's plan",
      );
    const info = response.uploadInfo;
    const target = checkUploadUrl(info?.uploadUrl, { localMode: deps.localMode });
    // The host and the reason only: the URL itself carries the upload session's token.
    if (!info || !target.ok)
      return refusedTarget(
        target.ok
          ? { reason: 'no upload info' }
          : { reason: target.reason, ...(target.host !== undefined ? { host: target.host } : {}) },
      );
    const body = Buffer.from(`\uFEFF${planCsv(record.plan)}`, 'utf8');
    try {
      const timeout = AbortSignal.timeout(UPLOAD_TIMEOUT_MS);
      const signal = deps.followUp.shutdown ? AbortSignal.any([timeout, deps.followUp.shutdown]) : timeout;
      const status = await putFile(target.url, body, { localMode: deps.localMode, signal });
      if (status < 200 || status > 299)
        return {
          say: `Uploading the file failed (HTTP ${status}).`,
          log: { status },
          logMessage: 'report upload failed',
        };
    } catch (error) {
      if ((error as { code?: unknown }).code === 'EADDRNOTALLOWED')
        return refusedTarget({ reason: 'resolves to a private address', host: target.url.hostname.slice(0, 100) });
      return { say: 'Uploading the file failed.', log: { err: error }, logMessage: 'report upload failed' };
    }
    return {
      card: {
        contentType: FILE_INFO_CARD,
        contentUrl: info.contentUrl,
        name: info.name,
        content: { uniqueId: info.uniqueId, fileType: info.fileType },
      },
    };
  }
}

function consentCard(name: string, sizeInBytes: number, token: string): Attachment {
  return {
    contentType: FILE_CONSENT_CARD,
    name,
    content: {
      description: 'The deployment plan as a CSV file (opens in Excel).',
      sizeInBytes,
      acceptContext: { token },
      declineContext: { token },
    },
  };
}
