/**
 * The coordination verb family, whole: who owns a task and when it is due. The task card's buttons "Assign to me",
 * "Unassign", "Assign someone" (a people picker), "Set due date", "Clear due date" and the "in the past?" question
 * (their strings in COORDINATION_VERBS, with the cards that carry them), and their typed twins `assign 3 to me`,
 * `assign 3 to @name`, `unassign 3`, `due 3 2026-12-15`, `due 3 clear`: the parsing of their data, who may be
 * named as an owner, and the card that answers. The change itself is editActions.ts `applyTaskEdit` (one
 * conditional write). Dates are checked by the domain, on the server, every time.
 *
 * What only Teams can tell (is this person a member here, who is in the picker, where the plan lives) comes in
 * through `CoordinationTurn` as plain data and small ports; who is meant is read from the picker's value or the
 * message's mention entities, never from a name in the text.
 */
import type { TaskId } from '../domain/catalog';
import { COORDINATION_VERBS, DUE_INPUT, OWNER_INPUT } from '../domain/coordinationVerbs';
import type { Command } from '../domain/commands';
import { taskByNumber, taskNumber, type Actor } from '../domain/plan';
import type { PlanEdit } from '../domain/planEdits';
import type { MemberLookup } from '../domain/planRoles';
import { noPlanCard, noSuchTaskCard, type CardNotice } from '../cards/planNotices';
import { taskCard, type OwnerChoice } from '../cards/taskCard';
import { errorCard } from '../cards/errorCard';
import { escapeMarkdown, type AdaptiveCardJson } from '../cards/render';
import type { Logger } from '../logger';
import type { MyTasksIndex } from '../store/myTasksIndex';
import type { PlanLocation, PlanRecord, PlanStore } from '../store/planStore';
import { applyTaskEdit, missingInputNotice, type EditActionDeps, type PlanPlace } from './editActions';
import type { Outgoing } from './outgoing';
import { parseActionData } from './taskActions';
import { unappliedCard } from './unappliedCards';

export interface CoordinationDeps {
  readonly planStore: PlanStore;
  readonly myTasks: MyTasksIndex;
  /** Refreshes the other copies of a changed card (returns at once). */
  readonly outgoing: Pick<Outgoing, 'changed'>;
  readonly clock: () => Date;
  readonly logger: Pick<Logger, 'warn'>;
  /** GRAPH_CHECKS is on: task cards answered here offer "Check now" where Graph can observe the task. */
  readonly tenantChecks?: boolean;
}

/** What a coordination change needs of its Teams turn. */
export interface CoordinationTurn {
  readonly location: PlanLocation;
  readonly actor: Actor;
  /** Teams' conversation type: 'personal', 'groupChat' or 'channel' (absent is treated as personal). */
  readonly conversationType: string | undefined;
  /** Every id the person acting goes by in this turn (Entra and Teams): naming one of them means "me". */
  readonly selfIds: readonly string[];
  /** The bot's own id here, which can never own a task. */
  readonly botId: string | undefined;
  /** The mention entities of a typed command, untrusted (`mentioned` of each entity of type "mention"). */
  readonly mentioned: readonly unknown[];
  /** Asks Teams whether someone is a member of this conversation. */
  readonly lookupMember: (userId: string) => Promise<MemberLookup>;
  /** The people the owner picker offers before anyone types. */
  readonly someMembers: () => Promise<OwnerChoice[]>;
  /** Where the plan stored for `location` really lives, for the owners' "my tasks" index. */
  readonly placeOf: (location: PlanLocation) => Promise<PlanPlace>;
}

export type CoordinationVerbHandler = (turn: CoordinationTurn, data: unknown) => Promise<AdaptiveCardJson>;

/** The typed commands of the family, as domain/commands.ts parses them. */
export type CoordinationCommand = Extract<Command, { name: 'assign' | 'unassign' | 'due' }>;

/** Who a change names as the new owner, before Teams has confirmed them. */
export type OwnerRequest =
  { readonly kind: 'me' } | { readonly kind: 'someone'; readonly userId: string; readonly shownName?: string };

