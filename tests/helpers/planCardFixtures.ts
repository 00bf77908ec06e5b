/** The plans the card tests render: every status reached by someone, for each tool, and the decision shown with them. */
import type { DecisionSummary } from '../../src/domain/decision';
import {
  applyAction,
  createPlan,
  type Actor,
  type Plan,
  type PlanAction,
  type PlanSelection,
} from '../../src/domain/plan';

export const ANA: Actor = { id: 'aad-ana', name: 'Ana' };
export const AT = '2025-11-26T10:42:00.000Z';
export const TOOLS = [
  ['cloudSync', { tool: 'cloudSync', deviceSyncPreview: true }],
  ['connect', { tool: 'connect', connectInstall: 'custom' }],
  ['both', { tool: 'both', deviceSyncPreview: true, connectInstall: 'express' }],
] as const;

export const decision = (tool: DecisionSummary['tool']): DecisionSummary => ({
  tool,
  headline: 'One forest, under 150,000 objects, password hash sync: Cloud Sync fits.',
  reasons: ['Single forest', 'No hybrid join needed', 'Wants several agents for high availability'],
  overridden: false,
  decidedBy: ANA,
  decidedAt: AT,
});

export function act(plan: Plan, taskId: string, action: PlanAction, actor: Actor = ANA, at = AT): Plan {
  const result = applyAction(plan, { taskId, action, actor, at });
  if (result.kind !== 'changed') throw new Error(`${action} on ${taskId}: ${result.kind}`);
  return result.plan;
}

/** A plan where the open tasks walk through every status, so each card state is rendered. */
export function planWithEveryStatus(selection: PlanSelection): Plan {
  let plan = createPlan({ id: 'plan-1', selection, createdBy: ANA, at: AT });
  const open = plan.tasks.filter((t) => t.status === 'todo').map((t) => t.id);
  const script: Array<[PlanAction, Actor]> = [
    ['done', ANA],
    ['start', { id: 'b', name: 'Ben' }],
    ['skip', { id: 'c', name: 'Chloé' }],
  ];
  open
    .slice(0, script.length)
    .forEach((taskId, i) => (plan = act(plan, taskId, script[i][0], script[i][1], `2025-11-26T1${i}:0${i}:00.000Z`)));
  if (open[3]) plan = act(act(plan, open[3], 'done'), open[3], 'reopen', { id: 'd', name: 'Dan' });
  return plan;
}

const CHECKED_AT = '2025-11-26T11:00:00.000Z';

/** A new plan Ana created at AT, never checked against the tenant. */
export const freshPlan = (selection: PlanSelection): Plan =>
  createPlan({ id: 'plan-1', selection, createdBy: ANA, at: AT });

/** The plan after a healthy tenant check of both tracks. */
export const checkedPlan = (plan: Plan): Plan => ({
  ...plan,
  lastCheck: {
    checkedAt: CHECKED_AT,
    byTrack: {
      cloudSync: { checkedAt: CHECKED_AT, verdict: 'healthy', facts: ['Directory sync: On'] },
      connect: { checkedAt: CHECKED_AT, verdict: 'healthy', facts: ['Directory sync: On'] },
    },
  },
});

/** Names that would become Markdown, template expressions or HTML if a card did not escape them. */
export const EVIL_NAMES = [
  '**Boss** [click](https://evil.example)',
  '${$root.planId} @{x}',
  '<script>alert(1)</script>',
];
