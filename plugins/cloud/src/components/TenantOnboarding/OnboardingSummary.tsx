import { progress, type OnboardingActorSide } from '@amue/plugin-cloud-common';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Link } from '@backstage/ui';
import type { TenantWithEvents } from '../../api';
import { cloudTranslationRef } from '../../translation';
import { Field, FieldList } from '../common/FieldList';
import { useCloudLabels } from '../common/labels';
import { StatusChip } from '../common/StatusChip';
import { OnboardingProgress, StepStatusBadge, WaitingBadge } from './badges';
import { useOnboardingLabels, waitingOf } from './labels';

/**
 * Where a tenant's onboarding stands: status, current step, whose move it
 * is, progress, and the facts of the request.
 */
export function OnboardingSummary(props: {
  tenant: TenantWithEvents;
  side: OnboardingActorSide | undefined;
}) {
  const { tenant, side } = props;
  const { t } = useTranslationRef(cloudTranslationRef);
  const labels = useOnboardingLabels();
  const cloudLabels = useCloudLabels();
  const current = tenant.steps.find(s => s.id === tenant.currentStep);

  return (
    <FieldList>
      <Field label={t('onboarding.summary.status')}>
        <StatusChip value={cloudLabels.tenantStatus(tenant.status)} />
      </Field>
      <Field label={t('onboarding.summary.currentStep')}>
        {current ? (
          <span
            style={{
              display: 'inline-flex',
              flexWrap: 'wrap',
              gap: 'var(--bui-space-2)',
              alignItems: 'center',
            }}
          >
            {labels.step(current.id)}
            <StepStatusBadge status={current.status} />
          </span>
        ) : (
          t('onboarding.waiting.done')
        )}
      </Field>
      <Field label={t('onboarding.summary.waiting')}>
        <WaitingBadge waiting={waitingOf(tenant, side)} />
      </Field>
      <Field label={t('onboarding.summary.progress')}>
        <OnboardingProgress
          value={progress(tenant.steps)}
          label={t('onboarding.summary.progressLabel')}
        />
      </Field>
      <Field label={t('onboarding.summary.wishedGoLive')}>
        {tenant.request.wishedGoLiveDate
          ? labels.date(tenant.request.wishedGoLiveDate)
          : t('values.notProvided')}
      </Field>
      <Field label={t('onboarding.summary.version')}>{tenant.version}</Field>
      <Field label={t('onboarding.summary.installation')}>
        {tenant.request.migration
          ? t('onboarding.summary.migration')
          : t('onboarding.summary.newInstallation')}
      </Field>
      <Field label={t('onboarding.summary.url')}>
        {tenant.url ? (
          <Link href={tenant.url} target="_blank" rel="noopener noreferrer">
            {tenant.url}
          </Link>
        ) : (
          t('onboarding.summary.urlPending')
        )}
      </Field>
    </FieldList>
  );
}