/** The longest user id, picked or mentioned, that is read at all. */
const MAX_USER_ID = 200;
/** Typed or picked dates are cut here before the domain checks them. */
const MAX_DUE_TEXT = 100;
const PERSONAL_ONLY_SELF =
  'In a personal chat only you can own tasks: say "assign N to me" or press Assign to me. To give a task to someone else, share the plan to a team channel ("share") and assign it there.';

/** A task of this conversation's plan that a button named, with the button's ids. */
interface Found {
  readonly record: PlanRecord;
  readonly planId: string;
  readonly taskId: TaskId;
  readonly revision?: number;
}

type Data = Readonly<Record<string, unknown>>;

/** The picked owner (the picker's value): a user id of sane length, or undefined when none arrived. */
export function parseOwnerInput(data: unknown): string | undefined {
  return idOf(fieldOf(data, OWNER_INPUT));
}

/** The typed or picked due date, bounded; '' when none arrived. `field` is the editor's input or the question's `due`. */
export function parseDueInput(data: unknown, field: typeof DUE_INPUT | 'due' = DUE_INPUT): string {
  const due = fieldOf(data, field);
  return typeof due === 'string' ? due.slice(0, MAX_DUE_TEXT) : '';
}

/**
 * The one person a typed command @mentions besides the bot, from the mention entities (never from the text), or a
 * refusal that says how to name someone.
 */
export function mentionedOwner(turn: CoordinationTurn, taskNumber: number): OwnerRequest | { refusal: string } {
  const mentions = turn.mentioned
    .map((mentioned) => mentioned as { id?: unknown; name?: unknown } | null | undefined)
    .filter(
      (mentioned): mentioned is { id: string; name?: unknown } =>
        typeof mentioned?.id === 'string' &&
        mentioned.id.length > 0 &&
        mentioned.id.length <= MAX_USER_ID &&
        mentioned.id !== turn.botId,
    );
  const unique = [...new Map(mentions.map((m) => [m.id, m])).values()];
  const n = taskNumber;
  if (isPersonal(turn)) return { refusal: PERSONAL_ONLY_SELF.replace('"assign N to me"', `"assign ${n} to me"`) };
  if (unique.length === 0) {
    return {
      refusal: `To give task ${n} to someone, @mention them: "@Sync Guide assign ${n} to @name" (pick the name from the list Teams offers). Or say "assign ${n} to me".`,
    };
  }
  if (unique.length > 1)
    return {
      refusal: `That mentions ${unique.length} people; a task has one owner. Mention one person: "@Sync Guide assign ${n} to @name".`,
    };
  const name = typeof unique[0].name === 'string' ? unique[0].name : undefined;
  return { kind: 'someone', userId: unique[0].id, ...(name ? { shownName: name } : {}) };
}

