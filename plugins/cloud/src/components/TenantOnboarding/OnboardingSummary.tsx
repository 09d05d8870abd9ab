import {
  isStepSettled,
  progress,
  type OnboardingActorSide,
} from '@amue/plugin-cloud-common';
import { makeStyles } from '@material-ui/core/styles';
import WarningIcon from '@material-ui/icons/Warning';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Link } from '@backstage/ui';
import type { TenantWithEvents } from '../../api';
import { cloudTranslationRef } from '../../translation';
import { Field, FieldList } from '../common/FieldList';
import { useCloudLabels } from '../common/labels';
import { StatusChip } from '../common/StatusChip';
import { OnboardingProgress, StepStatusBadge, WaitingBadge } from './badges';
import { useOnboardingLabels, waitingOf } from './labels';

const useStyles = makeStyles(theme => ({
  pastDate: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: theme.spacing(0.5),
    marginTop: theme.spacing(0.5),
    fontWeight: 600,
    '& svg': { color: theme.palette.warning.dark, flexShrink: 0 },
  },
}));

/**
 * True when the go-live wished by the establishment is a day already past
 * while the instance is not live yet: the date needs agreeing again.
 */
export function isWishedGoLivePast(
  tenant: Pick<TenantWithEvents, 'request' | 'steps'>,
  now: Date = new Date(),
): boolean {
  const wished = tenant.request.wishedGoLiveDate;
  if (!wished) {
    return false;
  }
  const goLive = tenant.steps.find(s => s.id === 'go-live');
  if (goLive && isStepSettled(goLive.status)) {
    return false;
  }
  // The wished day is past once it is over (end of that day, UTC).
  const end = Date.parse(`${wished.slice(0, 10)}T23:59:59.999Z`);
  return Number.isFinite(end) && end < now.getTime();
}

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
  const classes = useStyles();

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
        {isWishedGoLivePast(tenant) && (
          <span className={classes.pastDate} data-testid="wished-go-live-past">
            <WarningIcon fontSize="small" aria-hidden="true" />
            {t('onboarding.summary.wishedGoLivePast')}
          </span>
        )}
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
