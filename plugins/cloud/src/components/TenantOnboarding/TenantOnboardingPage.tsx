import { Content, Header, Page } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { useParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { cloudTranslationRef } from '../../translation';
import { useCloudLabels } from '../common/labels';
import { TenantOnboarding, useReaderSide } from './TenantOnboarding';
import { useTenantDetails } from './useTenantDetails';

/** The title of an establishment Group, from the catalog. */
function useEstablishmentTitle(name: string | undefined) {
  const catalogApi = useApi(catalogApiRef);
  const { value } = useAsync(async () => {
    if (!name) {
      return undefined;
    }
    const entity = await catalogApi
      .getEntityByRef({ kind: 'Group', namespace: 'default', name })
      .catch(() => undefined);
    const profile = entity?.spec?.profile as
      | { displayName?: string }
      | undefined;
    return entity?.metadata.title ?? profile?.displayName;
  }, [catalogApi, name]);
  return value ?? name;
}

/**
 * The onboarding page of a tenant, `/cloud/tenants/:name`: where the
 * notifications of the cloud backend lead.
 *
 * @internal
 */
export function TenantOnboardingPage() {
  const { name = '' } = useParams();
  const { t } = useTranslationRef(cloudTranslationRef);
  const cloudLabels = useCloudLabels();
  const details = useTenantDetails(name);
  const { tenant } = details;
  const { applicationTitle } = useReaderSide(tenant);
  const establishment = useEstablishmentTitle(tenant?.establishment);

  const title = tenant
    ? t('onboarding.pageTitle', {
        application: applicationTitle ?? tenant.application,
        environment: cloudLabels.environment(tenant.environment),
        establishment: establishment ?? tenant.establishment,
      })
    : name;

  return (
    <Page themeId="tool">
      <Header
        title={title}
        subtitle={t('onboarding.pageSubtitle', { name })}
        pageTitleOverride={title}
      />
      <Content>
        <TenantOnboarding details={details} />
      </Content>
    </Page>
  );
}
