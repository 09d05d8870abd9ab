import {
  daysUntilDue,
  isStepOverdue,
  type StepDueState,
} from '@amue/plugin-cloud-common';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Text } from '@backstage/ui';
import { makeStyles } from '@material-ui/core/styles';
import { useCallback } from 'react';
import { cloudTranslationRef } from '../../translation';
import { useOnboardingLabels } from '../TenantOnboarding/labels';

const useStyles = makeStyles(theme => ({
  overdue: {
    color: theme.palette.error.main,
    fontWeight: 600,
  },
}));

/**
 * The due date of a step in words, in the reader's language: "Due on 12
 * December 2026, in 5 days", "3 days overdue (due on 2 December 2026)";
 * undefined without a due date. Whether it is overdue is cloud-common's
 * `isStepOverdue`, the days `daysUntilDue`.
 */
export function useDueDateText() {
  const { t } = useTranslationRef(cloudTranslationRef);
  const labels = useOnboardingLabels();
  return useCallback(
    (
      step: StepDueState,
      now: number = Date.now(),
    ): { text: string; overdue: boolean } | undefined => {
      const days = daysUntilDue(step, now);
      if (!step.dueDate || days === undefined) {
        return undefined;
      }
      const date = labels.date(step.dueDate);
      if (isStepOverdue(step, now)) {
        return {
          text: t('dueDates.overdue', { count: Math.max(1, -days), date }),
          overdue: true,
        };
      }
      return {
        text:
          days <= 0
            ? t('dueDates.dueToday', { date })
            : t('dueDates.dueIn', { count: days, date }),
        overdue: false,
      };
    },
    [t, labels],
  );
}

/**
 * The due date of a step in words, in red and bold when overdue; "No due
 * date" (or nothing, with `hideNone`) without one.
 */
export function DueDate(props: { step: StepDueState; hideNone?: boolean }) {
  const { step, hideNone } = props;
  const { t } = useTranslationRef(cloudTranslationRef);
  const classes = useStyles();
  const dueText = useDueDateText();
  const due = dueText(step);
  if (!due) {
    return hideNone ? null : (
      <Text variant="body-small" color="secondary">
        {t('dueDates.none')}
      </Text>
    );
  }
  return (
    <Text
      variant="body-small"
      className={due.overdue ? classes.overdue : undefined}
      data-overdue={due.overdue ? 'true' : undefined}
    >
      {due.text}
    </Text>
  );
}
