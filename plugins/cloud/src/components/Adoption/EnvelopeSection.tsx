import type {
  AdoptionReport,
  ApplicationFunding,
  EstablishmentFunding,
} from '@amue/plugin-cloud-common';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Text } from '@backstage/ui';
import { makeStyles } from '@material-ui/core/styles';
import { cloudTranslationRef } from '../../translation';
import { CsvExportButton } from './CsvExportButton';
import { DataTable } from './DataTable';
import { ReportSection } from './ReportSection';
import { FigureList } from './TotalsSection';
import { useAdoptionLabels } from './useAdoptionLabels';

const useStyles = makeStyles(theme => ({
  body: {
    display: 'grid',
    gap: theme.spacing(3),
  },
  pair: {
    display: 'grid',
    gap: theme.spacing(3),
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 28rem), 1fr))',
  },
}));

/**
 * The programme's incentive envelope against the funding granted and
 * paid, then per establishment and per application. For a product owner
 * the figures cover their applications, without the envelope's remainder.
 */
export function EnvelopeSection(props: { report: AdoptionReport }) {
  const { envelope } = props.report;
  const { t } = useTranslationRef(cloudTranslationRef);
  const labels = useAdoptionLabels();
  const classes = useStyles();
  const title = t('adoption.envelope.title');
  const share = (grantedEur: number) =>
    envelope.envelopeEur
      ? labels.share(grantedEur / envelope.envelopeEur)
      : '—';

  const figures: Array<[string, string]> = [];
  if (envelope.envelopeEur !== null) {
    figures.push([
      t('adoption.envelope.envelope'),
      labels.euros(envelope.envelopeEur),
    ]);
  }
  figures.push(
    [t('adoption.envelope.granted'), labels.euros(envelope.grantedEur)],
    [t('adoption.envelope.paid'), labels.euros(envelope.paidEur)],
  );
  if (envelope.remainingEur !== null) {
    figures.push([
      t('adoption.envelope.remaining'),
      labels.euros(envelope.remainingEur),
    ]);
  }
  if (envelope.consumedShare !== null) {
    figures.push([
      t('adoption.envelope.consumed'),
      labels.share(envelope.consumedShare),
    ]);
  }

  const money = {
    granted: {
      id: 'granted',
      header: t('adoption.envelope.granted'),
      numeric: true,
    },
    paid: { id: 'paid', header: t('adoption.envelope.paid'), numeric: true },
    share: {
      id: 'share',
      header: t('adoption.envelope.share'),
      numeric: true,
    },
  } as const;

  return (
    <ReportSection
      title={title}
      description={
        envelope.programme
          ? t('adoption.envelope.description')
          : t('adoption.envelope.descriptionScoped')
      }
      actions={
        <CsvExportButton report="adoption" csvView="funding" view={title} />
      }
    >
      <div className={classes.body}>
        <FigureList figures={figures} />
        {envelope.envelopeEur === null && (
          <Text as="p" variant="body-medium" color="secondary">
            {t('adoption.envelope.noEnvelope')}
          </Text>
        )}
        {envelope.establishments.length === 0 &&
        envelope.applications.length === 0 ? (
          <Text as="p">{t('adoption.envelope.empty')}</Text>
        ) : (
          <div className={classes.pair}>
            <DataTable<EstablishmentFunding>
              caption={t('adoption.envelope.byEstablishment')}
              showCaption
              rows={envelope.establishments}
              rowKey={e => e.establishment}
              columns={[
                {
                  id: 'establishment',
                  header: t('adoption.envelope.establishment'),
                  rowHeader: true,
                  cell: e => e.title,
                },
                { ...money.granted, cell: e => labels.euros(e.grantedEur) },
                { ...money.paid, cell: e => labels.euros(e.paidEur) },
                { ...money.share, cell: e => share(e.grantedEur) },
              ]}
            />
            <DataTable<ApplicationFunding>
              caption={t('adoption.envelope.byApplication')}
              showCaption
              rows={envelope.applications}
              rowKey={a => a.application}
              columns={[
                {
                  id: 'application',
                  header: t('adoption.envelope.application'),
                  rowHeader: true,
                  cell: a => a.title,
                },
                { ...money.granted, cell: a => labels.euros(a.grantedEur) },
                { ...money.paid, cell: a => labels.euros(a.paidEur) },
                { ...money.share, cell: a => share(a.grantedEur) },
              ]}
            />
          </div>
        )}
      </div>
    </ReportSection>
  );
}