/** Every verb of the coordination family with its handler. */
export function coordinationVerbHandlers(deps: CoordinationDeps): Readonly<Record<string, CoordinationVerbHandler>> {
  const card = (found: Found, notice?: CardNotice, editor?: { kind: 'due' }) =>
    taskCard(found.record.plan, found.taskId, notice, {
      now: deps.clock(),
      tenantChecks: deps.tenantChecks,
      ...(editor ? { editor } : {}),
    });
  const onTask =
    (
      handle: (turn: CoordinationTurn, found: Found, data: Data) => Promise<AdaptiveCardJson>,
    ): CoordinationVerbHandler =>
    async (turn, data) => {
      const found = await taskFromData(deps, turn.location, data);
      return 'card' in found ? found.card : handle(turn, found, asData(data));
    };

  return {
    [COORDINATION_VERBS.assignMe]: onTask((turn, t) =>
      assign(deps, turn, t, { kind: 'me' }, async (notice) => card(t, notice)),
    ),
    [COORDINATION_VERBS.unassign]: onTask((turn, t) => edit(deps, turn, t, { kind: 'unassign', taskId: t.taskId })),
    [COORDINATION_VERBS.ownerEditor]: onTask(async (turn, t) =>
      isPersonal(turn) ? card(t, { text: PERSONAL_ONLY_SELF, tone: 'info' }) : ownerEditorCard(deps, turn, t),
    ),
    [COORDINATION_VERBS.assign]: onTask(async (turn, t, data) => {
      const userId = parseOwnerInput(data);
      if (!userId)
        return isPersonal(turn)
          ? card(t, { text: PERSONAL_ONLY_SELF, tone: 'info' })
          : ownerEditorCard(deps, turn, t, missingInputNotice('owner', taskNumber(t.record.plan, t.taskId)));
      return assign(deps, turn, t, { kind: 'someone', userId }, async (notice) =>
        isPersonal(turn) ? card(t, notice) : ownerEditorCard(deps, turn, t, notice),
      );
    }),
    [COORDINATION_VERBS.dueEditor]: onTask(async (_turn, t) => card(t, undefined, { kind: 'due' })),
    [COORDINATION_VERBS.setDue]: onTask(async (turn, t, data) => {
      const due = parseDueInput(data);
      if (due.trim() === '')
        return card(t, missingInputNotice('due', taskNumber(t.record.plan, t.taskId)), { kind: 'due' });
      return edit(deps, turn, t, { kind: 'setDue', taskId: t.taskId, due });
    }),
    // The button of the "in the past?" question: the date travels in its data and is checked again here.
    [COORDINATION_VERBS.confirmPastDue]: onTask((turn, t, data) =>
      edit(deps, turn, t, { kind: 'setDue', taskId: t.taskId, due: parseDueInput(data, 'due'), allowPast: true }),
    ),
    [COORDINATION_VERBS.clearDue]: onTask((turn, t) => edit(deps, turn, t, { kind: 'clearDue', taskId: t.taskId })),
  };
}

/** `assign 3 to me|@name`, `unassign 3`, `due 3 …`: the task by its number on this conversation's plan. */
export async function runCoordinationCommand(
  deps: CoordinationDeps,
  turn: CoordinationTurn,
  command: CoordinationCommand,
): Promise<AdaptiveCardJson> {
  const record = await deps.planStore.load(turn.location);
  if (!record) return noPlanCard();
  const task = taskByNumber(record.plan, command.taskNumber);
  if (!task) return noSuchTaskCard(record.plan, command.taskNumber);
  const request = { planId: record.plan.id, taskId: task.id };
  switch (command.name) {
    case 'assign': {
      const refused = (notice: CardNotice) => refusalCard(deps, turn.location, request.taskId, notice);
      const who = command.to === 'me' ? ({ kind: 'me' } as const) : mentionedOwner(turn, command.taskNumber);
      if ('refusal' in who) return refused({ text: who.refusal, tone: 'warning' });
      return assign(deps, turn, request, who, refused);
    }
    case 'unassign':
      return edit(deps, turn, request, { kind: 'unassign', taskId: request.taskId });
    case 'due':
      return edit(
        deps,
        turn,
        request,
        command.date === null
          ? { kind: 'clearDue', taskId: request.taskId }
          : { kind: 'setDue', taskId: request.taskId, due: command.date },
      );
  }
}

/** Loads the plan and the task a button names, or the card that says why not. */
async function taskFromData(
  deps: CoordinationDeps,
  location: PlanLocation,
  data: unknown,
): Promise<Found | { card: AdaptiveCardJson }> {
  const parsed = parseActionData(data);
  if (!parsed.ok) return { card: errorCard(parsed.message) };
  const record = await deps.planStore.load(location);
  if (!record) return { card: unappliedCard('noPlan') };
  if (record.plan.id !== parsed.value.planId) return { card: unappliedCard('otherPlan') };
  if (!record.plan.tasks.some((task) => task.id === parsed.value.taskId)) return { card: unappliedCard('unknownTask') };
  return { record, ...parsed.value };
}

