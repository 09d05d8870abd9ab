import {
  getStepDefinition,
  isStepSettled,
  type OnboardingActorSide,
  type TenantStep,
} from '@amue/plugin-cloud-common';
import { Link } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Button, Flex, Text } from '@backstage/ui';
import { makeStyles } from '@material-ui/core/styles';
import MenuBookIcon from '@material-ui/icons/MenuBook';
import type { TenantWithEvents } from '../../api';
import { cloudTranslationRef } from '../../translation';
import { EventActor } from './EventActor';
import { DueDate } from '../common/DueDate';
import { stepActions } from './actions';
import { StepStatusBadge } from './badges';
import { OnboardingUiAction, useOnboardingLabels } from './labels';
import { stepDocumentationPath } from './paths';

const useStyles = makeStyles(theme => ({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
  },
  item: {
    position: 'relative',
    padding: theme.spacing(0, 0, 3, 4),
    borderLeft: `2px solid ${theme.palette.divider}`,
    marginLeft: theme.spacing(1.5),
    '&:last-child': {
      borderLeftColor: 'transparent',
      paddingBottom: 0,
    },
  },
  marker: {
    position: 'absolute',
    left: -13,
    top: 0,
    width: 24,
    height: 24,
    borderRadius: '50%',
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    fontSize: '0.75rem',
    fontWeight: 700,
    backgroundColor: theme.palette.background.paper,
    border: `2px solid ${theme.palette.text.secondary}`,
    color: theme.palette.text.primary,
  },
  current: {
    borderColor: theme.palette.primary.main,
    backgroundColor: theme.palette.primary.main,
    color: theme.palette.primary.contrastText,
  },
  heading: {
    margin: 0,
    fontSize: '1rem',
    fontWeight: 600,
    lineHeight: '24px',
  },
  facts: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1, 2),
    margin: theme.spacing(0.5, 0),
  },
  // Reads as a link: underlined, with a book icon, in the link colour.
  documentation: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    fontSize: '0.875rem',
  },
  reason: {
    margin: theme.spacing(0.5, 0),
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
  },
}));

function LastChange(props: { tenant: TenantWithEvents; step: TenantStep }) {
  const { tenant, step } = props;
  const { t } = useTranslationRef(cloudTranslationRef);
  const labels = useOnboardingLabels();
  const last = tenant.events
    .filter(e => e.stepId === step.id && e.type !== 'comment.added')
    .reduce<TenantWithEvents['events'][number] | undefined>(
      (latest, e) => (!latest || e.at >= latest.at ? e : latest),
      undefined,
    );
  if (!last) {
    return null;
  }
  return (
    <Text as="p" variant="body-small">
      {`${t('onboarding.timeline.lastChange', {
        event: labels.eventType(last.type),
      })} — `}
      <EventActor actor={last.actor} />
      {' — '}
      <time dateTime={last.at}>{labels.dateTime(last.at)}</time>
    </Text>
  );
}

/**
 * The nine steps of a tenant's onboarding, in order, as a timeline: each
 * with its status (icon and words), its side, its due date, its last
 * change (what, who, when), the reason of a block or skip, its
 * documentation and the actions the reader may take.
 */
export function StepTimeline(props: {
  tenant: TenantWithEvents;
  side: OnboardingActorSide | undefined;
  busy: boolean;
  onAction: (step: TenantStep, action: OnboardingUiAction) => void;
  /**
   * Opens the dialog that changes a step's due date; given to Amue (the
   * application's product owners and the administrators) only.
   */
  onChangeDueDate?: (step: TenantStep) => void;
}) {
  const { tenant, side, busy, onAction, onChangeDueDate } = props;
  const mayChangeDueDates =
    Boolean(onChangeDueDate) &&
    (side === 'amue' || side === 'any') &&
    !tenant.decommissioned;
  const classes = useStyles();
  const { t } = useTranslationRef(cloudTranslationRef);
  const labels = useOnboardingLabels();
  const steps = [...tenant.steps].sort((a, b) => a.order - b.order);

  return (
    <ol className={classes.list}>
      {steps.map(step => {
        const definition = getStepDefinition(step.id);
        const name = labels.step(step.id);
        const isCurrent = tenant.currentStep === step.id;
        const actions = stepActions(tenant, step.id, side);
        return (
          <li
            key={step.id}
            className={classes.item}
            aria-current={isCurrent ? 'step' : undefined}
            data-step={step.id}
            id={`step-${step.id}`}
          >
            <span
              className={`${classes.marker} ${
                isCurrent ? classes.current : ''
              }`}
              aria-hidden="true"
            >
              {definition.order}
            </span>
            <h3 className={classes.heading}>
              {t('onboarding.timeline.stepTitle', {
                number: String(definition.order),
                step: name,
              })}
            </h3>
            <div className={classes.facts}>
              <StepStatusBadge status={step.status} />
              {isCurrent && (
                <Text variant="body-small" weight="bold">
                  {t('onboarding.timeline.current')}
                </Text>
              )}
              <Text variant="body-small">
                {t('onboarding.timeline.side', {
                  side: labels.side(definition.side),
                })}
              </Text>
              <DueDate step={step} />
            </div>
            {step.reason &&
              (step.status === 'blocked' || step.status === 'skipped') && (
                <Text as="p" variant="body-small" className={classes.reason}>
                  {t('onboarding.timeline.reason', { reason: step.reason })}
                </Text>
              )}
            <LastChange tenant={tenant} step={step} />
            <Flex align="center" gap="2" style={{ flexWrap: 'wrap' }}>
              {actions.map(action => (
                <Button
                  key={action}
                  size="small"
                  variant={
                    action === 'complete' || action === 'approve'
                      ? 'primary'
                      : 'secondary'
                  }
                  aria-label={t('onboarding.actionLabel', {
                    action: labels.action(action),
                    step: name,
                  })}
                  isDisabled={busy}
                  onPress={() => onAction(step, action)}
                >
                  {labels.action(action)}
                </Button>
              ))}
              {mayChangeDueDates && !isStepSettled(step.status) && (
                <Button
                  size="small"
                  variant="secondary"
                  aria-label={t('dueDates.changeLabel', { step: name })}
                  isDisabled={busy}
                  onPress={() => onChangeDueDate?.(step)}
                >
                  {t('dueDates.change')}
                </Button>
              )}
              <Link
                to={stepDocumentationPath(
                  tenant.application,
                  definition.documentation,
                )}
                underline="always"
                className={classes.documentation}
                aria-label={t('onboarding.timeline.documentationLabel', {
                  step: name,
                })}
              >
                <MenuBookIcon fontSize="small" aria-hidden="true" />
                {t('onboarding.timeline.documentation')}
              </Link>
            </Flex>
          </li>
        );
      })}
    </ol>
  );
}
