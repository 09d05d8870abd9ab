import { progress } from '@amue/plugin-cloud-common';
import { Link, Progress } from '@backstage/core-components';
import { useRouteRef, useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  EntityInfoCard,
  entityRouteParams,
  entityRouteRef,
  useEntity,
} from '@backstage/plugin-catalog-react';
import { tenantPagePath } from '../TenantOnboarding/paths';
import { Alert, Flex, Text } from '@backstage/ui';
import { cloudTranslationRef } from '../../translation';
import { Field, FieldList } from '../common/FieldList';
import { useCloudLabels } from '../common/labels';
import { StatusChip } from '../common/StatusChip';
import {
  OnboardingProgress,
  StepStatusBadge,
  WaitingBadge,
} from '../TenantOnboarding/badges';
import { errorMessage } from '../TenantOnboarding/errors';
import { useOnboardingLabels, waitingOf } from '../TenantOnboarding/labels';
import { useReaderSide } from '../TenantOnboarding/TenantOnboarding';
import {
  hasStatus,
  useTenantDetails,
} from '../TenantOnboarding/useTenantDetails';

/**
 * Where the onboarding of a Tenant entity stands, from the cloud backend:
 * status, current step, whose move it is, progress, and the way to the
 * "Onboarding" tab. Refreshed live.
 */
export function TenantSummaryCard() {
  const { entity } = useEntity();
  const { t } = useTranslationRef(cloudTranslationRef);
  const labels = useOnboardingLabels();
  const cloudLabels = useCloudLabels();
  const { tenant, loading, error } = useTenantDetails(entity.metadata.name);
  const { side } = useReaderSide(tenant);
  const entityRoute = useRouteRef(entityRouteRef);
  // The "Onboarding" tab of this entity page; the tenant's own page when
  // entity pages are not routed.
  const onboardingPath = entityRoute
    ? `${entityRoute(entityRouteParams(entity))}/onboarding`
    : tenantPagePath(entity.metadata.name);

  let body;
  if (tenant) {
    const current = tenant.steps.find(s => s.id === tenant.currentStep);
    body = (
      <Flex direction="column" gap="3">
        <FieldList>
          <Field label={t('tenantSummary.status')}>
            <StatusChip value={cloudLabels.tenantStatus(tenant.status)} />
          </Field>
          <Field label={t('tenantSummary.currentStep')}>
            {current ? (
              <Flex direction="column" gap="1" align="start">
                <span>{labels.step(current.id)}</span>
                <StepStatusBadge status={current.status} />
              </Flex>
            ) : (
              t('onboarding.waiting.done')
            )}
          </Field>
          <Field label={t('tenantSummary.waiting')}>
            <WaitingBadge waiting={waitingOf(tenant, side)} />
          </Field>
          <Field label={t('tenantSummary.progress')} wide>
            <OnboardingProgress
              value={progress(tenant.steps)}
              label={t('tenantSummary.progressLabel')}
            />
          </Field>
        </FieldList>
        <Text as="p">
          <Link to={onboardingPath}>{t('tenantSummary.open')}</Link>
        </Text>
      </Flex>
    );
  } else if (loading) {
    body = <Progress />;
  } else if (hasStatus(error, 404)) {
    body = <Text as="p">{t('tenantSummary.notFound')}</Text>;
  } else {
    body = (
      <Alert
        status="danger"
        icon
        role="alert"
        title={t('tenantSummary.error', { message: errorMessage(error, t) })}
      />
    );
  }

  return (
    <EntityInfoCard title={t('tenantSummary.title')}>{body}</EntityInfoCard>
  );
}
