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
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { cloudApiRef } from '../../api';
import { cloudTranslationRef } from '../../translation';
import { ApplicationsSection } from './ApplicationsSection';
import { BlockedSection } from './BlockedSection';
import { DurationsSection } from './DurationsSection';
import { EnvelopeSection } from './EnvelopeSection';
import {
  FILTER_KEYS,
  filtersKeyOfSearch,
  filtersOfKey,
  takeAdoptionAskedAhead,
} from './AdoptionRoute';
import { hasReportFilters, ReportFiltersContext } from './filters';
import { FiltersSection } from './FiltersSection';
import { MapSection, preloadFranceMap } from './MapSection';
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

/** The page's filters, kept in its address (shareable, back button). */
function useFiltersOfAddress(): [
  ReportFilters,
  (filters: ReportFilters) => void,
] {
  const [params, setParams] = useSearchParams();
  const key = filtersKeyOfSearch(params);
  const filters = useMemo(() => filtersOfKey(key), [key]);
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
 * The four reports, aggregated by the backend for the filters. The
 * adoption report comes first and is shown as soon as it arrives (the top
 * of the page: totals, applications, matrix); the funnel, durations and
 * blocked steps are asked once it is in, so that they do not compete with
 * it for the backend and its database. The previous figures stay on screen
 * while new ones load.
 */
function useAdoptionReports(filters: ReportFilters) {
  const cloudApi = useApi(cloudApiRef);
  const [first, setFirst] = useState<{
    filters: ReportFilters;
    adoption: AdoptionReport;
  }>();
  const state = useAsyncRetry(async (): Promise<AdoptionReports> => {
    // the route asked for it while the page loaded (AdoptionRoute)
    const adoption = await (takeAdoptionAskedAhead(filters) ??
      cloudApi.getReport<AdoptionReport>('adoption', filters));
    setFirst({ filters, adoption });
    const [funnel, durations, blocked] = await Promise.all([
      cloudApi.getReport<FunnelReport>('funnel', filters),
      cloudApi.getReport<DurationsReport>('durations', filters),
      cloudApi.getReport<BlockedReport>('blocked', filters),
    ]);
    return { adoption, funnel, durations, blocked };
  }, [cloudApi, filters]);
  // The adoption report of these filters as soon as it is in, else the
  // last complete set (previous filters) while loading.
  const adoption =
    first?.filters === filters ? first.adoption : state.value?.adoption;
  return { ...state, adoption };
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
  const { loading, error, value, adoption, retry } =
    useAdoptionReports(filters);
  const selectApplication = useCallback(
    (application: string) => setFilters({ ...filters, application }),
    [filters, setFilters],
  );
  // The map's chunk (its shapes: a few hundred ms of the browser's time to
  // compile) loads once the top of the page is drawn, while the other
  // three reports are computed: not before, where it would hold up the
  // drawing of the adoption report.
  const adoptionIn = adoption !== undefined;
  useEffect(() => {
    if (adoptionIn) {
      preloadFranceMap();
    }
  }, [adoptionIn]);

  let body;
  if (error && isForbidden(error)) {
    body = <Reserved />;
  } else if (error) {
    // the filters stay, so that a filter the backend refused can be changed
    let title: string = t('adoption.error', { message: error.message });
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
  } else if (!adoption) {
    body = <Progress />;
  } else {
    // The sections of the other three reports, and the rest of the
    // adoption report's, are drawn with them: the top of the page first.
    const rest = value && (
      <>
        <MapSection report={adoption} />
        <div className={classes.pair}>
          <FunnelSection report={value.funnel} />
          <DurationsSection report={value.durations} />
        </div>
        <OverdueSection report={adoption} />
        <BlockedSection report={value.blocked} adoption={adoption} />
        <EnvelopeSection report={adoption} />
      </>
    );
    body = (
      <div className={classes.sections} aria-busy={loading}>
        <Text as="p" variant="body-medium" color="secondary">
          {t('adoption.scope')}
        </Text>
        <FiltersSection
          filters={filters}
          options={adoption.filterOptions}
          onChange={setFilters}
        />
        {loading && value && <Progress />}
        <TotalsSection report={adoption} />
        <ApplicationsSection report={adoption} />
        <MatrixSection
          report={adoption}
          onSelectApplication={selectApplication}
        />
        {rest ?? <Progress aria-label={t('adoption.loadingOnboarding')} />}
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
