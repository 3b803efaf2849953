import type { MessageKey } from '../../../i18n';
import type { Project } from '../api/projects-api';
import type { ApprovalItem, FundingLineList, Plan } from '../api/tracks-api';
import { formatWan } from '../../../../../common/domain/money';

/** The seven management tracks (七大管理体系), in the order officials name them. */
export const SEVEN_TRACKS = ['planning', 'financing', 'approval', 'attraction', 'construction', 'service', 'assessment'] as const;
export type SevenTrack = (typeof SEVEN_TRACKS)[number];

/** How a track stands: done, under way, in trouble, not started, or not built into Lantu yet (a later module). */
export type GlanceTone = 'success' | 'processing' | 'error' | 'default' | 'pending';
export type TrackGlance = { track: SevenTrack; tone: GlanceTone; text: MessageKey; params?: Record<string, string | number> };

/** What the glance reads: the project and its tracks as loaded (undefined while loading). */
export type GlanceInput = {
  project: Pick<Project, 'feasibilityStatus'>;
  approvals: ApprovalItem[] | undefined;
  funding: FundingLineList | undefined;
  plan: Plan | undefined;
  /**
   * The leads the project came from (the attraction track), for a reader who sees leads: how many and the furthest
   * stage's label; left out for one who does not (the track then reads as pending).
   */
  leads?: { count: number; stageLabel: string | null } | 'loading';
};

function planning({ feasibilityStatus }: GlanceInput['project']): Omit<TrackGlance, 'track'> {
  if (!feasibilityStatus) return { tone: 'default', text: 'glance.planning.none' };
  const tone = feasibilityStatus === 'approved' ? 'success' : feasibilityStatus === 'not_started' ? 'default' : 'processing';
  return { tone, text: `feasibilityStatus.${feasibilityStatus}` };
}

function financing(funding: FundingLineList): Omit<TrackGlance, 'track'> {
  if (funding.items.length === 0) return { tone: 'default', text: 'glance.financing.none' };
  const { plannedYuan, receivedYuan } = funding.totals;
  const tone = plannedYuan > 0 && receivedYuan >= plannedYuan ? 'success' : 'processing';
  return { tone, text: 'glance.financing.received', params: { received: formatWan(receivedYuan), planned: formatWan(plannedYuan) } };
}

function approval(items: ApprovalItem[]): Omit<TrackGlance, 'track'> {
  if (items.length === 0) return { tone: 'default', text: 'glance.approval.none' };
  const settled = items.filter((i) => i.status === 'done' || i.status === 'not_required').length;
  return {
    tone: settled === items.length ? 'success' : 'processing',
    text: 'approval.progress',
    params: { done: settled, total: items.length },
  };
}

function construction(plan: Plan): Omit<TrackGlance, 'track'> {
  const { milestones } = plan;
  if (milestones.length === 0) return { tone: 'default', text: 'glance.construction.none' };
  const done = milestones.filter((m) => m.actualFinish).length;
  const overdue = milestones.filter((m) => m.overdue).length;
  if (overdue > 0) return { tone: 'error', text: 'glance.construction.overdue', params: { done, total: milestones.length, overdue } };
  const tone = done === milestones.length ? 'success' : 'processing';
  return { tone, text: 'glance.construction.progress', params: { done, total: milestones.length } };
}

const loading: Omit<TrackGlance, 'track'> = { tone: 'default', text: 'glance.loading' };

/**
 * One line per management track, for the project page's overview: what stands where, from the data Lantu holds.
 * Attraction, service and assessment say plainly that their modules are not live yet rather than showing a blank.
 */
export function trackGlance(input: GlanceInput): TrackGlance[] {
  const of = (track: SevenTrack): Omit<TrackGlance, 'track'> => {
    switch (track) {
      case 'planning':
        return planning(input.project);
      case 'financing':
        return input.funding ? financing(input.funding) : loading;
      case 'approval':
        return input.approvals ? approval(input.approvals) : loading;
      case 'construction':
        return input.plan ? construction(input.plan) : loading;
      case 'attraction':
        if (input.leads === 'loading') return loading;
        if (input.leads) {
          return input.leads.count === 0
            ? { tone: 'default', text: 'glance.attraction.none' }
            : {
                tone: 'success',
                text: 'glance.attraction.leads',
                params: { count: input.leads.count, stage: input.leads.stageLabel ?? '' },
              };
        }
        return { tone: 'pending', text: 'glance.pending' };
      case 'service':
      case 'assessment':
        return { tone: 'pending', text: 'glance.pending' };
    }
  };
  return SEVEN_TRACKS.map((track) => ({ track, ...of(track) }));
}
