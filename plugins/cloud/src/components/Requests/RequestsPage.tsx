import {
  Content,
  Header,
  Link,
  Page,
  Progress,
} from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { Alert, Button, Flex, Text } from '@backstage/ui';
import { useEffect, useId, useState } from 'react';
import { cloudApiRef, type ListTenantsQuery } from '../../api';
import {
  actorSideOf,
  useApplications,
  useCloudUser,
  useEstablishments,
} from '../../hooks';
import { cloudTranslationRef } from '../../translation';
import { DueDate } from '../common/DueDate';
import { DataColumn, DataTable } from '../Adoption/DataTable';
import { useCloudLabels } from '../common/labels';
import { FilterSelect } from '../common/FilterSelect';
import { ListedTenant, useTenantList } from '../MyInstances/useTenantList';
import { errorMessage } from '../TenantOnboarding/errors';
import { useOnboardingLabels } from '../TenantOnboarding/labels';
import { INSTANCES_PATH, tenantPagePath } from '../TenantOnboarding/paths';
import { Section } from '../TenantOnboarding/Section';
import { DecisionForm, RecordedDecision } from './DecisionForm';
import { groupRequests, PendingRequest } from './groupRequests';

/** Tenants asked for at a time, in each list. */
export const REQUESTS_PAGE_SIZE = 20;

type TenantList = ReturnType<typeof useTenantList>;

function ListBody<T>(props: {
  list: TenantList;
  rows: T[];
  rowKey: (row: T) => string;
  caption: string;
  empty: string;
  columns: DataColumn<T>[];
}) {
  const { list, rows, rowKey, caption, empty, columns } = props;
  const { t } = useTranslationRef(cloudTranslationRef);
  if (list.error && list.items.length === 0) {
    return (
      <Alert
        status="danger"
        icon
        role="alert"
        title={t('requests.error', { message: errorMessage(list.error, t) })}
        customActions={
          <Button variant="secondary" size="small" onPress={list.reload}>
            {t('requests.retry')}
          </Button>
        }
      />
    );
  }
  if (list.loading && list.items.length === 0) {
    return <Progress />;
  }
  if (list.items.length === 0) {
    return <Text as="p">{empty}</Text>;
  }
  return (
    <Flex direction="column" gap="3">
      <DataTable
        caption={caption}
        columns={columns}
        rows={rows}
        rowKey={rowKey}
      />
      {list.nextCursor && (
        <div>
          <Button
            variant="secondary"
            onPress={list.loadMore}
            isDisabled={list.loading}
          >
            {t('requests.more')}
          </Button>
        </div>
      )}
    </Flex>
  );
}

/**
 * What the last decision did, named in words, with "Annuler" (undo) while
 * it can still be undone.
 */
function DecisionNotice(props: {
  title: string;
  status: 'success' | 'info';
  error?: string;
  busy: boolean;
  onUndo?: () => void;
  onClose: () => void;
}) {
  const { title, status, error, busy, onUndo, onClose } = props;
  const { t } = useTranslationRef(cloudTranslationRef);
  return (
    <Alert
      status={error ? 'danger' : status}
      icon
      title={title}
      description={error}
      customActions={
        <Flex gap="2">
          {onUndo && (
            <Button
              variant="secondary"
              size="small"
              isDisabled={busy}
              onPress={onUndo}
            >
              {t('requests.undo.action')}
            </Button>
          )}
          <Button variant="tertiary" size="small" onPress={onClose}>
            {t('requests.undo.close')}
          </Button>
        </Flex>
      }
    />
  );
}

/**
 * "Requests" (`/cloud/requests`), for Amue's product owners: the requests
 * waiting for qualification, to approve or reject with a comment, and the
 * instances with a blocked step, of the applications they own (the backend
 * returns only those). Refreshed live.
 *
 * @internal
 */
