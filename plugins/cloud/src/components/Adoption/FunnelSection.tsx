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
import type { FunnelReport, FunnelStep } from '@amue/plugin-cloud-common';
import { useAdoptionLabels } from './useAdoptionLabels';

/**
 * The onboarding funnel: per step, in order, the tenants that reached it,
 * and those blocked on it.
 */
export function FunnelSection(props: { report: FunnelReport }) {
  const { report } = props;
  const { t } = useTranslationRef(cloudTranslationRef);
  const labels = useAdoptionLabels();
  const { colors, chart, categoryAxis, valueAxis, grid, tooltip, legend, bar } =
    useChartProps();
  const title = t('adoption.funnel.title');

  const data = useMemo(
    () => report.steps.map(s => ({ ...s, label: labels.step(s.step) })),
    [report.steps, labels],
  );
  const summary = t('adoption.funnel.summary', {
    tenants: labels.integer(report.tenants),
    details: data
      .map(s =>
        t('adoption.funnel.summaryItem', {
          step: s.label,
          reached: labels.integer(s.reached),
          blocked: labels.integer(s.blocked),
        }),
      )
      .join(' ; '),
  });
  const count = (field: keyof FunnelStep, header: string) => ({
    id: field,
    header,
    numeric: true,
    cell: (s: FunnelStep) => labels.integer(Number(s[field])),
  });

  return (
    <ReportSection
      title={title}
      description={t('adoption.funnel.description', {
        tenants: labels.integer(report.tenants),
      })}
      actions={<CsvExportButton report="funnel" view={title} />}
    >
      <ChartFigure
        summary={summary}
        height={chartHeight(data.length, 44)}
        chart={
          <BarChart data={data} {...chart}>
            <CartesianGrid {...grid} />
            <XAxis {...valueAxis} />
            <YAxis {...categoryAxis} dataKey="label" />
            <Tooltip {...tooltip} />
            <Legend {...legend} />
            <Bar
              {...bar}
              dataKey="reached"
              name={t('adoption.funnel.reached')}
              fill={colors.primary}
            />
            <Bar
              {...bar}
              dataKey="blocked"
              name={t('adoption.funnel.blocked')}
              fill={colors.danger}
            />
          </BarChart>
        }
        table={
          <DataTable<FunnelStep & { label: string }>
            caption={title}
            rows={data}
            rowKey={s => s.step}
            columns={[
              {
                id: 'step',
                header: t('adoption.funnel.step'),
                rowHeader: true,
                cell: s => s.label,
              },
              {
                id: 'side',
                header: t('adoption.funnel.side'),
                cell: s => labels.side(s.side),
              },
              count('reached', t('adoption.funnel.reached')),
              count('current', t('adoption.funnel.current')),
              count('done', t('adoption.funnel.done')),
              count('skipped', t('adoption.funnel.skipped')),
              count('inProgress', t('adoption.funnel.inProgress')),
              count('blocked', t('adoption.funnel.blocked')),
              count('todo', t('adoption.funnel.todo')),
            ]}
          />
        }
      />
    </ReportSection>
  );
}
