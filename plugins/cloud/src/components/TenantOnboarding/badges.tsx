import {
  progress,
  type OnboardingStepStatus,
  type TenantListItem,
} from '@amue/plugin-cloud-common';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Flex, Text } from '@backstage/ui';
import LinearProgress from '@material-ui/core/LinearProgress';
import BlockIcon from '@material-ui/icons/Block';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import PlayCircleOutlineIcon from '@material-ui/icons/PlayCircleOutline';
import RadioButtonUncheckedIcon from '@material-ui/icons/RadioButtonUnchecked';
import RedoIcon from '@material-ui/icons/Redo';
import type { ComponentType } from 'react';
import { cloudTranslationRef } from '../../translation';
import { StatusChip } from '../common/StatusChip';
import { useOnboardingLabels, type Waiting } from './labels';

const STATUS_ICONS: Record<OnboardingStepStatus, ComponentType<any>> = {
  todo: RadioButtonUncheckedIcon,
  in_progress: PlayCircleOutlineIcon,
  done: CheckCircleIcon,
  blocked: BlockIcon,
  skipped: RedoIcon,
};

/**
 * The status of a step: an icon and its name, never the colour alone.
 */
export function StepStatusBadge(props: { status: OnboardingStepStatus }) {
  const labels = useOnboardingLabels();
  const Icon = STATUS_ICONS[props.status] ?? RadioButtonUncheckedIcon;
  return (
    <span
      data-step-status={props.status}
      style={{
        display: 'inline-flex',
        alignItems: 'center',
        gap: 'var(--bui-space-1)',
      }}
    >
      <Icon fontSize="small" aria-hidden="true" />
      <StatusChip value={labels.stepStatus(props.status)} />
    </span>
  );
}

/** Whose move it is ("Action required", "Waiting on Amue"...). */
export function WaitingBadge(props: { waiting: Waiting }) {
  const labels = useOnboardingLabels();
  return (
    <span data-waiting={props.waiting}>
      <StatusChip value={labels.waiting(props.waiting)} />
    </span>
  );
}

/**
 * A progress bar with its value written beside it; `label` names it for
 * assistive technologies.
 */
export function OnboardingProgress(props: { value: number; label: string }) {
  const labels = useOnboardingLabels();
  const percent = labels.percent(props.value);
  return (
    <Flex align="center" gap="2" style={{ minWidth: '9rem' }}>
      <LinearProgress
        variant="determinate"
        value={Math.round(props.value * 100)}
        aria-label={props.label}
        aria-valuetext={percent}
        style={{ flexGrow: 1, height: 8, borderRadius: 4 }}
      />
      <Text variant="body-small" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {percent}
      </Text>
    </Flex>
  );
}

/**
 * The progress of a listed tenant (`GET /tenants?include=steps`), or
 * "unknown" when the list came without its steps.
 */
export function TenantProgress(props: { tenant: TenantListItem }) {
  const { tenant } = props;
  const { t } = useTranslationRef(cloudTranslationRef);
  if (!tenant.steps) {
    return (
      <Text variant="body-small" color="secondary">
        {t('instances.page.progressUnknown')}
      </Text>
    );
  }
  return (
    <OnboardingProgress
      value={progress(tenant.steps)}
      label={t('instances.page.progressLabel', { name: tenant.name })}
    />
  );
}
