import type {
  AdoptionReport,
  ApplicationOverdueCount,
  StepOverdueCount,
} from '@amue/plugin-cloud-common';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { makeStyles } from '@material-ui/core/styles';
import { useMemo } from 'react';
import { cloudTranslationRef } from '../../translation';
import { CsvExportButton } from './CsvExportButton';
import { DataTable } from './DataTable';
import { ReportSection } from './ReportSection';
import { useAdoptionLabels } from './useAdoptionLabels';

const useStyles = makeStyles(theme => ({
  pair: {
    display: 'grid',
    gap: theme.spacing(3),
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 24rem), 1fr))',
  },
}));

/**
 * The steps past their due date (computed by the backend with
 * cloud-common's `isStepOverdue`), per step and per application.
 */
export function OverdueSection(props: { report: AdoptionReport }) {
  const { report } = props;
  const { t } = useTranslationRef(cloudTranslationRef);
  const labels = useAdoptionLabels();
  const classes = useStyles();
  const title = t('adoption.overdue.title');
  const applications = useMemo(
    () =>
      [...report.overdue.applications].sort((a, b) =>
        labels.compare(a.title, b.title),
      ),
    [report.overdue.applications, labels],
  );

  return (
    <ReportSection
      title={title}
      description={t('adoption.overdue.description', {
        count: report.overdue.total,
      })}
      actions={
        <CsvExportButton report="adoption" csvView="overdue" view={title} />
      }
    >
      <div className={classes.pair}>
        <DataTable<StepOverdueCount>
          caption={t('adoption.overdue.byStep')}
          showCaption
          rows={report.overdue.steps}
          rowKey={s => s.step}
          columns={[
            {
              id: 'step',
              header: t('adoption.overdue.step'),
              rowHeader: true,
              cell: s => labels.step(s.step),
            },
            {
              id: 'side',
              header: t('adoption.overdue.side'),
              cell: s => labels.side(s.side),
            },
            {
              id: 'overdue',
              header: t('adoption.overdue.count'),
              numeric: true,
              cell: s => labels.integer(s.overdue),
            },
          ]}
        />
        <DataTable<ApplicationOverdueCount>
          caption={t('adoption.overdue.byApplication')}
          showCaption
          rows={applications}
          rowKey={a => a.application}
          columns={[
            {
              id: 'application',
              header: t('adoption.overdue.application'),
              rowHeader: true,
              cell: a => a.title,
            },
            {
              id: 'overdue',
              header: t('adoption.overdue.applicationCount'),
              numeric: true,
              cell: a => labels.integer(a.overdue),
            },
            {
              id: 'tenants',
              header: t('adoption.overdue.tenants'),
              numeric: true,
              cell: a => labels.integer(a.tenants),
            },
          ]}
        />
      </div>
    </ReportSection>
  );
}
