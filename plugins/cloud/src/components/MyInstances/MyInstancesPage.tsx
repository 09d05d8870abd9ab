import {
  ENVIRONMENTS,
  TENANT_STATUSES,
  uaiOfEstablishment,
} from '@amue/plugin-cloud-common';
import {
  Content,
  Header,
  Link,
  Page,
  Progress,
} from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  Alert,
  Button,
  ButtonLink,
  Flex,
  Text,
  VisuallyHidden,
} from '@backstage/ui';
import type { Theme } from '@material-ui/core/styles';
import useMediaQuery from '@material-ui/core/useMediaQuery';
import { useId } from 'react';
import {
  actorSideOf,
  useApplications,
  useCloudUser,
  useEstablishments,
  type CloudUser,
} from '../../hooks';
import type { ApplicationSummary } from '../../hooks';
import { cloudTranslationRef } from '../../translation';
import { DueDate } from '../common/DueDate';
import type { DataColumn } from '../Adoption/DataTable';
import { ResponsiveTable } from '../common/ResponsiveTable';
import { useCloudLabels } from '../common/labels';
import { StatusChip } from '../common/StatusChip';
import {
  StepStatusBadge,
  TenantProgress,
  WaitingBadge,
} from '../TenantOnboarding/badges';
import { errorMessage } from '../TenantOnboarding/errors';
import { useOnboardingLabels, waitingOf } from '../TenantOnboarding/labels';
import { requestFormPath, tenantPagePath } from '../TenantOnboarding/paths';
import { FilterSelect } from '../common/FilterSelect';
import { queryOf, useInstanceFilters } from './filters';
import { ListedTenant, useTenantList } from './useTenantList';

/** Tenants asked for at a time. */
export const INSTANCES_PAGE_SIZE = 20;

/**
 * Whether the reader follows several establishments (Amue, or a member of
 * more than one): then the establishment is shown and can be filtered on.
 */
function followsSeveral(user: CloudUser | undefined): boolean {
  return !user || user.isAdmin || user.establishments.length !== 1;
}

function DueDates(props: { tenant: ListedTenant }) {
  const { tenant } = props;
  const { t } = useTranslationRef(cloudTranslationRef);
  const labels = useOnboardingLabels();
  const current = tenant.steps?.find(s => s.id === tenant.currentStep);
  const due = current?.dueDate ? current : undefined;
  const wished = tenant.request?.wishedGoLiveDate;
  if (!due && !wished) {
    return (
      <Text variant="body-small" color="secondary">
        {t('instances.page.noDueDate')}
      </Text>
    );
  }
  return (
    <Flex direction="column" gap="1">
      {due && <DueDate step={due} />}
      {wished && (
        <Text variant="body-small">
          {t('instances.page.wishedGoLive', { date: labels.date(wished) })}
        </Text>
      )}
    </Flex>
  );
}

function CurrentStep(props: { tenant: ListedTenant }) {
  const { tenant } = props;
  const { t } = useTranslationRef(cloudTranslationRef);
  const labels = useOnboardingLabels();
  if (!tenant.currentStep) {
    return <Text variant="body-small">{t('onboarding.waiting.done')}</Text>;
  }
  const step = tenant.steps?.find(s => s.id === tenant.currentStep);
  return (
    <Flex direction="column" gap="1" align="start">
      <Text variant="body-small">{labels.step(tenant.currentStep)}</Text>
      {step && <StepStatusBadge status={step.status} />}
    </Flex>
  );
}

/**
 * "My instances" (`/cloud/instances`): the hosted instances the user may
 * read (their establishment's; for Amue, those they follow), with where
 * each onboarding stands, whose move it is, and the way to request a new
 * one. Filtered and paginated by the backend.
 *
 * @internal
 */
