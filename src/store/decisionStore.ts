/**
 * Tool decisions in storage, not in memory or BotState: a recommendation stays acceptable after a
 * restart or on another instance, and "why" can show it days later. Two documents per conversation:
 * each person's latest recommendation (pending until accepted), and the accepted decision the plan
 * of the conversation was built from. Changes go through DocumentStore.update (eTag read-modify-write),
 * so a double-clicked Accept is recorded once.
 */
import type { Storage } from 'botbuilder';
import type { AnswerRecord } from '../domain/decision';
import type { Recommendation } from '../domain/advisor';
import type { ConnectInstallType, MigrationMethod, PathTrack, SyncTool } from '../domain/advisorRules';
import type { CurrentSync } from '../domain/answers';
import type { Answers } from '../domain/answers';
import type { Actor } from '../domain/plan';
import { baseConversationId } from './conversationRegistry';
import { DocumentStore, type UpdateOutcome } from './documentStore';

/** What was finally chosen, by whom and when; `overridden` when it differs from the recommendation. */
export interface DecisionChoice {
  readonly tool: SyncTool;
  readonly connectInstall?: ConnectInstallType;
  readonly deviceSyncPreview: boolean;
  /** What already synced; absent for a first installation and in choices stored before paths existed. */
  readonly existing?: Exclude<CurrentSync, 'none'>;
  readonly paths?: readonly PathTrack[];
  readonly migrationMethod?: MigrationMethod;
  readonly overridden: boolean;
  readonly by: Actor;
  readonly at: string;
}

/** One completed questionnaire: the answers (who gave each, when), the engine's recommendation, and the choice. */
export interface DecisionRecord {
  readonly decisionId: string;
  readonly runId: string;
  /** The person who answered; the record is stored under their id. */
  readonly owner: Actor;
  readonly answers: Answers;
  readonly answered: readonly AnswerRecord[];
  /** As shown when it was made, so "why" repeats what people saw even if the rules change later. */
  readonly recommendation: Recommendation;
  readonly recommendedAt: string;
  readonly choice?: DecisionChoice;
}

export interface DecisionLocation {
  readonly tenantId: string;
  readonly conversationId: string;
}

export class DecisionStore {
  private readonly documents: DocumentStore<DecisionRecord>;

  constructor(storage: Storage) {
    this.documents = new DocumentStore<DecisionRecord>(storage, 'decisions');
  }

  async pending(location: DecisionLocation, ownerId: string): Promise<DecisionRecord | undefined> {
    return (await this.documents.read(ownerKey(location, ownerId)))?.value;
  }

  /** A new recommendation replaces the person's previous one in this conversation. */
  async savePending(location: DecisionLocation, record: DecisionRecord): Promise<void> {
    await this.documents.put(ownerKey(location, record.owner.id), record);
  }

  /** Records the choice once; a second click (or a stale card) leaves the first choice in place. */
  async choose(
    location: DecisionLocation,
    ownerId: string,
    decisionId: string,
    choice: DecisionChoice,
  ): Promise<UpdateOutcome<DecisionRecord, 'chosen' | 'alreadyChosen' | 'otherDecision'>> {
    return this.documents.update(ownerKey(location, ownerId), (current) => {
      if (current.decisionId !== decisionId) return { next: undefined, result: 'otherDecision' as const };
      if (current.choice) return { next: undefined, result: 'alreadyChosen' as const };
      return { next: { ...current, choice }, result: 'chosen' as const };
    });
  }

  /** The decision the conversation's plan was built from. */
  async accepted(location: DecisionLocation): Promise<DecisionRecord | undefined> {
    return (await this.documents.read(acceptedKey(location)))?.value;
  }

  async saveAccepted(location: DecisionLocation, record: DecisionRecord): Promise<void> {
    await this.documents.put(acceptedKey(location), record);
  }

  /** Start over: this person's pending recommendation goes. */
  async discardPending(location: DecisionLocation, ownerId: string): Promise<void> {
    await this.documents.remove(ownerKey(location, ownerId));
  }

  /** The conversation's accepted decision goes with its plan (the plan's kept copy keeps it for a restore). */
  async discardAccepted(location: DecisionLocation): Promise<void> {
    await this.documents.remove(acceptedKey(location));
  }
}

function conversationPart(location: DecisionLocation): string {
  return `${encodeURIComponent(location.tenantId)}/${encodeURIComponent(baseConversationId(location.conversationId))}`;
}

function ownerKey(location: DecisionLocation, ownerId: string): string {
  return `${conversationPart(location)}/by/${encodeURIComponent(ownerId)}`;
}

function acceptedKey(location: DecisionLocation): string {
  return `${conversationPart(location)}/accepted`;
}
