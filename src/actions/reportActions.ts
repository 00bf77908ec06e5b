/**
 * The report family, whole: typed "report" / "export" (the plan as a summary card with a signed CSV download link,
 * and in personal chat a file offer through Teams' file consent flow), and the answer to that offer (the token
 * checked, the upload URL checked, the CSV PUT to OneDrive, and the file card or the reason there is none). The
 * report itself comes from the domain (planReport, planCsv).
 *
 * The bot wraps what this returns into Teams activities and sends the consent answer's outcome in the background:
 * Teams gives up on an invoke after about five seconds, and an upload can take far longer.
 */
import { noPlanCard } from '../cards/planNotices';
import type { AdaptiveCardJson } from '../cards/render';
import { reportCard } from '../cards/reportCard';
import { planCsv, planReport } from '../domain/report';
import { checkUploadUrl, putFile } from '../reports/fileUpload';
import { reportFileName, reportPath } from '../reports/reportDownload';
import type { ReportLinks } from '../reports/reportLinks';
import type { PlanLocation, PlanStore } from '../store/planStore';

export const FILE_CONSENT_CARD = 'application/vnd.microsoft.teams.card.file.consent';
export const FILE_INFO_CARD = 'application/vnd.microsoft.teams.card.file.info';

const UPLOAD_TIMEOUT_MS = 30_000;

export interface ReportActionDeps {
  readonly planStore: PlanStore;
  readonly links: ReportLinks;
  /** Where download links point; undefined when the bot has no public address configured. */
  readonly baseUrl: () => string | undefined;
  readonly clock: () => Date;
  /** In local mode a plain-http loopback upload URL is accepted (tests, local stand-ins); otherwise only SharePoint Online (fileUpload.ts). */
  readonly localMode: boolean;
  /** Aborted on shutdown: an upload in progress stops instead of holding the process. */
  readonly shutdown?: AbortSignal;
}

/** A Teams attachment as this family builds it (the file consent card and the file info card). */
export interface FileAttachment {
  readonly contentType: string;
  readonly name?: string;
  readonly contentUrl?: string;
  readonly content: object;
}

/** What Teams sends back for a file consent card; every field is untrusted. */
export interface ConsentAnswer {
  readonly action?: string;
  readonly context?: unknown;
  readonly uploadInfo?: {
    readonly uploadUrl?: string;
    readonly contentUrl?: string;
    readonly name?: string;
    readonly uniqueId?: string;
    readonly fileType?: string;
  };
}

/** Why no file card: words for the person, and a log line that never holds the upload URL (it carries a token). */
export interface UploadProblem {
  readonly say: string;
  readonly log: object;
  readonly logMessage: string;
}

/** What a consent answer comes to: the file card, a plain message, or a problem to log and explain. */
export type ConsentOutcome =
  | { readonly kind: 'file'; readonly card: FileAttachment }
  | { readonly kind: 'declined'; readonly text: string }
  | { readonly kind: 'problem'; readonly problem: UploadProblem; readonly text: string };

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

/** "report": the report card, and in personal chat the file offer to send after it. */
export async function reportOf(
  deps: ReportActionDeps,
  location: PlanLocation,
  personal: boolean,
): Promise<{ readonly card: AdaptiveCardJson; readonly fileOffer?: FileAttachment }> {
  const record = await deps.planStore.load(location);
  const owner = record ? await deps.planStore.owner(location) : undefined;
  if (!record || !owner) return { card: noPlanCard() };
  const now = deps.clock();
  const base = deps.baseUrl();
  const signed = deps.links.sign(owner, record.plan.id);
  const link = base ? { url: `${base}${reportPath(signed.token)}`, expiresAt: signed.expiresAt } : undefined;
  const card = reportCard({ report: planReport(record.plan, record.decision, now), generatedAt: now, link });
  if (!personal) return { card };
  const size = Buffer.byteLength(`\uFEFF${planCsv(record.plan)}`, 'utf8');
  return { card, fileOffer: consentCard(reportFileName(now), size, signed.token) };
}

/** The answer to the file offer: declined, or the upload and its file card, or why there is none. */
export async function answerConsent(
  deps: ReportActionDeps,
  location: PlanLocation,
  answer: ConsentAnswer | undefined,
): Promise<ConsentOutcome> {
  if (answer?.action !== 'accept')
    return {
      kind: 'declined',
      text: 'No file sent. The "Download CSV" button on the report still works until the link expires.',
    };
  const token = consentToken(answer);
  const outcome = await upload(deps, location, answer, token);
  if ('card' in outcome) return { kind: 'file', card: outcome.card };
  return { kind: 'problem', problem: outcome, text: `${outcome.say} Say "report" for a fresh report and link.` };
}

function consentToken(answer: ConsentAnswer): string {
  const context = answer.context as { token?: unknown } | undefined;
  return typeof context?.token === 'string' ? context.token : '';
}

/** The file card once the file is uploaded, or what went wrong, in words for the person and as a log line. */
async function upload(
  deps: ReportActionDeps,
  location: PlanLocation,
  answer: ConsentAnswer,
  token: string,
): Promise<{ card: FileAttachment } | UploadProblem> {
  // The consent card's context comes back from the client: checked like any other untrusted input.
  const verified = deps.links.verify(token);
  if (!verified.ok)
    return verified.reason === 'expired'
      ? offerProblem('That file offer has expired.', 'expired')
      : offerProblem('That file offer is not one I made.', 'not ours');
  const owner = await deps.planStore.owner(location);
  const sameLocation =
    owner &&
    owner.tenantId === verified.claims.location.tenantId &&
    owner.conversationId === verified.claims.location.conversationId;
  const record = sameLocation ? await deps.planStore.load(owner) : undefined;
  if (!record || record.plan.id !== verified.claims.planId)
    return offerProblem(
      'That file offer belongs to a plan that is not the current plan of this chat.',
      "not this chat's plan",
    );
  const info = answer.uploadInfo;
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
    const signal = deps.shutdown ? AbortSignal.any([timeout, deps.shutdown]) : timeout;
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

function consentCard(name: string, sizeInBytes: number, token: string): FileAttachment {
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