export function MyInstancesPage() {
  const { t } = useTranslationRef(cloudTranslationRef);
  const id = useId();
  const cloudLabels = useCloudLabels();
  const user = useCloudUser();
  const applications = useApplications();
  const several = followsSeveral(user.value);
  const establishments = useEstablishments(!user.loading && several);
  const { filters, setFilter, clear, active } = useInstanceFilters();
  const narrow = useMediaQuery((theme: Theme) => theme.breakpoints.down('xs'));
  const list = useTenantList(queryOf(filters), {
    pageSize: INSTANCES_PAGE_SIZE,
    enabled: !user.loading,
  });

  const own = user.value?.establishments ?? [];
  const ownUai = own.length === 1 ? uaiOfEstablishment(own[0]) : undefined;
  const mayRequest = Boolean(user.value?.isAdmin) || own.length > 0;

  const application = (name: string): ApplicationSummary | undefined =>
    applications.value?.get(name);
  const establishmentTitle = (name: string) =>
    establishments.value?.get(name)?.title ?? name;

  const columns: DataColumn<ListedTenant>[] = [
    {
      id: 'application',
      header: t('instances.page.instance'),
      rowHeader: true,
      cell: tenant => (
        <Flex direction="column" gap="1">
          <Link to={tenantPagePath(tenant.name)}>
            {`${
              application(tenant.application)?.title ?? tenant.application
            } — ${cloudLabels.environment(tenant.environment)}`}
            {several && (
              <VisuallyHidden>
                {` — ${establishmentTitle(tenant.establishment)}`}
              </VisuallyHidden>
            )}
          </Link>
          <Text variant="body-x-small" color="secondary">
            {tenant.name}
          </Text>
        </Flex>
      ),
    },
    ...(several
      ? [
          {
            id: 'establishment',
            header: t('instances.establishment'),
            cell: (tenant: ListedTenant) => (
              <Flex direction="column" gap="1">
                <Text variant="body-small">
                  {establishmentTitle(tenant.establishment)}
                </Text>
                <Text variant="body-x-small" color="secondary">
                  {t('instances.uai', { uai: tenant.uai })}
                </Text>
              </Flex>
            ),
          },
        ]
      : []),
    {
      id: 'status',
      header: t('instances.status'),
      cell: tenant => (
        <StatusChip value={cloudLabels.tenantStatus(tenant.status)} />
      ),
    },
    {
      id: 'currentStep',
      header: t('instances.page.currentStep'),
      cell: tenant => <CurrentStep tenant={tenant} />,
    },
    {
      id: 'progress',
      header: t('instances.page.progress'),
      cell: tenant => <TenantProgress tenant={tenant} />,
    },
    {
      id: 'waiting',
      header: t('instances.page.waiting'),
      cell: tenant => (
        <WaitingBadge
          waiting={waitingOf(
            tenant,
            actorSideOf(
              user.value,
              tenant,
              application(tenant.application)?.owner,
            ),
          )}
        />
      ),
    },
    {
      id: 'due',
      header: t('instances.page.dueDate'),
      cell: tenant => <DueDates tenant={tenant} />,
    },
  ];

  const filterBar = (
    <form
      aria-label={t('instances.page.filters')}
      onSubmit={event => event.preventDefault()}
    >
      <Flex gap="3" align="end" style={{ flexWrap: 'wrap' }}>
        <FilterSelect
          id={`${id}-application`}
          label={t('instances.page.application')}
          allLabel={t('instances.page.allApplications')}
          value={filters.application}
          options={[...(applications.value?.values() ?? [])].map(a => ({
            value: a.name,
            label: a.title,
          }))}
          onChange={value => setFilter('application', value)}
        />
        <FilterSelect
          id={`${id}-environment`}
          label={t('instances.page.environment')}
          allLabel={t('instances.page.allEnvironments')}
          value={filters.environment}
          options={ENVIRONMENTS.map(value => ({
            value,
            label: cloudLabels.environment(value),
          }))}
          onChange={value => setFilter('environment', value)}
        />
        <FilterSelect
          id={`${id}-status`}
          label={t('instances.page.status')}
          allLabel={t('instances.page.allStatuses')}
          value={filters.status}
          options={TENANT_STATUSES.map(value => ({
            value,
            label: cloudLabels.tenantStatus(value).label,
          }))}
          onChange={value => setFilter('status', value)}
        />
        {several && (
          <FilterSelect
            id={`${id}-establishment`}
            label={t('instances.page.establishment')}
            width="22rem"
            allLabel={t('instances.page.allEstablishments')}
            value={filters.establishment}
            options={[...(establishments.value?.values() ?? [])].map(e => ({
              value: e.name,
              label: e.uai
                ? t('instances.page.establishmentOption', {
                    title: e.title,
                    uai: e.uai,
                  })
                : e.title,
            }))}
            onChange={value => setFilter('establishment', value)}
          />
        )}
        <FilterSelect
          id={`${id}-blocked`}
          label={t('instances.page.blocked')}
          allLabel={t('instances.page.blockedAll')}
          value={filters.blocked}
          options={[
            { value: 'true', label: t('instances.page.blockedOnly') },
            { value: 'false', label: t('instances.page.blockedNone') },
          ]}
          onChange={value => setFilter('blocked', value)}
        />
        {active && (
          <Button variant="tertiary" onPress={clear}>
            {t('instances.page.reset')}
          </Button>
        )}
      </Flex>
    </form>
  );

  let body;
  if (list.error && list.items.length === 0) {
    body = (
      <Alert
        status="danger"
        icon
        role="alert"
        title={t('instances.page.error', {
          message: errorMessage(list.error, t),
        })}
        customActions={
          <Button variant="secondary" size="small" onPress={list.reload}>
            {t('instances.page.retry')}
          </Button>
        }
      />
    );
  } else if (list.loading && list.items.length === 0) {
    body = <Progress />;
  } else if (list.items.length === 0) {
    let empty: string = t('instances.page.empty');
    if (active) {
      empty = t('instances.page.emptyFiltered');
    } else if (several) {
      empty = t('instances.page.emptyAmue');
    }
    body = <Text as="p">{empty}</Text>;
  } else {
    body = (
      <Flex direction="column" gap="3">
        <ResponsiveTable
          caption={t('instances.page.tableCaption')}
          columns={columns}
          rows={list.items}
          rowKey={tenant => tenant.name}
        />
        {list.error && (
          <Alert
            status="danger"
            icon
            role="alert"
            title={t('instances.page.error', {
              message: errorMessage(list.error, t),
            })}
          />
        )}
        {list.nextCursor && (
          <div>
            <Button
              variant="secondary"
              onPress={list.loadMore}
              isDisabled={list.loading}
            >
              {t('instances.page.more')}
            </Button>
          </div>
        )}
      </Flex>
    );
  }

  const requestButton = (
    <ButtonLink href={requestFormPath(ownUai)} variant="primary">
      {t('instances.page.request')}
    </ButtonLink>
  );

  return (
    <Page themeId="tool">
      <Header
        title={t('instances.page.title')}
        subtitle={
          several
            ? t('instances.page.subtitleAmue')
            : t('instances.page.subtitle')
        }
        pageTitleOverride={t('instances.page.title')}
      >
        {mayRequest && !narrow && requestButton}
      </Header>
      <Content>
        <Flex direction="column" gap="4">
          {/* On a phone the header has no room beside its subtitle: the
              button comes first in the page instead of covering it. */}
          {mayRequest && narrow && <div>{requestButton}</div>}
          {filterBar}
          <Text as="p" variant="body-small" aria-live="polite">
            {list.loading && list.items.length === 0
              ? ''
              : t('instances.page.shown', {
                  count: list.items.length,
                })}
          </Text>
          {body}
        </Flex>
      </Content>
    </Page>
  );
}
