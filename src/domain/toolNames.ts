/**
 * What the bot calls each sync tool and each plan track. Cards, reports and answers all take their names
 * from here, so the same thing is never called by two names and a product rename is a one-line change.
 */
import type { ConnectInstallType, SyncTool } from './advisorRules';
import type { Track } from './catalog';

/** Full product names, for headlines, plan titles and reports. */
export const TOOL_NAMES = {
  cloudSync: 'Microsoft Entra Cloud Sync',
  connect: 'Microsoft Entra Connect Sync',
  both: 'Microsoft Entra Cloud Sync and Microsoft Entra Connect Sync side by side',
} as const satisfies Record<SyncTool, string>;

/** Short names, where the product family is already plain: buttons, answer choices, card lines. */
export const SHORT_TOOL_NAMES = {
  cloudSync: 'Cloud Sync',
  connect: 'Connect Sync',
  both: 'Cloud Sync and Connect Sync',
} as const satisfies Record<SyncTool, string>;

/** How cards and reports name each track; an install track carries the short name of the tool it installs. */
export const TRACK_LABELS: Readonly<Record<Track, string>> = {
  restoreSync: 'Restore sync (urgent)',
  connectUpgrade: `Stay on ${SHORT_TOOL_NAMES.connect}`,
  migrateToCloudSync: `Move to ${SHORT_TOOL_NAMES.cloudSync}`,
  cloudSyncHealth: `${SHORT_TOOL_NAMES.cloudSync} health`,
  cloudSync: SHORT_TOOL_NAMES.cloudSync,
  connect: SHORT_TOOL_NAMES.connect,
};

/** A plan's title: its tool, and the Connect install type wherever Connect is installed (express unless chosen). */
export function toolTitle(plan: {
  readonly selection: { readonly tool: SyncTool; readonly connectInstall?: ConnectInstallType };
}): string {
  const install = plan.selection.connectInstall === 'custom' ? 'custom install' : 'express install';
  switch (plan.selection.tool) {
    case 'cloudSync':
      return TOOL_NAMES.cloudSync;
    case 'connect':
      return `${TOOL_NAMES.connect} (${install})`;
    case 'both':
      return `${SHORT_TOOL_NAMES.cloudSync} and ${SHORT_TOOL_NAMES.connect} (${install}) side by side`;
  }
}
