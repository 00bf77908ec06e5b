/**
 * "report" / "export": the plan as a summary card with a signed CSV download link, and in personal chat
 * also as a file through Teams' file consent flow (the user accepts, Teams hands the bot an upload URL in
 * OneDrive, the bot PUTs the bytes there and posts a file card). The report itself comes from the domain
 * (planReport, planCsv); this file translates it into Teams.
 */
import type { Attachment, FileConsentCardResponse, TurnContext } from 'botbuilder';
import { MessageFactory } from 'botbuilder';
import { noPlanCard } from '../cards/planCards';
import { reportCard } from '../cards/reportCard';
import { planCsv, planReport } from '../domain/report';
import { checkUploadUrl, putFile } from '../reports/fileUpload';
import { reportFileName, reportPath } from '../reports/reportDownload';
import type { ReportLinks } from '../reports/reportLinks';
import type { PlanStore } from '../store/planStore';
import { planLocation } from './planFeature';
import type { Feature } from './routing';
import type { TurnReply } from './turnReply';

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
  readonly logger: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };
}

const UPLOAD_TIMEOUT_MS = 30_000;

interface UploadProblem {
  readonly say: string;
  readonly log: object;
  readonly logMessage: string;
}

const offerProblem = (say: string): UploadProblem => ({ say, log: {}, logMessage: 'report file offer refused' });

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
        await deps.reply(context, reportCard({ report: planReport(record.plan, record.decision, now), generatedAt: now, link }));
        if (context.activity.conversation?.conversationType === 'personal') {
          const csv = Buffer.byteLength(`\uFEFF${planCsv(record.plan)}`, 'utf8');
          await deps.reply(context, MessageFactory.attachment(consentCard(reportFileName(now), csv, signed.token)));
        }
      },
    },

    fileConsent: async (context, response) => {
      const token = typeof response?.context?.token === 'string' ? response.context.token : '';
      if (response?.action !== 'accept') {
        await deps.reply(context, MessageFactory.text('No file sent. The "Download CSV" button on the report still works until the link expires.'));
        return;
      }
      const problem = await upload(context, response, token);
      if (problem) {
        deps.logger.warn(problem.log, problem.logMessage);
        await deps.reply(context, MessageFactory.text(`${problem.say} Say "report" for a fresh report and link.`));
      }
    },
  };

  /** What went wrong, in words for the person and as a log line; undefined when the file was uploaded and announced. */
  async function upload(context: TurnContext, response: FileConsentCardResponse, token: string): Promise<UploadProblem | undefined> {
    // The consent card's context comes back from the client: checked like any other untrusted input.
    const verified = links.verify(token);
    if (!verified.ok) return offerProblem(verified.reason === 'expired' ? 'That file offer has expired.' : 'That file offer is not one I made.');
    const owner = await planStore.owner(planLocation(context));
    const sameLocation = owner && owner.tenantId === verified.claims.location.tenantId && owner.conversationId === verified.claims.location.conversationId;
    const record = sameLocation ? await planStore.load(owner) : undefined;
    if (!record || record.plan.id !== verified.claims.planId) return offerProblem('That file offer belongs to a plan that is not the current plan of this chat.');
    const info = response.uploadInfo;
    const target = checkUploadUrl(info?.uploadUrl, { localMode: deps.localMode });
    // The host and the reason only: the URL itself carries the upload session's token.
    if (!info || !target.ok) return refusedTarget(target.ok ? { reason: 'no upload info' } : { reason: target.reason, ...(target.host !== undefined ? { host: target.host } : {}) });
    const body = Buffer.from(`\uFEFF${planCsv(record.plan)}`, 'utf8');
    try {
      const status = await putFile(target.url, body, { localMode: deps.localMode, signal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS) });
      if (status < 200 || status > 299) return { say: `Uploading the file failed (HTTP ${status}).`, log: { status }, logMessage: 'report upload failed' };
    } catch (error) {
      if ((error as { code?: unknown }).code === 'EADDRNOTALLOWED') return refusedTarget({ reason: 'resolves to a private address', host: target.url.hostname.slice(0, 100) });
      return { say: 'Uploading the file failed.', log: { err: error }, logMessage: 'report upload failed' };
    }
    const card: Attachment = { contentType: FILE_INFO_CARD, contentUrl: info.contentUrl, name: info.name, content: { uniqueId: info.uniqueId, fileType: info.fileType } };
    await deps.reply(context, MessageFactory.attachment(card));
    return undefined;
  }
}

function consentCard(name: string, sizeInBytes: number, token: string): Attachment {
  return {
    contentType: FILE_CONSENT_CARD,
    name,
    content: { description: 'The deployment plan as a CSV file (opens in Excel).', sizeInBytes, acceptContext: { token }, declineContext: { token } },
  };
}
