/**
 * Tenant checks as cards: the status card (`check`, "Check now", the watch's warnings), and the lines a verify
 * task card shows about the last check and about the evidence it was marked done with. Words only; the judgement
 * is the domain's (tenantHealth.ts).
 */
import type { InstallTrack } from '../domain/catalog';
import { formatUtcDateTime } from '../domain/digest';
import type { CheckEvidence, HealthItem, ItemStatus, TenantHealth, Verdict } from '../domain/tenantHealth';
import { TENANT_VERBS } from '../domain/tenantVerbs';
import { renderCard, type AdaptiveCardJson } from './render';

/** The tasks whose completion Graph can observe, and the sync tool each is judged by. */
export const OBSERVABLE_TASKS: Readonly<Record<string, InstallTrack>> = {
  'cloudSync.verify': 'cloudSync',
  'connect.verify': 'connect',
  'restoreSync.verify': 'connect',
  'connectUpgrade.verify': 'connect',
};

const ITEM_LOOK: Readonly<Record<ItemStatus, { icon: string; color: string }>> = {
  ok: { icon: '✅', color: 'Good' },
  info: { icon: 'ℹ️', color: 'Default' },
  stale: { icon: '🔴', color: 'Attention' },
  failing: { icon: '🔴', color: 'Attention' },
  unknown: { icon: '❔', color: 'Warning' },
};

const VERDICT_LOOK: Readonly<Record<Verdict, { text: string; color: string }>> = {
  healthy: { text: '✅ Sync looks healthy', color: 'Good' },
  stale: { text: '🔴 Sync looks stopped or behind', color: 'Attention' },
  failing: { text: '🔴 Sync is failing', color: 'Attention' },
  unknown: { text: '❔ Some facts could not be read', color: 'Warning' },
};

export interface TenantCardInput {
  readonly health: TenantHealth;
  readonly title: string;
  /** Shown under the verdict: why this card was posted (a watch warning, a recovery). */
  readonly intro?: string;
  /** Only these items (a watch warning lists the new incidents); all by default. */
  readonly only?: readonly string[];
  /** With a plan, the card offers "Check again". */
  readonly planId?: string;
  /** The answer came from the last minute's check rather than a new one. */
  readonly cached?: boolean;
  readonly simulated?: boolean;
}

export function tenantCheckCard(input: TenantCardInput): AdaptiveCardJson {
  const { health } = input;
  const items = input.only ? health.items.filter((item) => input.only!.includes(item.key)) : health.items;
  const verdict = VERDICT_LOOK[health.verdict];
  return renderCard('tenantCheck', {
    label: input.simulated ? 'TENANT CHECK · SIMULATED TENANT' : 'TENANT CHECK',
    title: inlineText(input.title),
    verdictText: verdict.text,
    verdictColor: verdict.color,
    intro: input.intro ?? '',
    items: items.map(itemView),
    footer: `Read from Microsoft Graph at ${formatUtcDateTime(health.checkedAt)}${input.cached ? " (the last minute's check; checks run at most once a minute)" : ''}. Read-only: nothing in your tenant was changed.`,
    hasPlan: input.planId !== undefined,
    planId: input.planId ?? '',
    checkVerb: TENANT_VERBS.check,
  });
}

function itemView(item: HealthItem) {
  const look = ITEM_LOOK[item.status];
  return {
    icon: look.icon,
    label: inlineText(item.label),
    value: inlineText(item.value),
    color: look.color,
    step: item.nextStep ? `Next step: ${inlineText(item.nextStep)}` : '',
    link: item.learnUrl ? `📘 [Microsoft Learn](${item.learnUrl})` : '',
  };
}

/**
 * Item text mixes our sentences with names from the tenant (configuration names, quarantine reasons). Escaping the
 * characters that make emphasis, code and links (and a leading list marker) keeps tenant text from shaping the card,
 * while dots, dashes and brackets stay readable.
 */
export function inlineText(text: string): string {
  return text.replace(/[\\`*_[\]~]/g, (c) => `\\${c}`).replace(/^(\s*)([-+#]|\d+\.)/, '$1\\$2');
}

/** A card for a check that could not run at all (off, another tenant, no token): what happened and what to do. */
export function tenantUnavailableCard(title: string, message: string): AdaptiveCardJson {
  return renderCard('tenantCheck', {
    label: 'TENANT CHECK',
    title,
    verdictText: '❔ Nothing was read',
    verdictColor: 'Warning',
    intro: message,
    items: [],
    footer: 'Tenant checks only read; they never change anything in your tenant.',
    hasPlan: false,
    planId: '',
    checkVerb: TENANT_VERBS.check,
  });
}

/**
 * No token for Graph: the check could not start. The usual causes are the ones a person can fix: an expired or
 * wrong client secret, or a managed identity not assigned to the app. `reason` is the credential error's name only.
 */
export function tokenFailedCard(reason: string): AdaptiveCardJson {
  return tenantUnavailableCard(
    'Could not sign in to Microsoft Graph',
    `The bot could not get a token for Microsoft Graph (${inlineText(reason)}). Check that the app registration's client secret (MicrosoftAppPassword) has not expired, or that the managed identity is assigned to the app, then try again.`,
  );
}

/** "Last tenant check (26 Nov 2026, 10:42 UTC): sync looks healthy · Directory sync: On · …" */
export function lastCheckLine(evidence: CheckEvidence): { text: string; color: string } {
  const verdict = VERDICT_LOOK[evidence.verdict];
  const facts = evidence.facts.slice(0, 4).map(inlineText).join(' · ');
  return {
    text: `Last tenant check (${formatUtcDateTime(evidence.checkedAt)}): ${verdict.text.replace(/^\S+\s/, '').toLowerCase()}${facts ? ` · ${facts}` : ''}`,
    color: verdict.color,
  };
}

/** On a task marked done with evidence: what the check showed, so the card keeps the proof. */
export function evidenceLine(evidence: CheckEvidence): string {
  return `Evidence: tenant check of ${formatUtcDateTime(evidence.checkedAt)}, ${evidence.verdict} · ${evidence.facts.slice(0, 4).map(inlineText).join(' · ')}`;
}
