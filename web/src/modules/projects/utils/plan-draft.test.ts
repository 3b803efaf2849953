import { describe, expect, it } from 'vitest';
import { appendMilestone, newUuid, removeMilestone, toPlanBody } from './plan-draft';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('editing a plan', () => {
  it('gives new milestones UUIDs and links them to the previous one', () => {
    expect(newUuid()).toMatch(UUID);
    const draft = appendMilestone(appendMilestone([], '立项'), '开工');
    expect(draft[0]?.predecessorIds).toEqual([]);
    expect(draft[1]?.predecessorIds).toEqual([draft[0]?.id]);
  });

  it('drops links to removed milestones, and trims names, when saving', () => {
    let draft = appendMilestone(appendMilestone(appendMilestone([], ' 立项 '), '供地'), '开工');
    const [first, second, third] = draft;
    draft = removeMilestone(draft, second?.id ?? '');
    expect(draft.map((m) => m.name)).toEqual([' 立项 ', '开工']);
    const body = toPlanBody([...draft.slice(0, 1), { ...(third as (typeof draft)[number]), predecessorIds: [first?.id ?? '', 'gone'] }], 4);
    expect(body.version).toBe(4);
    expect(body.milestones[0]?.name).toBe('立项');
    expect(body.milestones[1]?.predecessorIds).toEqual([first?.id]);
  });
});
