import { Badge, Card, Flex, Tabs } from 'antd';
import { useAddressSearch } from '../../../lib/use-address-search';
import { type MessageKey, useI18n } from '../../../i18n';
import type { Project } from '../api/projects-api';
import { useCan } from '../../auth/hooks/use-me';
import { ProjectLeads } from '../../leads/components/ProjectLeads';
import { useLeads } from '../../leads/hooks/use-leads';
import { useProjectAbilities } from '../hooks/use-project-abilities';
import { useApprovalItems, useFundingLines, usePlan } from '../hooks/use-tracks';
import { SEVEN_TRACKS, trackGlance } from '../utils/track-glance';
import { TrackGlance } from './TrackGlance';
import { AnnualPlanTrack } from './tracks/AnnualPlanTrack';
import { ApprovalTrack } from './tracks/ApprovalTrack';
import { ConstructionTrack } from './tracks/ConstructionTrack';
import { FundingTrack } from './tracks/FundingTrack';
import { PendingTrack } from './tracks/PendingTrack';
import { PlanningTrack } from './tracks/PlanningTrack';

const TRACKS = [...SEVEN_TRACKS, 'annual-plan'] as const;
type Track = (typeof TRACKS)[number];
const LABELS: Record<Track, MessageKey> = {
  planning: 'track.planning',
  financing: 'track.financing',
  approval: 'track.approval',
  attraction: 'track.attraction',
  construction: 'track.construction',
  service: 'track.service',
  assessment: 'track.assessment',
  'annual-plan': 'track.annualPlan',
};
const isTrack = (value: string | null): value is Track => (TRACKS as readonly string[]).includes(value ?? '');

/**
 * The seven management tracks (七大管理体系) of the project: one line each at a glance, then each in its tab (with the
 * annual plan); the tab is in the address.
 */
export function ProjectTracks({ project }: { project: Project }) {
  const { t } = useI18n();
  const can = useProjectAbilities(project);
  const allowed = useCan();
  const [search, setSearch] = useAddressSearch();
  const requested = search.get('track');
  const active: Track = isTrack(requested) ? requested : 'planning';
  const approvals = useApprovalItems(project.id);
  const funding = useFundingLines(project.id);
  const plan = usePlan(project.id);
  const readsLeads = allowed('lead.read');
  const leads = useLeads({ projectId: project.id, pageSize: 20 }, readsLeads);
  const firstLead = leads.data?.items[0];
  const glance = trackGlance({
    project,
    approvals: approvals.data?.items,
    funding: funding.data,
    plan: plan.data,
    leads: !readsLeads
      ? undefined
      : leads.data
        ? { count: leads.data.total, stageLabel: firstLead ? t(`leadStage.${firstLead.stage}`) : null }
        : 'loading',
  });
  const approvalItems = approvals.data?.items ?? [];
  const settled = approvalItems.filter((i) => i.status === 'done' || i.status === 'not_required').length;

  const body = (track: Track) => {
    switch (track) {
      case 'planning':
        return <PlanningTrack project={project} />;
      case 'financing':
        return <FundingTrack projectId={project.id} />;
      case 'approval':
        return <ApprovalTrack projectId={project.id} />;
      case 'attraction':
        // The lead(s) the project came from, for those who read leads.
        return readsLeads ? (
          <ProjectLeads projectId={project.id} />
        ) : (
          <PendingTrack text="track.attractionEmpty" testId="attraction-empty" />
        );
      case 'construction':
        return <ConstructionTrack project={project} editable={can('plan')} />;
      case 'service':
        return <PendingTrack text="track.serviceEmpty" testId="service-empty" />;
      case 'assessment':
        return <PendingTrack text="track.assessmentEmpty" testId="assessment-empty" />;
      case 'annual-plan':
        return <AnnualPlanTrack projectId={project.id} />;
    }
  };

  const label = (track: Track) => {
    const text = t(LABELS[track]);
    const testId = track === 'annual-plan' ? 'track-annual-plan' : `track-${track}`;
    if (track === 'approval' && approvalItems.length > 0) {
      const allDone = settled === approvalItems.length;
      return (
        <span data-testid={testId}>
          {text}{' '}
          <Badge
            count={`${settled}/${approvalItems.length}`}
            color={allDone ? '#52c41a' : '#faad14'}
            title={t('approval.progress', { done: settled, total: approvalItems.length })}
          />
        </span>
      );
    }
    return <span data-testid={testId}>{text}</span>;
  };

  const open = (track: string) => {
    const next = new URLSearchParams(search);
    next.set('track', track);
    setSearch(next, { replace: true });
  };

  return (
    <Flex vertical gap={12}>
      <TrackGlance glance={glance} labels={LABELS} onOpen={open} />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={active}
          onChange={open}
          items={TRACKS.map((track) => ({ key: track, label: label(track), children: body(track) }))}
          destroyOnHidden
        />
      </Card>
    </Flex>
  );
}
