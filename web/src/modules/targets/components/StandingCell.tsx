import { Progress, Typography } from 'antd';
import type { Indicator } from '../api/targets-api';

/** A figure's standing against time: its progress bar (when it has a completion rate) and the sentence saying it. */
export type Standing = { progress: Indicator['progress']; standing: string };

export const STATUS_COLOUR = { ahead: 'success', on_pace: 'success', behind: 'exception', no_plan: 'normal' } as const;

/** The standing of one figure in a comparison's cell: the bar, then the words (red when behind time). */
export function StandingCell({ standing }: { standing: Standing }) {
  return (
    <>
      {standing.progress && standing.progress.completionRate !== null && (
        <Progress
          percent={Math.round(standing.progress.completionRate * 1000) / 10}
          size="small"
          status={STATUS_COLOUR[standing.progress.status]}
          style={{ marginBottom: 0 }}
        />
      )}
      <Typography.Text type={standing.progress?.status === 'behind' ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
        {standing.standing}
      </Typography.Text>
    </>
  );
}
