import { useMemo } from 'react';
import { useChartColors } from './states';

/**
 * Props shared by the dashboard's charts: horizontal bars (long labels read
 * well on the vertical axis), no animation (charts appear at once, and
 * reduced motion is respected), the theme's colours for text and grid. The
 * keyboard and screen-reader layer of recharts is off: each chart is an
 * image named by its summary, with a table of its figures beside it.
 */
export function useChartProps() {
  const colors = useChartColors();
  return useMemo(
    () => ({
      colors,
      chart: {
        layout: 'vertical' as const,
        accessibilityLayer: false,
        margin: { top: 8, right: 24, bottom: 8, left: 8 },
      },
      categoryAxis: {
        type: 'category' as const,
        width: 180,
        tick: { fill: colors.text, fontSize: 13 },
        interval: 0 as const,
      },
      valueAxis: {
        type: 'number' as const,
        allowDecimals: false,
        tick: { fill: colors.text, fontSize: 12 },
        stroke: colors.grid,
      },
      grid: { horizontal: false, stroke: colors.grid },
      tooltip: {
        contentStyle: {
          backgroundColor: colors.separator,
          color: colors.text,
          borderColor: colors.grid,
        },
        itemStyle: { color: colors.text },
        cursor: { fill: colors.grid, fillOpacity: 0.3 },
      },
      // In the order of the series (live, in progress, not started).
      legend: {
        wrapperStyle: { color: colors.text, fontSize: 13 },
        itemSorter: null,
      },
      bar: { isAnimationActive: false, stroke: colors.separator },
    }),
    [colors],
  );
}

/** Height of a horizontal bar chart with `rows` categories. */
export function chartHeight(rows: number, perRow = 36): number {
  return Math.max(160, rows * perRow + 80);
}
