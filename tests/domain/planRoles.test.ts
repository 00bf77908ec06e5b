import type { Actor, Plan } from '../../src/domain/plan';
import { applyPlanEdit } from '../../src/domain/planEdits';
import { mayManagePlan, planManagers, type Standing } from '../../src/domain/planRoles';
import { alice, bob, carol, changedPlan, newPlan, T0 } from '../helpers/planFixtures';

const assignOwner = (plan: Plan, taskId: string, owner: Actor): Plan =>
  changedPlan(applyPlanEdit(plan, { kind: 'assign', taskId, owner }, alice, T0));

const team = (role: 'owner' | 'member' | 'guest'): Standing => ({ kind: 'shared', role, inTeam: true });
const groupChat = (role: 'owner' | 'member' | 'guest'): Standing => ({ kind: 'shared', role, inTeam: false });
const personal: Standing = { kind: 'personal' };

describe('who may discard, replace or restore a plan', () => {
  // Alice created the plan; Bob owns a task; Carol has nothing to do with it.
  const plan = assignOwner(newPlan(), 'cloudSync.installAgent', bob);

  it.each([
    ['anyone in personal chat (the plan is theirs)', carol.id, personal, { allowed: true, as: 'personal' }],
    ['the creator, in a team', alice.id, team('member'), { allowed: true, as: 'creator' }],
    ['the creator, in a group chat', alice.id, groupChat('member'), { allowed: true, as: 'creator' }],
    ['a task owner', bob.id, team('member'), { allowed: true, as: 'taskOwner' }],
    ['a team owner with no part in the plan', carol.id, team('owner'), { allowed: true, as: 'teamOwner' }],
    ['a member with no part in the plan', carol.id, team('member'), { allowed: false, reason: 'notResponsible' }],
    [
      'an "owner" of a group chat, where only creators and task owners count',
      carol.id,
      groupChat('owner'),
      { allowed: false, reason: 'notResponsible' },
    ],
    ['a guest', carol.id, team('guest'), { allowed: false, reason: 'guest' }],
    ['a guest who created the plan', alice.id, team('guest'), { allowed: false, reason: 'guest' }],
    ['a guest who owns a task', bob.id, groupChat('guest'), { allowed: false, reason: 'guest' }],
  ])('%s', (_label, actorId, standing, expected) => {
    expect(mayManagePlan(plan, actorId, standing)).toEqual(expected);
  });

  it('names the creator and each task owner once, in task order', () => {
    const twice = assignOwner(
      assignOwner(assignOwner(plan, 'cloudSync.configure', carol), 'cloudSync.verify', bob),
      'cloudSync.prerequisites',
      alice,
    );
    expect(planManagers(twice)).toEqual({ creator: alice, taskOwners: [bob, carol] });
  });
});