export function RequestsPage() {
  const { t } = useTranslationRef(cloudTranslationRef);
  const id = useId();
  const cloudLabels = useCloudLabels();
  const labels = useOnboardingLabels();
  const user = useCloudUser();
  const applications = useApplications();
  const establishments = useEstablishments();
  const [application, setApplication] = useState('');
  const [establishment, setEstablishment] = useState('');
  const cloudApi = useApi(cloudApiRef);
  // The last decision taken on this page, shown with a way to undo it.
  const [decided, setDecided] = useState<RecordedDecision>();
  const [undo, setUndo] = useState<{
    state: 'busy' | 'done' | 'failed';
    message?: string;
  }>();

  const filters: ListTenantsQuery = {
    ...(application ? { application: [application] } : {}),
    ...(establishment ? { establishment: [establishment] } : {}),
  };
  // Amue: the administrators and the members of a team owning an
  // application. Others are shown the way to their own instances.
  const isAmue =
    Boolean(user.value?.isAdmin) ||
    [...(applications.value?.values() ?? [])].some(
      a => a.owner && user.value?.ownershipEntityRefs.includes(a.owner),
    );
  const ready = !user.loading && !applications.loading;
  const pending = useTenantList(
    {
      ...filters,
      status: ['requested'],
      currentStep: 'qualification',
      orderBy: 'createdAt',
      order: 'asc',
    },
    { pageSize: REQUESTS_PAGE_SIZE, enabled: ready && isAmue },
  );
  const blocked = useTenantList(
    { ...filters, blocked: true, orderBy: 'updatedAt', order: 'asc' },
    { pageSize: REQUESTS_PAGE_SIZE, enabled: ready && isAmue },
  );

  // The establishment filter offers the establishments that have requests
  // (pending or blocked), as seen without an establishment chosen.
  const [withRequests, setWithRequests] = useState<string[]>([]);
  useEffect(() => {
    if (establishment || pending.loading || blocked.loading) {
      return;
    }
    setWithRequests(
      [
        ...new Set(
          [...pending.items, ...blocked.items].map(item => item.establishment),
        ),
      ].sort(),
    );
  }, [
    establishment,
    pending.loading,
    blocked.loading,
    pending.items,
    blocked.items,
  ]);

  const applicationTitle = (name: string) =>
    applications.value?.get(name)?.title ?? name;
  const establishmentTitle = (name: string) =>
    establishments.value?.get(name)?.title ?? name;
  const environmentsOf = (tenants: ListedTenant[]) =>
    tenants
      .map(tenant => cloudLabels.environment(tenant.environment))
      .join(', ');
  /** "SIFAC (Test, Production) — Université de Bordeaux" */
  const requestName = (tenants: ListedTenant[]) =>
    t('requests.requestName', {
      application: applicationTitle(tenants[0].application),
      environments: environmentsOf(tenants),
      establishment: establishmentTitle(tenants[0].establishment),
    });
  const pendingRequests = groupRequests(pending.items);

  const reload = () => {
    pending.reload();
    blocked.reload();
  };
  const undoDecision = async (decision: RecordedDecision) => {
    setUndo({ state: 'busy' });
    try {
      for (const { tenant, rowVersion } of decision.tenants) {
        await cloudApi.undoDecision(tenant.name, { rowVersion });
      }
      setUndo({ state: 'done' });
    } catch (e) {
      setUndo({
        state: 'failed',
        message: t('requests.undo.failed', { message: errorMessage(e, t) }),
      });
    } finally {
      reload();
    }
  };

  const instanceColumn: DataColumn<ListedTenant> = {
    id: 'instance',
    header: t('requests.columns.instance'),
    rowHeader: true,
    cell: tenant => (
      <Flex direction="column" gap="1">
        <Link to={tenantPagePath(tenant.name)}>{tenant.name}</Link>
      </Flex>
    ),
  };
  const commonColumns: DataColumn<ListedTenant>[] = [
    instanceColumn,
    {
      id: 'establishment',
      header: t('requests.columns.establishment'),
      cell: tenant => (
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
    {
      id: 'application',
      header: t('requests.columns.application'),
      cell: tenant => (
        <Flex direction="column" gap="1">
          <Text variant="body-small">
            {applicationTitle(tenant.application)}
          </Text>
          <Text variant="body-x-small" color="secondary">
            {`${cloudLabels.environment(tenant.environment)} · ${
              tenant.version
            }`}
          </Text>
        </Flex>
      ),
    },
  ];

  // One row per request: its tenants (one per environment asked for) side
  // by side, the common columns read from the first one.
  const first = (request: PendingRequest) => request.tenants[0];
  const pendingColumns: DataColumn<PendingRequest>[] = [
    {
      ...instanceColumn,
      cell: request => (
        <Flex direction="column" gap="1">
          {request.tenants.map(tenant => (
            <Link key={tenant.name} to={tenantPagePath(tenant.name)}>
              {tenant.name}
            </Link>
          ))}
        </Flex>
      ),
    },
    {
      ...commonColumns[1],
      cell: request => commonColumns[1].cell(first(request)),
    },
    {
      ...commonColumns[2],
      cell: request => (
        <Flex direction="column" gap="1">
          <Text variant="body-small">
            {applicationTitle(first(request).application)}
          </Text>
          <Text variant="body-x-small" color="secondary">
            {`${environmentsOf(request.tenants)} · ${first(request).version}`}
          </Text>
        </Flex>
      ),
    },
    {
      id: 'requestedOn',
      header: t('requests.columns.requestedOn'),
      // with the qualification's due date, when it has one
      cell: request => {
        const tenant = first(request);
        const qualification = tenant.steps?.find(s => s.id === 'qualification');
        return (
          <Flex direction="column" gap="1">
            <time dateTime={tenant.createdAt}>
              {labels.date(tenant.createdAt)}
            </time>
            {qualification && <DueDate step={qualification} hideNone />}
          </Flex>
        );
      },
    },
    {
      id: 'details',
      header: t('requests.columns.details'),
      cell: ({ tenants: [tenant] }) => (
        <Flex direction="column" gap="1">
          <Text variant="body-small">
            {tenant.request.migration
              ? t('onboarding.summary.migration')
              : t('onboarding.summary.newInstallation')}
          </Text>
          {typeof tenant.request.expectedUsers === 'number' && (
            <Text variant="body-small">
              {t('requests.expectedUsers', {
                count: tenant.request.expectedUsers,
              })}
            </Text>
          )}
          {tenant.request.wishedGoLiveDate && (
            <Text variant="body-small">
              {t('requests.wishedGoLive', {
                date: labels.date(tenant.request.wishedGoLiveDate),
              })}
            </Text>
          )}
          {tenant.request.comment && (
            <Text
              variant="body-small"
              color="secondary"
              style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
            >
              {tenant.request.comment}
            </Text>
          )}
        </Flex>
      ),
    },
    {
      id: 'decision',
      header: t('requests.columns.decision'),
      cell: request => {
        const tenant = first(request);
        const side = actorSideOf(
          user.value,
          tenant,
          applications.value?.get(tenant.application)?.owner,
        );
        if (side !== 'amue' && side !== 'any') {
          return (
            <Text variant="body-small" color="secondary">
              {t('onboarding.waiting.amue')}
            </Text>
          );
        }
        const onDecided = (decision?: RecordedDecision) => {
          if (decision) {
            setDecided(decision);
            setUndo(undefined);
          }
          reload();
        };
        return (
          <Flex direction="column" gap="2">
            <DecisionForm
              tenants={request.tenants}
              name={requestName(request.tenants)}
              onDecided={onDecided}
            />
            {request.tenants.length > 1 && (
              <details>
                <summary>
                  <Text variant="body-small">{t('requests.separately')}</Text>
                </summary>
                <Flex direction="column" gap="3" style={{ marginTop: 8 }}>
                  {request.tenants.map(one => (
                    <DecisionForm
                      key={one.name}
                      tenants={[one]}
                      name={requestName([one])}
                      onDecided={onDecided}
                    />
                  ))}
                </Flex>
              </details>
            )}
          </Flex>
        );
      },
    },
  ];

  const blockedStep = (tenant: ListedTenant) =>
    tenant.steps?.find(s => s.status === 'blocked');
  const blockedColumns: DataColumn<ListedTenant>[] = [
    ...commonColumns,
    {
      id: 'step',
      header: t('requests.blocked.step'),
      cell: tenant => {
        const step = blockedStep(tenant);
        if (!step) {
          return '';
        }
        return (
          <Text variant="body-small">
            {`${labels.step(step.id)} (${labels.side(step.side)})`}
          </Text>
        );
      },
    },
    {
      id: 'reason',
      header: t('requests.blocked.reason'),
      cell: tenant => {
        const step = blockedStep(tenant);
        if (!step) {
          return '';
        }
        return (
          <Text
            variant="body-small"
            style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
          >
            {step.reason || t('requests.blocked.noReason')}
          </Text>
        );
      },
    },
    {
      id: 'since',
      header: t('requests.blocked.since'),
      cell: tenant => {
        const step = blockedStep(tenant);
        // with the blocked step's due date, when it has one
        return step ? (
          <Flex direction="column" gap="1">
            <time dateTime={step.updatedAt}>{labels.date(step.updatedAt)}</time>
            <DueDate step={step} hideNone />
          </Flex>
        ) : (
          ''
        );
      },
    },
  ];

  return (
    <Page themeId="tool">
      <Header
        title={t('requests.title')}
        subtitle={t('requests.subtitle')}
        pageTitleOverride={t('requests.title')}
      />
      <Content>
        {!ready && <Progress />}
        {ready && !isAmue && (
          <Alert
            status="info"
            icon
            title={t('requests.reserved.title')}
            description={
              <Flex direction="column" gap="2">
                <Text as="p">{t('requests.reserved.text')}</Text>
                <Text as="p">
                  <Link to={INSTANCES_PATH}>{t('requests.reserved.link')}</Link>
                </Text>
              </Flex>
            }
          />
        )}
        {ready && isAmue && (
          <Flex direction="column" gap="4">
            <form
              aria-label={t('requests.filters')}
              onSubmit={event => event.preventDefault()}
            >
              <Flex gap="3" align="end" style={{ flexWrap: 'wrap' }}>
                <FilterSelect
                  id={`${id}-application`}
                  label={t('requests.application')}
                  allLabel={t('requests.allApplications')}
                  value={application}
                  options={[...(applications.value?.values() ?? [])]
                    .filter(
                      a =>
                        user.value?.isAdmin ||
                        (a.owner &&
                          user.value?.ownershipEntityRefs.includes(a.owner)),
                    )
                    .map(a => ({ value: a.name, label: a.title }))}
                  onChange={setApplication}
                />
                <FilterSelect
                  id={`${id}-establishment`}
                  label={t('requests.establishment')}
                  width="22rem"
                  allLabel={t('requests.allEstablishments')}
                  value={establishment}
                  options={[...(establishments.value?.values() ?? [])]
                    .filter(
                      e =>
                        withRequests.includes(e.name) ||
                        e.name === establishment,
                    )
                    .map(e => ({
                      value: e.name,
                      label: e.uai
                        ? t('requests.establishmentOption', {
                            title: e.title,
                            uai: e.uai,
                          })
                        : e.title,
                    }))}
                  onChange={setEstablishment}
                />
              </Flex>
            </form>
            <div role="status" aria-live="polite">
              {decided && (
                <DecisionNotice
                  title={
                    undo?.state === 'done'
                      ? t('requests.undo.done', {
                          request: requestName(
                            decided.tenants.map(d => d.tenant),
                          ),
                        })
                      : t(
                          decided.decision === 'approve'
                            ? 'requests.decided.approved'
                            : 'requests.decided.rejected',
                          {
                            request: requestName(
                              decided.tenants.map(d => d.tenant),
                            ),
                          },
                        )
                  }
                  status={undo?.state === 'done' ? 'info' : 'success'}
                  error={undo?.state === 'failed' ? undo.message : undefined}
                  onUndo={
                    undo?.state === 'done'
                      ? undefined
                      : () => undoDecision(decided)
                  }
                  busy={undo?.state === 'busy'}
                  onClose={() => {
                    setDecided(undefined);
                    setUndo(undefined);
                  }}
                />
              )}
            </div>
            <Section title={t('requests.pending.title')}>
              <Flex direction="column" gap="3">
                {pending.items.length > 0 && !pending.nextCursor && (
                  <Text as="p">
                    {t('requests.pending.description', {
                      count: pendingRequests.length,
                    })}
                  </Text>
                )}
                <ListBody
                  list={pending}
                  rows={pendingRequests}
                  rowKey={request => request.key}
                  caption={t('requests.pending.title')}
                  empty={t('requests.pending.empty')}
                  columns={pendingColumns}
                />
              </Flex>
            </Section>
            <Section title={t('requests.blocked.title')}>
              <Flex direction="column" gap="3">
                {blocked.items.length > 0 && !blocked.nextCursor && (
                  <Text as="p">
                    {t('requests.blocked.description', {
                      count: blocked.items.length,
                    })}
                  </Text>
                )}
                <ListBody
                  list={blocked}
                  rows={blocked.items}
                  rowKey={tenant => tenant.name}
                  caption={t('requests.blocked.title')}
                  empty={t('requests.blocked.empty')}
                  columns={blockedColumns}
                />
              </Flex>
            </Section>
          </Flex>
        )}
      </Content>
    </Page>
  );
}
