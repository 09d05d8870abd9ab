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
import type {
  AdoptionReport,
  ApplicationAdoption,
} from '@amue/plugin-cloud-common';
import { useAdoptionLabels } from './useAdoptionLabels';

/**
 * Per application, the member establishments live, in progress and not
 * started: a stacked bar chart, its summary and its table.
 */
export function ApplicationsSection(props: { report: AdoptionReport }) {
  const { report } = props;
  const { t } = useTranslationRef(cloudTranslationRef);
  const labels = useAdoptionLabels();
  const { colors, chart, categoryAxis, valueAxis, grid, tooltip, legend, bar } =
    useChartProps();

  const applications = useMemo(
    () =>
      [...report.applications]
        .sort((a, b) => labels.compare(a.title, b.title))
        .map(a => ({
          ...a,
          overdue:
            report.overdue.applications.find(
              o => o.application === a.application,
            )?.overdue ?? 0,
          // Written beside the bar: the few establishments that started are
          // a thin slice of it.
          barLabel: t('adoption.applications.barLabel', {
            live: labels.integer(a.live),
            inProgress: labels.integer(a.inProgress),
          }),
        })),
    [report.applications, report.overdue.applications, labels, t],
  );
  const total = applications[0]?.total ?? report.establishments.length;
  const title = t('adoption.applications.title');

  const summary = t('adoption.applications.summary', {
    total: labels.integer(total),
    details: applications
      .map(a =>
        t('adoption.applications.summaryItem', {
          application: a.title,
          live: labels.integer(a.live),
          inProgress: labels.integer(a.inProgress),
          notStarted: labels.integer(a.notStarted),
        }),
      )
      .join(' ; '),
  });

  return (
    <ReportSection
      title={title}
      description={t('adoption.applications.description', {
        total: labels.integer(total),
      })}
      actions={
        <CsvExportButton
          report="adoption"
          csvView="applications"
          view={title}
        />
      }
    >
      {applications.length === 0 ? (
        <p>{t('adoption.applications.empty')}</p>
      ) : (
        <ChartFigure
          summary={summary}
          height={chartHeight(applications.length)}
          chart={
            <BarChart data={applications} {...chart}>
              <CartesianGrid {...grid} />
              <XAxis {...valueAxis} domain={[0, total]} />
              <YAxis {...categoryAxis} dataKey="title" />
              {/* The same rows, read on the right: who started. */}
              <YAxis
                {...categoryAxis}
                yAxisId="started"
                orientation="right"
                dataKey="barLabel"
                width={190}
                tickLine={false}
                axisLine={false}
              />
              <Tooltip {...tooltip} />
              <Legend {...legend} />
              <Bar
                {...bar}
                dataKey="live"
                stackId="adoption"
                name={labels.state('live')}
                fill={colors.states.live}
              />
              <Bar
                {...bar}
                dataKey="inProgress"
                stackId="adoption"
                name={labels.state('in_progress')}
                fill={colors.states.in_progress}
              />
              <Bar
                {...bar}
                dataKey="notStarted"
                stackId="adoption"
                name={labels.state('not_started')}
                fill={colors.states.not_started}
              />
            </BarChart>
          }
          table={
            <DataTable<ApplicationAdoption & { overdue: number }>
              caption={title}
              rows={applications}
              rowKey={a => a.application}
              columns={[
                {
                  id: 'application',
                  header: t('adoption.applications.application'),
                  rowHeader: true,
                  cell: a => a.title,
                },
                {
                  id: 'live',
                  header: labels.state('live'),
                  numeric: true,
                  cell: a => labels.integer(a.live),
                },
                {
                  id: 'inProgress',
                  header: labels.state('in_progress'),
                  numeric: true,
                  cell: a => labels.integer(a.inProgress),
                },
                {
                  id: 'notStarted',
                  header: labels.state('not_started'),
                  numeric: true,
                  cell: a => labels.integer(a.notStarted),
                },
                {
                  id: 'total',
                  header: t('adoption.applications.total'),
                  numeric: true,
                  cell: a => labels.integer(a.total),
                },
                {
                  id: 'overdue',
                  header: t('adoption.applications.overdue'),
                  numeric: true,
                  cell: a => labels.integer(a.overdue),
                },
              ]}
            />
          }
        />
      )}
    </ReportSection>
  );
}
