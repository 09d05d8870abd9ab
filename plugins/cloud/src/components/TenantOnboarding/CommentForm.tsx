import {
  ONBOARDING_STEPS,
  type OnboardingStepId,
} from '@amue/plugin-cloud-common';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Button, Flex } from '@backstage/ui';
import TextField from '@material-ui/core/TextField';
import { FormEvent, useId, useState } from 'react';
import { cloudTranslationRef } from '../../translation';
import { useOnboardingLabels } from './labels';
import { remainingCharacters, textLength } from './TextLimit';
import { useFieldStyles } from './fieldStyles';

const WHOLE_TENANT = '';

/**
 * The form to add a comment to a tenant, about one step or the whole
 * instance: a labelled text area that says how many characters are left.
 * Resolves `onSubmit` to true when the comment was added (the form is then
 * emptied).
 */
export function CommentForm(props: {
  busy: boolean;
  defaultStep?: OnboardingStepId | null;
  onSubmit: (comment: string, stepId?: OnboardingStepId) => Promise<boolean>;
}) {
  const { busy, onSubmit } = props;
  const { t } = useTranslationRef(cloudTranslationRef);
  const labels = useOnboardingLabels();
  const id = useId();
  const fieldClasses = useFieldStyles();
  const [comment, setComment] = useState('');
  const [step, setStep] = useState<string>(props.defaultStep ?? WHOLE_TENANT);

  const remaining = remainingCharacters(comment);
  const tooLong = remaining < 0;
  const blank = textLength(comment) === 0;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (blank || tooLong) {
      return;
    }
    const added = await onSubmit(
      comment.trim(),
      step === WHOLE_TENANT ? undefined : (step as OnboardingStepId),
    );
    if (added) {
      setComment('');
    }
  };

  return (
    <form onSubmit={submit} aria-labelledby={`${id}-label`}>
      <Flex direction="column" gap="3">
        <TextField
          className={fieldClasses.field}
          id={`${id}-comment`}
          label={t('onboarding.comments.label')}
          InputLabelProps={{ id: `${id}-label` }}
          value={comment}
          onChange={event => setComment(event.target.value)}
          error={tooLong}
          helperText={
            tooLong
              ? t('onboarding.comments.tooLong', { count: -remaining })
              : t('onboarding.comments.remaining', { count: remaining })
          }
          multiline
          minRows={3}
          fullWidth
          variant="outlined"
        />
        <Flex align="end" gap="3" style={{ flexWrap: 'wrap' }}>
          <TextField
            select
            id={`${id}-step`}
            label={t('onboarding.comments.step')}
            value={step}
            onChange={event => setStep(event.target.value)}
            SelectProps={{ native: true }}
            InputLabelProps={{ shrink: true }}
            variant="outlined"
            size="small"
            style={{ minWidth: 260 }}
          >
            <option value={WHOLE_TENANT}>
              {t('onboarding.comments.noStep')}
            </option>
            {ONBOARDING_STEPS.map(definition => (
              <option key={definition.id} value={definition.id}>
                {labels.step(definition.id)}
              </option>
            ))}
          </TextField>
          <Button
            type="submit"
            variant="primary"
            isDisabled={busy || blank || tooLong}
          >
            {t('onboarding.comments.submit')}
          </Button>
        </Flex>
      </Flex>
    </form>
  );
}
