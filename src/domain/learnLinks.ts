/**
 * Microsoft Learn (and admin center) addresses the bot cites. One place, so a moved page is fixed once.
 * Source of every address: ../shared/reference/entra-facts.md §0 and §3.
 */
const HYBRID = 'https://learn.microsoft.com/entra/identity/hybrid';

export const LEARN = {
  commonScenarios: `${HYBRID}/common-scenarios`,
  getStarted: `${HYBRID}/get-started`,
  cloudSyncOverview: `${HYBRID}/cloud-sync/what-is-cloud-sync`,
  cloudSyncDecisionGuide: `${HYBRID}/cloud-sync/connect-to-cloud-sync-decision-guide`,
  cloudSyncPrerequisites: `${HYBRID}/cloud-sync/how-to-prerequisites`,
  cloudSyncInstall: `${HYBRID}/cloud-sync/how-to-install`,
  cloudSyncConfigure: `${HYBRID}/cloud-sync/how-to-configure`,
  cloudSyncDeviceSync: `${HYBRID}/cloud-sync/device-sync`,
  cloudSyncOnDemand: `${HYBRID}/cloud-sync/how-to-on-demand-provision`,
  cloudSyncAccidentalDeletes: `${HYBRID}/cloud-sync/how-to-accidental-deletes`,
  cloudSyncTopologies: `${HYBRID}/cloud-sync/plan-cloud-sync-topologies`,
  cloudSyncVerify: `${HYBRID}/cloud-sync/tutorial-single-forest#verify-users-are-created-and-synchronization-is-occurring`,
  cloudSyncSso: `${HYBRID}/cloud-sync/how-to-sso`,
  cloudSyncExchangeHybrid: `${HYBRID}/cloud-sync/exchange-hybrid`,
  cloudSyncMigrationFaq: `${HYBRID}/cloud-sync/cloud-sync-migration-faq`,
  provisioningLogs: 'https://learn.microsoft.com/entra/identity/monitoring-health/howto-analyze-provisioning-logs',
  connectPrerequisites: `${HYBRID}/connect/how-to-connect-install-prerequisites`,
  connectSelectInstall: `${HYBRID}/connect/how-to-connect-install-select-installation`,
  connectExpress: `${HYBRID}/connect/how-to-connect-install-express`,
  connectCustom: `${HYBRID}/connect/how-to-connect-install-custom`,
  connectPostInstall: `${HYBRID}/connect/how-to-connect-post-installation`,
  connectVerifyScheduledTask: `${HYBRID}/connect/how-to-connect-post-installation#verify-the-scheduled-synchronization-task`,
  connectScheduler: `${HYBRID}/connect/how-to-connect-sync-feature-scheduler`,
  connectOperations: `${HYBRID}/connect/how-to-connect-sync-service-manager-ui-operations`,
  connectAccidentalDeletes: `${HYBRID}/connect/how-to-connect-sync-feature-prevent-accidental-deletes`,
  connectAccounts: `${HYBRID}/connect/reference-connect-accounts-permissions`,
  connectPorts: `${HYBRID}/connect/reference-connect-ports`,
  connectAutoUpgrade: `${HYBRID}/connect/how-to-connect-install-automatic-upgrade`,
  connectPhs: `${HYBRID}/connect/how-to-connect-password-hash-synchronization`,
  connectSecurityUpdates: `${HYBRID}/connect/security-updates-pks`,
  connectVersionHistory: `${HYBRID}/connect/reference-connect-version-history`,
  /** The Connect installer is only offered here now (facts §3 N4, §4 item 3); never the old Download Center page. */
  connectDownloadAdminCenter:
    'https://entra.microsoft.com/#view/Microsoft_AAD_Connect_Provisioning/AADConnectMenuBlade/~/GetStarted',
} as const;

