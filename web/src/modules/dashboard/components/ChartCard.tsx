import { Card } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import type { CSSProperties } from 'react';
import { EChart, type EChartClick } from '../../../ui/EChart';

/** A titled chart; clicking an item drills into its list. The chart's toolbox saves it as an image. */
export function ChartCard({
  title,
  option,
  onClick,
  height = 280,
  dark,
  style,
  testId,
}: {
  title: string;
  option: EChartsCoreOption;
  onClick?: (item: EChartClick) => void;
  height?: number | string;
  dark?: boolean;
  style?: CSSProperties;
  testId: string;
}) {
  // A CSS height (the big screen) fills the card's box: the card a column, the chart the rest of it below the title.
  const fills = typeof height === 'string';
  return (
    <Card
      size="small"
      title={title}
      style={{ height: '100%', ...(fills ? { display: 'flex', flexDirection: 'column' } : {}), ...style }}
      styles={{
        body: { padding: 8, ...(fills ? { flex: 1, minHeight: 0 } : {}) },
        header: dark ? { color: '#e6f4ff', fontSize: 20, borderColor: '#1d3b5e' } : undefined,
      }}
      className={dark ? 'big-screen-card' : undefined}
    >
      <EChart
        option={option}
        onClick={onClick}
        theme={dark ? 'dark' : undefined}
        style={{ height: fills ? '100%' : height }}
        data-testid={testId}
      />
    </Card>
  );
}
