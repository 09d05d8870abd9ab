import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  EntityInfoCard,
  EntityRefLink,
  useEntity,
} from '@backstage/plugin-catalog-react';
import { Link, Text } from '@backstage/ui';
import { isTenantEntity, uaiOfEstablishment } from '@amue/plugin-cloud-common';
import { cloudTranslationRef } from '../../translation';
import { Field, FieldList } from '../common/FieldList';
import { useCloudLabels } from '../common/labels';
import { StatusChip } from '../common/StatusChip';
import { tenantFieldRef } from '../common/useRelatedTenants';

/**
 * A Tenant (hosted instance): its application and establishment, where and
 * in which version it runs, its status, its address and its single sign-on.
 */
export function TenantCard() {
  const { entity } = useEntity();
  const { t } = useTranslationRef(cloudTranslationRef);
  const labels = useCloudLabels();

  if (!isTenantEntity(entity)) {
    return null;
  }
  const { spec } = entity;
  const uai = uaiOfEstablishment(spec.establishment ?? '');

  return (
    <EntityInfoCard title={t('tenantCard.title')}>
      <FieldList>
        <Field label={t('tenantCard.application')}>
          <EntityRefLink
            entityRef={tenantFieldRef(entity, spec.application, 'application')}
          />
        </Field>
        <Field label={t('tenantCard.establishment')}>
          <EntityRefLink
            entityRef={tenantFieldRef(entity, spec.establishment, 'group')}
          />
        </Field>
        <Field label={t('tenantCard.uai')}>
          {uai ?? t('values.notProvided')}
        </Field>
        <Field label={t('tenantCard.environment')}>
          {labels.environment(spec.environment)}
        </Field>
        <Field label={t('tenantCard.version')}>{spec.version}</Field>
        <Field label={t('tenantCard.status')}>
          <StatusChip value={labels.tenantStatus(spec.status)} />
        </Field>
        <Field label={t('tenantCard.url')} wide>
          {spec.url ? (
            <Link href={spec.url} target="_blank" rel="noopener noreferrer">
              {spec.url}
            </Link>
          ) : (
            t('tenantCard.urlPending')
          )}
        </Field>
        <Field label={t('tenantCard.ssoProtocol')}>
          {spec.sso
            ? labels.ssoProtocol(spec.sso.protocol)
            : t('tenantCard.ssoNotConfigured')}
        </Field>
        <Field label={t('tenantCard.idpEntityId')} wide>
          {spec.sso ? (
            <Text as="span" style={{ fontFamily: 'monospace' }}>
              {spec.sso.idpEntityId}
            </Text>
          ) : (
            t('tenantCard.ssoNotConfigured')
          )}
        </Field>
      </FieldList>
    </EntityInfoCard>
  );
}
