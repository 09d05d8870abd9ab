import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Text } from '@backstage/ui';
import { makeStyles } from '@material-ui/core/styles';
import { useMemo } from 'react';
import { cloudTranslationRef } from '../../translation';
import { CsvExportButton } from './CsvExportButton';
import { ReportSection } from './ReportSection';
import { adoptionTotals, type AdoptionReport } from '@amue/plugin-cloud-common';
import { useAdoptionLabels } from './useAdoptionLabels';

const useStyles = makeStyles(theme => ({
  figures: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(12rem, 1fr))',
    gap: theme.spacing(2),
    margin: 0,
  },
  figure: {
    display: 'flex',
    flexDirection: 'column-reverse',
    justifyContent: 'flex-end',
    gap: theme.spacing(0.5),
    padding: theme.spacing(1.5),
    borderRadius: theme.shape.borderRadius,
    border: `1px solid ${theme.palette.divider}`,
    '& dd': {
      margin: 0,
      fontSize: '1.5rem',
      fontWeight: 600,
      fontVariantNumeric: 'tabular-nums',
    },
    '& dt': {
      color: theme.palette.text.secondary,
    },
  },
}));

/**
 * Figures as a description list, each a term and its value (shown first).
 */
export function FigureList(props: { figures: Array<[string, string]> }) {
  const classes = useStyles();
  return (
    <dl className={classes.figures}>
      {props.figures.map(([term, value]) => (
        // dt before dd in the markup (the order screen readers read),
        // the value shown first.
        <div key={term} className={classes.figure}>
          <dt>
            <Text variant="body-medium" color="secondary">
              {term}
            </Text>
          </dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * The programme at a glance: establishments reached, funding granted and
 * paid, training sessions and staff trained (sums over the tenants).
 */
export function TotalsSection(props: { report: AdoptionReport }) {
  const { report } = props;
  const { t } = useTranslationRef(cloudTranslationRef);
  const labels = useAdoptionLabels();

  const title = t('adoption.totals.title');
  const totals = useMemo(() => adoptionTotals(report), [report]);

  const figures: Array<[string, string]> = [
    [
      t('adoption.totals.establishments'),
      labels.integer(totals.establishments),
    ],
    [t('adoption.totals.withLive'), labels.integer(totals.establishmentsLive)],
    [
      t('adoption.totals.inProgressOnly'),
      labels.integer(totals.establishmentsInProgress),
    ],
    [t('adoption.totals.granted'), labels.euros(report.funding.grantedEur)],
    [t('adoption.totals.paid'), labels.euros(report.funding.paidEur)],
    [
      t('adoption.totals.sessions'),
      labels.integer(report.training.sessionsHeld),
    ],
    [t('adoption.totals.staff'), labels.integer(report.training.staffTrained)],
    [t('adoption.totals.overdue'), labels.integer(totals.overdueSteps)],
  ];

  return (
    <ReportSection
      title={title}
      description={t('adoption.totals.description')}
      actions={
        <CsvExportButton report="adoption" csvView="totals" view={title} />
      }
    >
      <FigureList figures={figures} />
    </ReportSection>
  );
}
