import type { OnboardingStepId, TenantStep } from '@amue/plugin-cloud-common';
import { Link, Progress } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { Alert, Button, Flex, Text, VisuallyHidden } from '@backstage/ui';
import { makeStyles } from '@material-ui/core/styles';
import { useCallback, useState } from 'react';
import { cloudApiRef } from '../../api';
import { actorSideOf, useApplications, useCloudUser } from '../../hooks';
import { cloudTranslationRef } from '../../translation';
import { reasonOf } from './actions';
import { CommentForm } from './CommentForm';
import { DueDateDialog } from './DueDateDialog';
import { errorMessage } from './errors';
import { EventList } from './EventHistory';
import { FiguresSection } from './FiguresSection';
import { OnboardingUiAction, useOnboardingLabels } from './labels';
import { OnboardingSummary } from './OnboardingSummary';
import { INSTANCES_PATH } from './paths';
import { ReasonDialog } from './ReasonDialog';
import { Section } from './Section';
import { StepTimeline } from './StepTimeline';
import { hasStatus, useTenantDetails } from './useTenantDetails';

const useStyles = makeStyles(theme => ({
  layout: {
    display: 'grid',
    gap: theme.spacing(3),
    gridTemplateColumns: 'minmax(0, 1fr)',
    [theme.breakpoints.up('lg')]: {
      gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 2fr)',
    },
  },
  column: {
    display: 'grid',
    gap: theme.spacing(3),
    alignContent: 'start',
    minWidth: 0,
  },
  wide: {
    gridColumn: '1 / -1',
  },
}));

type Feedback = { kind: 'success' | 'error'; message: string };
type Pending = { step: TenantStep; action: OnboardingUiAction };

/** The state of {@link useTenantDetails}. */
export type TenantDetailsState = ReturnType<typeof useTenantDetails>;

/** Whether the reader acts on the tenant, and for which side. */
export function useReaderSide(
  tenant: { application: string; establishment: string } | undefined,
) {
  const user = useCloudUser();
  const applications = useApplications();
  const application = tenant
    ? applications.value?.get(tenant.application)
    : undefined;
  return {
    loading: user.loading || applications.loading,
    side: tenant
      ? actorSideOf(user.value, tenant, application?.owner)
      : undefined,
    applicationTitle: application?.title ?? tenant?.application,
  };
}

/**
 * The onboarding of one tenant: where it stands, the nine steps with the
 * actions the reader may take, comments, funding and training, and the
 * history. Shared by the tenant's page (`/cloud/tenants/:name`) and the
 * "Onboarding" tab of Tenant entities. Every action sends the row version
 * it was shown; when someone else changed the row first, the reader is told
 * and may reload.
 */
