/**
 * Microsoft Learn (and admin center) addresses the bot cites. One place, so a moved page is fixed once.
 * Source of every address: the Learn page itself
 * (read on learn.microsoft.com / the MicrosoftDocs repositories; the date in a comment is the page's ms.date).
 * Every constant here is cited somewhere: tests fail on one nobody uses.
 */
const HYBRID = 'https://learn.microsoft.com/entra/identity/hybrid';

export const LEARN = {
  commonScenarios: `${HYBRID}/common-scenarios`,
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
  /** States that Cloud Sync agents are upgraded by Microsoft and that an OU move from Cloud Sync to Connect scope recreates the user (2023-06-21). */
  cloudSyncFaq: `${HYBRID}/cloud-sync/reference-cloud-sync-faq`,
  /**
   * Provisioning to AD FAQ (2026-06-09): Cloud Sync provisions cloud *security* groups to AD; Microsoft 365 groups
   * keep being written back by Connect Sync's group writeback. More specific and newer than the decision guide
   * (2025-02-17), whose table still marks "group writeback V1" for both tools, so this page wins.
   */
  cloudSyncProvisionToAdFaq: `${HYBRID}/cloud-sync/reference-provision-to-active-directory-faq`,
  /** Agent releases; 1.1.1370.0 (2023-10-16) added group provisioning to AD, 1.1.1107.0 Exchange hybrid writeback. */
  cloudSyncAgentVersions: `${HYBRID}/cloud-sync/reference-version-history`,
  cloudSyncAutoUpgrade: `${HYBRID}/cloud-sync/how-to-automatic-upgrade`,
  /** The guided "Transition to Cloud Sync" tool and its limits (2026-09-16): one forest, ≤ 2,000 in-scope objects, ≤ 30 OUs per domain. */
  cloudSyncMigrationTool: `${HYBRID}/cloud-sync/migrate-connect-sync-cloud-sync-tool`,
  /** The pilot: cloudNoFlow rules take an OU out of Connect's exports without deleting it in Entra ID (2024-12-17). */
  cloudSyncPilotMigration: `${HYBRID}/cloud-sync/tutorial-pilot-aadc-aadccp`,
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
  connectSecurityUpdates: `${HYBRID}/connect/security-updates-pks`,
  /** Release list and the 2.x retirement policy: each build retires 12 months after a newer one supersedes it. */
  connectVersionHistory: `${HYBRID}/connect/reference-connect-version-history`,
  /** In-place upgrade vs swing migration (2024-12-26); the retirement policy section is on the version history page. */
  connectUpgrade: `${HYBRID}/connect/how-to-upgrade-previous-version`,
  connectSwingMigration: `${HYBRID}/connect/how-to-upgrade-previous-version#swing-migration`,
  /** Staging mode and switching servers: Connect's only form of high availability. */
  connectStagingServer: `${HYBRID}/connect/how-to-connect-sync-staging-server`,
  connectImportExportConfig: `${HYBRID}/connect/how-to-connect-import-export-config`,
  /**
   * Domain Services needs the legacy NTLM and Kerberos hashes of synced users; Learn documents syncing them with
   * Connect Sync only (2025-02-19). The Cloud Sync overview no longer has the comparison table that said so.
   */
  domainServicesPasswordHashSync:
    'https://learn.microsoft.com/entra/identity/domain-services/tutorial-configure-password-hash-sync',
  /** Extended support ends 2027-01-12. */
  windowsServer2016Lifecycle: 'https://learn.microsoft.com/lifecycle/products/windows-server-2016',
  /** Password hash sync: changed passwords every 2 minutes, interval fixed. */
  connectPhs: `${HYBRID}/connect/how-to-connect-password-hash-synchronization`,
  /** Source of authority: switching a synced group or user to be managed in the cloud. */
  sourceOfAuthority: `${HYBRID}/concept-source-of-authority-overview`,
  /** Connect Sync signing in to Entra ID as an application (certificate) instead of the Sync_ account's password. */
  connectApplicationAuth: `${HYBRID}/connect/authenticate-application-id`,
  /** Connect V2: SQL Server 2019 LocalDB, MSAL, TLS 1.2 only, Windows Server 2016 or later; V1 retired 2022-08-31. */
  connectV2: `${HYBRID}/connect/whatis-azure-ad-connect-v2`,
  /** The Azure AD to Microsoft Entra renaming (announced 2023-07-11), and DirSync and Azure AD Sync no longer working. */
  entraNewName: 'https://learn.microsoft.com/entra/fundamentals/new-name',
  /** Entra's change log: the 2026-06-01 block on hard-matching AD users to cloud-only users holding an Entra role. */
  entraWhatsNew: 'https://learn.microsoft.com/entra/fundamentals/whats-new',
  /** The hybrid identity documentation's landing page: where to look when the guide has no answer. */
  hybridIdentityHub: `${HYBRID}/`,
  /** The Connect installer is only offered here now; the old Download Center page no longer serves it. */
  connectDownloadAdminCenter:
    'https://entra.microsoft.com/#view/Microsoft_AAD_Connect_Provisioning/AADConnectMenuBlade/~/GetStarted',
} as const;
