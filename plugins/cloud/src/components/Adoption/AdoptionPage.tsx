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
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { cloudApiRef } from '../../api';
import { cloudTranslationRef } from '../../translation';
import { ApplicationsSection } from './ApplicationsSection';
import { BlockedSection } from './BlockedSection';
import { DurationsSection } from './DurationsSection';
import { EnvelopeSection } from './EnvelopeSection';
import { hasReportFilters, ReportFiltersContext } from './filters';
import { FiltersSection } from './FiltersSection';
import { MapSection } from './MapSection';
import { FunnelSection } from './FunnelSection';
import { MatrixSection } from './MatrixSection';
import { OverdueSection } from './OverdueSection';
import { TotalsSection } from './TotalsSection';
import type {
  AdoptionReport,
  BlockedReport,
  DurationsReport,
  FunnelReport,
  ReportFilters,
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

/** The status code of an error of the backend, if it has one. */
function statusOf(error: unknown): number | undefined {
  const status =
    typeof error === 'object' && error !== null
      ? (error as { statusCode?: unknown }).statusCode
      : undefined;
  return typeof status === 'number' ? status : undefined;
}

/** True for the answer of the backend to a caller who may not read it. */
function isForbidden(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { statusCode?: unknown }).statusCode === 403
  );
}

/** The filters of the page's address (`?region=&type=&q=&application=`). */
const FILTER_KEYS = ['region', 'type', 'q', 'application'] as const;

/** The page's filters, kept in its address (shareable, back button). */
function useFiltersOfAddress(): [
  ReportFilters,
  (filters: ReportFilters) => void,
] {
  const [params, setParams] = useSearchParams();
  const key = FILTER_KEYS.map(k => params.get(k) ?? '').join('\u0000');
  const filters = useMemo(() => {
    const values = key.split('\u0000');
    const chosen: ReportFilters = {};
    FILTER_KEYS.forEach((k, i) => {
      if (values[i]) {
        chosen[k] = values[i];
      }
    });
    return chosen;
  }, [key]);
  const setFilters = useCallback(
    (next: ReportFilters) => {
      const search = new URLSearchParams();
      for (const k of FILTER_KEYS) {
        const value = next[k];
        if (value) {
          search.set(k, value);
        }
      }
      setParams(search, { replace: true });
    },
    [setParams],
  );
  return [filters, setFilters];
}

/**
 * The four reports, aggregated by the backend for the filters, fetched at
 * once; the previous figures stay on screen while new ones load.
 */
function useAdoptionReports(filters: ReportFilters) {
  const cloudApi = useApi(cloudApiRef);
  return useAsyncRetry(async (): Promise<AdoptionReports> => {
    const [adoption, funnel, durations, blocked] = await Promise.all([
      cloudApi.getReport<AdoptionReport>('adoption', filters),
      cloudApi.getReport<FunnelReport>('funnel', filters),
      cloudApi.getReport<DurationsReport>('durations', filters),
      cloudApi.getReport<BlockedReport>('blocked', filters),
    ]);
    return { adoption, funnel, durations, blocked };
  }, [cloudApi, filters]);
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
  const [filters, setFilters] = useFiltersOfAddress();
  const { loading, error, value, retry } = useAdoptionReports(filters);
  const selectApplication = useCallback(
    (application: string) => setFilters({ ...filters, application }),
    [filters, setFilters],
  );

  let body;
  if (loading && !value) {
    body = <Progress />;
  } else if (error && isForbidden(error)) {
    body = <Reserved />;
  } else if (error || !value) {
    // the filters stay, so that a filter the backend refused can be changed
    let title: string = t('adoption.error', { message: error?.message ?? '' });
    if (statusOf(error) === 400) {
      title = filters.application
        ? t('adoption.filters.outOfScope', {
            application: filters.application,
          })
        : t('adoption.filters.refused');
    }
    body = (
      <Alert
        status="danger"
        icon
        role="alert"
        title={title}
        customActions={
          <Flex gap="2">
            <Button variant="secondary" size="small" onPress={retry}>
              {t('adoption.retry')}
            </Button>
            <Button
              variant="tertiary"
              size="small"
              onPress={() =>
                hasReportFilters(filters) ? setFilters({}) : retry()
              }
            >
              {t('adoption.filters.reset')}
            </Button>
          </Flex>
        }
      />
    );
  } else {
    body = (
      <div className={classes.sections} aria-busy={loading}>
        <Text as="p" variant="body-medium" color="secondary">
          {t('adoption.scope')}
        </Text>
        <FiltersSection
          filters={filters}
          options={value.adoption.filterOptions}
          onChange={setFilters}
        />
        {loading && <Progress />}
        <TotalsSection report={value.adoption} />
        <ApplicationsSection report={value.adoption} />
        <MatrixSection
          report={value.adoption}
          onSelectApplication={selectApplication}
        />
        <MapSection report={value.adoption} />
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
      <Content>
        <ReportFiltersContext.Provider value={filters}>
          {body}
        </ReportFiltersContext.Provider>
      </Content>
    </Page>
  );
}
