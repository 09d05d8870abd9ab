import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { useMemo } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { cloudTranslationRef } from '../../translation';
import { chartHeight, useChartProps } from './chartProps';
import { CsvExportButton } from './CsvExportButton';
import { DataTable } from './DataTable';
import { ChartFigure, ReportSection } from './ReportSection';
import type { DurationsReport, StepDurations } from '@amue/plugin-cloud-common';
import { useAdoptionLabels } from './useAdoptionLabels';

/**
 * How long the steps take: per step, the median and the 90th percentile of
 * the days from its start to its completion, over the steps done.
 */
export function DurationsSection(props: { report: DurationsReport }) {
  const { report } = props;
  const { t } = useTranslationRef(cloudTranslationRef);
  const labels = useAdoptionLabels();
  const { colors, chart, categoryAxis, valueAxis, grid, tooltip, legend, bar } =
    useChartProps();
  const title = t('adoption.durations.title');

  const data = useMemo(
    () => report.steps.map(s => ({ ...s, label: labels.step(s.step) })),
    [report.steps, labels],
  );
  const summary = t('adoption.durations.summary', {
    details: data
      .map(s =>
        s.count === 0
          ? t('adoption.durations.summaryNone', { step: s.label })
          : t('adoption.durations.summaryItem', {
              step: s.label,
              median: labels.days(s.medianDays),
              p90: labels.days(s.p90Days),
              measured: labels.integer(s.count),
            }),
      )
      .join(' ; '),
  });

  return (
    <ReportSection
      title={title}
      description={t('adoption.durations.description')}
      actions={<CsvExportButton report="durations" view={title} />}
    >
      <ChartFigure
        summary={summary}
        height={chartHeight(data.length, 44)}
        chart={
          <BarChart data={data} {...chart}>
            <CartesianGrid {...grid} />
            <XAxis {...valueAxis} allowDecimals />
            <YAxis {...categoryAxis} dataKey="label" />
            <Tooltip {...tooltip} />
            <Legend {...legend} />
            <Bar
              {...bar}
              dataKey="medianDays"
              name={t('adoption.durations.median')}
              fill={colors.primary}
            />
            <Bar
              {...bar}
              dataKey="p90Days"
              name={t('adoption.durations.p90')}
              fill={colors.states.not_started}
            />
          </BarChart>
        }
        table={
          <DataTable<StepDurations & { label: string }>
            caption={title}
            rows={data}
            rowKey={s => s.step}
            columns={[
              {
                id: 'step',
                header: t('adoption.durations.step'),
                rowHeader: true,
                cell: s => s.label,
              },
              {
                id: 'side',
                header: t('adoption.funnel.side'),
                cell: s => labels.side(s.side),
              },
              {
                id: 'count',
                header: t('adoption.durations.count'),
                numeric: true,
                cell: s => labels.integer(s.count),
              },
              {
                id: 'median',
                header: t('adoption.durations.median'),
                numeric: true,
                cell: s => labels.days(s.medianDays),
              },
              {
                id: 'p90',
                header: t('adoption.durations.p90'),
                numeric: true,
                cell: s => labels.days(s.p90Days),
              },
            ]}
          />
        }
      />
    </ReportSection>
  );
}
