import type { TenantStep } from '@amue/plugin-cloud-common';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Alert, Button } from '@backstage/ui';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import { FormEvent, useId, useRef, useState } from 'react';
import { cloudTranslationRef } from '../../translation';
import { ErrorTranslations, errorMessage } from './errors';
import { useFieldStyles } from './fieldStyles';
import { remainingCharacters, textLength } from './TextLimit';

/** `YYYY-MM-DD` of an ISO date-time in the reader's time zone. */
function dayOf(value: string | null | undefined): string {
  if (!value) {
    return '';
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    return '';
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(
    date.getDate(),
  )}`;
}

/**
 * The sentence telling why a due date was not changed, and what to do:
 * the backend's message for a refused input (400), who may change due
 * dates (403), reload after someone else's change (409), otherwise the
 * portal's general sentences.
 */
export function dueDateErrorMessage(
  error: unknown,
  t: ErrorTranslations,
): string {
  const status = (error as { statusCode?: unknown })?.statusCode;
  switch (status) {
    case 400:
      return t('dueDates.invalid', { message: errorMessage(error, t) });
    case 403:
      return t('dueDates.forbidden');
    case 409:
      return t('dueDates.conflict');
    default:
      return t('dueDates.failed', { message: errorMessage(error, t) });
  }
}

/**
 * "Modifier l'échéance": a new due date (a day) and the reason of the
 * change, both required, sent with the row version of the step shown.
 * The backend decides who may (Amue: the application's product owners and
 * the administrators); a refusal is shown in the dialog as a sentence.
 */
export function DueDateDialog(props: {
  step: TenantStep;
  stepName: string;
  onCancel: () => void;
  /** Sends the change; throws the backend's error when refused. */
  onSave: (change: {
    dueDate: string;
    reason: string;
    rowVersion: number;
  }) => Promise<void>;
}) {
  const { step, stepName, onCancel, onSave } = props;
  const { t } = useTranslationRef(cloudTranslationRef);
  const id = useId();
  const fieldClasses = useFieldStyles();
  const dateField = useRef<HTMLInputElement>(null);
  const reasonField = useRef<HTMLTextAreaElement>(null);
  const [date, setDate] = useState(dayOf(step.dueDate));
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();

  const remaining = remainingCharacters(reason);
  const dateError =
    touched && !/^\d{4}-\d{2}-\d{2}$/.test(date)
      ? t('dueDates.dateRequired')
      : undefined;
  let reasonError: string | undefined;
  if (remaining < 0) {
    reasonError = t('onboarding.comments.tooLong', { count: -remaining });
  } else if (touched && textLength(reason) === 0) {
    reasonError = t('dueDates.reasonRequired');
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      dateField.current?.focus();
      return;
    }
    if (textLength(reason) === 0 || remaining < 0) {
      reasonField.current?.focus();
      return;
    }
    setBusy(true);
    setFailure(undefined);
    try {
      await onSave({
        dueDate: date,
        reason: reason.trim(),
        rowVersion: step.rowVersion,
      });
    } catch (error) {
      setFailure(dueDateErrorMessage(error, t));
    } finally {
      setBusy(false);
    }
  };

  const close = () => {
    if (!busy) {
      onCancel();
    }
  };

  return (
    <Dialog
      open
      onClose={close}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      fullWidth
      maxWidth="sm"
      TransitionProps={{ onEntered: () => dateField.current?.focus() }}
    >
      <form onSubmit={submit} noValidate>
        <DialogTitle id={`${id}-title`}>
          {t('dueDates.dialogTitle', { step: stepName })}
        </DialogTitle>
        <DialogContent>
          <DialogContentText id={`${id}-text`}>
            {t('dueDates.dialogText')}
          </DialogContentText>
          {failure && (
            <Alert status="danger" icon role="alert" title={failure} />
          )}
          <TextField
            className={fieldClasses.field}
            id={`${id}-date`}
            inputRef={dateField}
            type="date"
            label={t('dueDates.date')}
            value={date}
            onChange={event => setDate(event.target.value)}
            required
            error={Boolean(dateError)}
            helperText={dateError}
            InputLabelProps={{ shrink: true }}
            fullWidth
            variant="outlined"
            margin="normal"
          />
          <TextField
            className={fieldClasses.field}
            id={`${id}-reason`}
            inputRef={reasonField}
            label={t('dueDates.reason')}
            value={reason}
            onChange={event => setReason(event.target.value)}
            onBlur={() => setTouched(true)}
            required
            error={Boolean(reasonError)}
            helperText={
              reasonError ??
              t('onboarding.comments.remaining', { count: remaining })
            }
            multiline
            minRows={3}
            fullWidth
            variant="outlined"
            margin="normal"
          />
        </DialogContent>
        <DialogActions>
          <Button variant="secondary" onPress={close} isDisabled={busy}>
            {t('dueDates.cancel')}
          </Button>
          <Button variant="primary" type="submit" isDisabled={busy}>
            {t('dueDates.confirm')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
