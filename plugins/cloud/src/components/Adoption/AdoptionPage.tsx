import {
  Content,
  Header,
  Link,
  Page,
  Progress,
} from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { Alert, Button, Flex, Text } from '@backstage/ui';
import { makeStyles } from '@material-ui/core/styles';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { cloudApiRef } from '../../api';
import { cloudTranslationRef } from '../../translation';
import { ApplicationsSection } from './ApplicationsSection';
import { BlockedSection } from './BlockedSection';
import { DurationsSection } from './DurationsSection';
import { EnvelopeSection } from './EnvelopeSection';
import { FunnelSection } from './FunnelSection';
import { MatrixSection } from './MatrixSection';
import { OverdueSection } from './OverdueSection';
import { TotalsSection } from './TotalsSection';
import type {
  AdoptionReport,
  BlockedReport,
  DurationsReport,
  FunnelReport,
} from '@amue/plugin-cloud-common';
import type { AdoptionReports } from './types';

const useStyles = makeStyles(theme => ({
  sections: {
    display: 'grid',
    gap: theme.spacing(3),
    gridTemplateColumns: 'minmax(0, 1fr)',
  },
  pair: {
    display: 'grid',
    gap: theme.spacing(3),
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 32rem), 1fr))',
  },
}));

/** True for the answer of the backend to a caller who may not read it. */
function isForbidden(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { statusCode?: unknown }).statusCode === 403
  );
}

/** The four reports, aggregated by the backend, fetched at once. */
function useAdoptionReports() {
  const cloudApi = useApi(cloudApiRef);
  return useAsyncRetry(async (): Promise<AdoptionReports> => {
    const [adoption, funnel, durations, blocked] = await Promise.all([
      cloudApi.getReport<AdoptionReport>('adoption'),
      cloudApi.getReport<FunnelReport>('funnel'),
      cloudApi.getReport<DurationsReport>('durations'),
      cloudApi.getReport<BlockedReport>('blocked'),
    ]);
    return { adoption, funnel, durations, blocked };
  }, [cloudApi]);
}

function Reserved() {
  const { t } = useTranslationRef(cloudTranslationRef);
  return (
    <Alert
      status="info"
      icon
      title={t('adoption.reserved.title')}
      description={
        <Flex direction="column" gap="2">
          <Text as="p">{t('adoption.reserved.text')}</Text>
          <Text as="p">
            <Link to="/catalog?filters%5Bkind%5D=application">
              {t('adoption.reserved.catalogLink')}
            </Link>
          </Text>
        </Flex>
      }
    />
  );
}

/**
 * The Adoption page, for Amue (product owners and administrators): how
 * the member establishments adopt each application, the establishments ×
 * applications matrix, the onboarding funnel, the time each step takes, the
 * blocked steps, funding and training. Every figure is aggregated by the
 * backend; establishment members get a "reserved for Amue" notice.
 *
 * @internal
 */
export function AdoptionPage() {
  const { t } = useTranslationRef(cloudTranslationRef);
  const classes = useStyles();
  const { loading, error, value, retry } = useAdoptionReports();

  let body;
  if (loading) {
    body = <Progress />;
  } else if (error && isForbidden(error)) {
    body = <Reserved />;
  } else if (error || !value) {
    body = (
      <Alert
        status="danger"
        icon
        role="alert"
        title={t('adoption.error', { message: error?.message ?? '' })}
        customActions={
          <Button variant="secondary" size="small" onPress={retry}>
            {t('adoption.retry')}
          </Button>
        }
      />
    );
  } else {
    body = (
      <div className={classes.sections}>
        <Text as="p" variant="body-medium" color="secondary">
          {t('adoption.scope')}
        </Text>
        <TotalsSection report={value.adoption} />
        <ApplicationsSection report={value.adoption} />
        <MatrixSection report={value.adoption} />
        <div className={classes.pair}>
          <FunnelSection report={value.funnel} />
          <DurationsSection report={value.durations} />
        </div>
        <OverdueSection report={value.adoption} />
        <BlockedSection report={value.blocked} adoption={value.adoption} />
        <EnvelopeSection report={value.adoption} />
      </div>
    );
  }

  return (
    <Page themeId="home">
      <Header
        title={t('adoption.title')}
        subtitle={t('adoption.subtitle')}
        pageTitleOverride={t('adoption.title')}
      />
      <Content>{body}</Content>
    </Page>
  );
}