function edit(
  deps: CoordinationDeps,
  turn: CoordinationTurn,
  request: { planId: string; taskId: TaskId; revision?: number },
  change: PlanEdit,
): Promise<AdaptiveCardJson> {
  const editDeps: EditActionDeps = { ...deps, placeOf: turn.placeOf };
  return applyTaskEdit(editDeps, turn.location, turn.actor, {
    planId: request.planId,
    taskId: request.taskId,
    ...(request.revision !== undefined ? { revision: request.revision } : {}),
    edit: change,
  });
}

async function assign(
  deps: CoordinationDeps,
  turn: CoordinationTurn,
  request: { planId: string; taskId: TaskId; revision?: number },
  who: OwnerRequest,
  shownIn: (notice: CardNotice) => Promise<AdaptiveCardJson>,
): Promise<AdaptiveCardJson> {
  const resolved = await resolveOwner(turn, who);
  if ('refusal' in resolved) return shownIn({ text: resolved.refusal, tone: 'warning' });
  return edit(deps, turn, request, { kind: 'assign', taskId: request.taskId, owner: resolved.owner });
}

/**
 * The owner to record: the person acting, or someone Teams confirms as a member of this conversation.
 * A refusal is a notice for the task card; nothing has changed when one comes back.
 */
async function resolveOwner(
  turn: CoordinationTurn,
  request: OwnerRequest,
): Promise<{ owner: Actor } | { refusal: string }> {
  if (request.kind === 'me' || turn.selfIds.includes(request.userId)) return { owner: turn.actor };
  if (isPersonal(turn)) return { refusal: PERSONAL_ONLY_SELF };
  if (request.userId === turn.botId)
    return { refusal: 'I keep the plan, but I cannot own its tasks: pick a person. Nothing changed.' };
  const shown = escapeMarkdown((request.shownName ?? 'That person').slice(0, 80));
  const lookup = await turn.lookupMember(request.userId);
  switch (lookup.kind) {
    case 'member':
      return { owner: lookup.member };
    case 'notMember':
      return {
        refusal: `${shown} is not a member of this ${placeWord(turn)}, so they cannot own its tasks. Nothing changed.`,
      };
    case 'unknown':
      return {
        refusal: `I could not check with Teams whether ${shown} is a member of this ${placeWord(turn)}. Nothing changed; please try again in a moment.`,
      };
  }
}

async function ownerEditorCard(
  deps: CoordinationDeps,
  turn: CoordinationTurn,
  t: Found,
  notice?: CardNotice,
): Promise<AdaptiveCardJson> {
  const number = taskNumber(t.record.plan, t.taskId) ?? 'N';
  return taskCard(t.record.plan, t.taskId, notice, {
    now: deps.clock(),
    tenantChecks: deps.tenantChecks,
    editor: {
      kind: 'owner',
      choices: await turn.someMembers(),
      typedHint: `Or type: @Sync Guide assign ${number} to @name`,
    },
  });
}

/** A typed command's refusal, shown on the task as it stands now. */
async function refusalCard(
  deps: CoordinationDeps,
  location: PlanLocation,
  taskId: TaskId,
  notice: CardNotice,
): Promise<AdaptiveCardJson> {
  const record = await deps.planStore.load(location);
  return record
    ? taskCard(record.plan, taskId, notice, { now: deps.clock(), tenantChecks: deps.tenantChecks })
    : noPlanCard();
}

function isPersonal(turn: CoordinationTurn): boolean {
  return turn.conversationType === 'personal' || turn.conversationType === undefined;
}

function placeWord(turn: CoordinationTurn): string {
  return turn.conversationType === 'channel' ? 'team' : 'chat';
}

function fieldOf(data: unknown, field: string): unknown {
  return typeof data === 'object' && data !== null ? (data as Data)[field] : undefined;
}

function asData(data: unknown): Data {
  return typeof data === 'object' && data !== null ? (data as Data) : {};
}

function idOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim().length > 0 && value.length <= MAX_USER_ID ? value.trim() : undefined;
}
