import { Bar, BarChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { useChartColors } from './states';
import type { ApplicationAdoption } from '@amue/plugin-cloud-common';

/**
 * One application's adoption as a single stacked bar (live, in progress,
 * not started, out of all establishments), named by `summary` for screen
 * readers. Its figures are shown in words beside it by the caller.
 */
export function AdoptionBar(props: {
  adoption: ApplicationAdoption;
  summary: string;
  labels: { live: string; inProgress: string; notStarted: string };
}) {
  const { adoption, summary, labels } = props;
  const colors = useChartColors();
  const height = 40;
  const bar = {
    stackId: 'adoption',
    isAnimationActive: false,
    stroke: colors.separator,
    barSize: 28,
  };
  return (
    <div role="img" aria-label={summary} style={{ width: '100%', height }}>
      <ResponsiveContainer
        width="100%"
        height={height}
        initialDimension={{ width: 400, height }}
      >
        <BarChart
          data={[adoption]}
          layout="vertical"
          accessibilityLayer={false}
          margin={{ top: 4, right: 0, bottom: 4, left: 0 }}
        >
          <XAxis type="number" hide domain={[0, Math.max(adoption.total, 1)]} />
          <YAxis type="category" dataKey="title" hide />
          <Bar
            {...bar}
            dataKey="live"
            name={labels.live}
            fill={colors.states.live}
          />
          <Bar
            {...bar}
            dataKey="inProgress"
            name={labels.inProgress}
            fill={colors.states.in_progress}
          />
          <Bar
            {...bar}
            dataKey="notStarted"
            name={labels.notStarted}
            fill={colors.states.not_started}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