export function TenantOnboarding(props: { details: TenantDetailsState }) {
  const { details } = props;
  const { tenant, reload } = details;
  const classes = useStyles();
  const { t } = useTranslationRef(cloudTranslationRef);
  const labels = useOnboardingLabels();
  const cloudApi = useApi(cloudApiRef);
  const { side } = useReaderSide(tenant);

  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>();
  const [pending, setPending] = useState<Pending>();
  const [dueDateStep, setDueDateStep] = useState<TenantStep>();

  /** Runs a change; true when it was recorded. */
  const change = useCallback(
    async (run: () => Promise<unknown>, success: string) => {
      setBusy(true);
      setFeedback(undefined);
      try {
        await run();
        setConflict(false);
        setFeedback({ kind: 'success', message: success });
        await reload();
        return true;
      } catch (error) {
        if (hasStatus(error, 409)) {
          setConflict(true);
        } else {
          setFeedback({ kind: 'error', message: errorMessage(error, t) });
        }
        return false;
      } finally {
        setBusy(false);
      }
    },
    [reload, t],
  );

  if (!tenant) {
    if (details.loading) {
      return <Progress />;
    }
    if (hasStatus(details.error, 404)) {
      return (
        <Alert
          status="info"
          icon
          title={t('onboarding.notFound.title')}
          description={
            <Flex direction="column" gap="2">
              <Text as="p">{t('onboarding.notFound.text')}</Text>
              <Text as="p">
                <Link to={INSTANCES_PATH}>{t('onboarding.notFound.back')}</Link>
              </Text>
            </Flex>
          }
        />
      );
    }
    return (
      <Alert
        status="danger"
        icon
        role="alert"
        title={t('onboarding.error', {
          message: errorMessage(details.error, t),
        })}
        customActions={
          <Button variant="secondary" size="small" onPress={() => reload()}>
            {t('onboarding.retry')}
          </Button>
        }
      />
    );
  }

  const { name } = tenant;
  const act = (step: TenantStep, action: OnboardingUiAction, reason?: string) =>
    change(
      () =>
        action === 'approve' || action === 'reject'
          ? cloudApi.decideRequest(name, {
              decision: action,
              reason,
              rowVersion: step.rowVersion,
            })
          : cloudApi.applyStepAction(name, step.id, {
              action,
              reason,
              rowVersion: step.rowVersion,
            }),
      t('onboarding.done', { action: labels.action(action) }),
    );

  const onAction = (step: TenantStep, action: OnboardingUiAction) => {
    if (reasonOf(action)) {
      setPending({ step, action });
    } else {
      act(step, action);
    }
  };

  const dialogTexts = (p: Pending) => {
    const step = labels.step(p.step.id);
    switch (p.action) {
      case 'block':
        return {
          title: t('onboarding.dialog.blockTitle', { step }),
          text: t('onboarding.dialog.blockText'),
        };
      case 'skip':
        return {
          title: t('onboarding.dialog.skipTitle', { step }),
          text: t('onboarding.dialog.skipText'),
        };
      case 'reject':
        return {
          title: t('onboarding.dialog.rejectTitle'),
          text: t('onboarding.dialog.rejectText'),
        };
      case 'reopen':
        return {
          title: t('onboarding.dialog.reopenTitle', { step }),
          text: t('onboarding.dialog.reopenText'),
        };
      default:
        return {
          title: t('onboarding.dialog.approveTitle'),
          text: t('onboarding.dialog.approveText'),
        };
    }
  };

  const comments = tenant.events.filter(e => e.type === 'comment.added');
  const canAct = Boolean(side) && !tenant.decommissioned;

  return (
    <Flex direction="column" gap="4">
      {conflict && (
        <Alert
          status="warning"
          icon
          role="alert"
          title={t('onboarding.conflict')}
          customActions={
            <Button
              variant="primary"
              size="small"
              onPress={async () => {
                await reload();
                setConflict(false);
              }}
            >
              {t('onboarding.reload')}
            </Button>
          }
        />
      )}
      {feedback?.kind === 'error' && (
        <Alert
          status="danger"
          icon
          role="alert"
          title={t('onboarding.actionError', { message: feedback.message })}
        />
      )}
      <VisuallyHidden>
        <div role="status" aria-live="polite">
          {feedback?.kind === 'success' ? feedback.message : ''}
        </div>
      </VisuallyHidden>
      <div className={classes.layout}>
        <Section title={t('onboarding.summary.title')} className={classes.wide}>
          <Flex direction="column" gap="3">
            <OnboardingSummary tenant={tenant} side={side} />
            {tenant.decommissioned && (
              <Text as="p">{t('onboarding.summary.closed')}</Text>
            )}
            {!tenant.decommissioned && !side && (
              <Text as="p" color="secondary">
                {t('onboarding.summary.readOnly')}
              </Text>
            )}
          </Flex>
        </Section>
        <Section title={t('onboarding.timeline.title')}>
          <StepTimeline
            tenant={tenant}
            side={side}
            busy={busy}
            onAction={onAction}
            onChangeDueDate={setDueDateStep}
          />
        </Section>
        <div className={classes.column}>
          <Section title={t('onboarding.comments.title')}>
            <Flex direction="column" gap="4">
              <EventList
                events={comments}
                empty={t('onboarding.comments.empty')}
                label={t('onboarding.comments.title')}
              />
              {canAct && (
                <CommentForm
                  busy={busy}
                  defaultStep={tenant.currentStep}
                  onSubmit={(comment, stepId?: OnboardingStepId) =>
                    change(
                      () => cloudApi.addComment(name, { comment, stepId }),
                      t('onboarding.comments.added'),
                    )
                  }
                />
              )}
            </Flex>
          </Section>
          <Section title={t('onboarding.figures.title')}>
            <FiguresSection
              tenant={tenant}
              side={side}
              busy={busy}
              onFunding={values =>
                change(
                  () =>
                    cloudApi.recordFunding(name, {
                      ...values,
                      rowVersion: tenant.funding.rowVersion,
                    }),
                  t('onboarding.figures.saved'),
                )
              }
              onTraining={values =>
                change(
                  () =>
                    cloudApi.recordTraining(name, {
                      ...values,
                      rowVersion: tenant.training.rowVersion,
                    }),
                  t('onboarding.figures.saved'),
                )
              }
            />
          </Section>
        </div>
        <Section title={t('onboarding.events.title')} className={classes.wide}>
          <EventList
            events={tenant.events}
            empty={t('onboarding.events.empty')}
            label={t('onboarding.events.title')}
          />
        </Section>
      </div>
      {dueDateStep && (
        <DueDateDialog
          step={dueDateStep}
          stepName={labels.step(dueDateStep.id)}
          onCancel={() => setDueDateStep(undefined)}
          onSave={async body => {
            await cloudApi.setStepDueDate(name, dueDateStep.id, body);
            setDueDateStep(undefined);
            setConflict(false);
            setFeedback({ kind: 'success', message: t('dueDates.saved') });
            await reload();
          }}
        />
      )}
      {pending && (
        <ReasonDialog
          open
          {...dialogTexts(pending)}
          confirmLabel={labels.action(pending.action)}
          required={reasonOf(pending.action) === 'required'}
          busy={busy}
          onCancel={() => setPending(undefined)}
          onConfirm={async reason => {
            await act(pending.step, pending.action, reason);
            setPending(undefined);
          }}
        />
      )}
    </Flex>
  );
}
