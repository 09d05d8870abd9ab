import { UAI_ANNOTATION } from '@amue/plugin-cloud-common';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { Link, Progress } from '@backstage/core-components';
import {
  identityApiRef,
  useApi,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import {
  EntityDisplayName,
  EntityInfoCard,
  useEntity,
} from '@backstage/plugin-catalog-react';
import { Alert, Button, Flex, Text } from '@backstage/ui';
import useAsync from 'react-use/esm/useAsync';
import { cloudTranslationRef } from '../../translation';
import { requestFormPath, tenantPagePath } from '../TenantOnboarding/paths';
import { DataTable } from '../Adoption/DataTable';
import { useAdoptionLabels } from '../Adoption/useAdoptionLabels';
import { useCloudLabels } from '../common/labels';
import { StatusChip } from '../common/StatusChip';
import { TenantProgress } from '../TenantOnboarding/badges';
import { type ListedTenant, useTenantList } from '../MyInstances/useTenantList';

/** Tenants asked for at a time. */
export const TENANTS_PAGE_SIZE = 50;

/** Whether the signed-in user is a member of the group `entityRef`. */
function useIsMember(entityRef: string): boolean | undefined {
  const identityApi = useApi(identityApiRef);
  const { value } = useAsync(async () => {
    const identity = await identityApi.getBackstageIdentity();
    return identity.ownershipEntityRefs.includes(entityRef);
  }, [identityApi, entityRef]);
  return value;
}

/**
 * The hosted instances (tenants) of the establishment shown, from the cloud
 * backend, with where each onboarding stands: status, current step and
 * progress. The backend only returns the tenants the user may read, so a
 * member of another establishment sees an explained empty state.
 *
 * It replaces, on establishment pages, the instances card fed from the
 * catalog's `ownerOf` relations: the onboarding service is the source of
 * truth of the tenants and alone knows their steps.
 */
export function EstablishmentTenantsCard() {
  const { entity } = useEntity();
  const { t } = useTranslationRef(cloudTranslationRef);
  const labels = useAdoptionLabels();
  const cloudLabels = useCloudLabels();
  const entityRef = stringifyEntityRef(entity);
  const isMember = useIsMember(entityRef);
  const {
    loading,
    error,
    items: tenants,
    nextCursor,
    loadMore,
  } = useTenantList(
    {
      establishment: [entity.metadata.name],
      orderBy: 'name',
      order: 'asc',
    },
    { pageSize: TENANTS_PAGE_SIZE },
  );
  const establishmentTitle = entity.metadata.title ?? entity.metadata.name;

  let body;
  if (loading && tenants.length === 0) {
    body = <Progress />;
  } else if (error && tenants.length === 0) {
    body = (
      <Alert
        status="danger"
        icon
        role="alert"
        title={t('establishmentTenants.error', { message: error.message })}
      />
    );
  } else if (tenants.length === 0) {
    body =
      isMember === false ? (
        <Alert
          status="info"
          icon
          title={t('establishmentTenants.notVisible')}
        />
      ) : (
        <Flex direction="column" gap="2">
          <Text as="p">{t('establishmentTenants.empty')}</Text>
          <Text as="p">
            <Link
              to={requestFormPath(
                entity.metadata.annotations?.[UAI_ANNOTATION],
              )}
            >
              {t('establishmentTenants.request')}
            </Link>
          </Text>
        </Flex>
      );
  } else {
    body = (
      <Flex direction="column" gap="3">
        <DataTable<ListedTenant>
          caption={t('establishmentTenants.tableLabel', {
            name: establishmentTitle,
          })}
          rows={tenants}
          rowKey={tenant => tenant.name}
          columns={[
            {
              id: 'instance',
              header: t('establishmentTenants.instance'),
              rowHeader: true,
              cell: tenant => (
                <>
                  <Link to={tenantPagePath(tenant.name)}>
                    <EntityDisplayName
                      entityRef={{
                        kind: 'application',
                        namespace: 'default',
                        name: tenant.application,
                      }}
                      hideIcon
                      disableTooltip
                    />
                    {` — ${cloudLabels.environment(tenant.environment)}`}
                  </Link>
                  <Text as="div" variant="body-small" color="secondary">
                    {tenant.name}
                  </Text>
                </>
              ),
            },
            {
              id: 'status',
              header: t('establishmentTenants.status'),
              cell: tenant => (
                <StatusChip value={cloudLabels.tenantStatus(tenant.status)} />
              ),
            },
            {
              id: 'progress',
              header: t('establishmentTenants.progress'),
              cell: tenant => (
                <Flex direction="column" gap="1">
                  <Text variant="body-small">
                    {tenant.currentStep
                      ? t('establishmentTenants.currentStep', {
                          step: labels.step(tenant.currentStep),
                        })
                      : t('establishmentTenants.allStepsDone')}
                  </Text>
                  <TenantProgress tenant={tenant} />
                </Flex>
              ),
            },
          ]}
        />
        {error && (
          <Alert
            status="danger"
            icon
            role="alert"
            title={t('establishmentTenants.error', { message: error.message })}
          />
        )}
        {nextCursor && (
          <Button
            variant="secondary"
            size="small"
            isPending={loading}
            onPress={loadMore}
            style={{ alignSelf: 'start' }}
          >
            {t('establishmentTenants.more')}
          </Button>
        )}
        {isMember === false && (
          <Text as="p" variant="body-small" color="secondary">
            {t('establishmentTenants.onlyVisible')}
          </Text>
        )}
      </Flex>
    );
  }

  return (
    <EntityInfoCard
      // A stable hook for the accessibility checks of the browser tests.
      className="amue-establishment-tenants-card"
      title={t('establishmentTenants.title')}
    >
      {body}
    </EntityInfoCard>
  );
}
