import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Button } from '@backstage/ui';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import { FormEvent, useId, useRef, useState } from 'react';
import { cloudTranslationRef } from '../../translation';
import { remainingCharacters, textLength } from './TextLimit';
import { useFieldStyles } from './fieldStyles';

/**
 * A dialog asking for the reason (or comment) of an action before it is
 * sent: block and skip a step, approve or reject a request. A required
 * reason must not be blank; none may be longer than the backend accepts.
 */
export function ReasonDialog(props: {
  open: boolean;
  title: string;
  text: string;
  /** The label of the button that sends the action. */
  confirmLabel: string;
  required: boolean;
  busy?: boolean;
  onCancel: () => void;
  onConfirm: (reason: string | undefined) => void;
}) {
  const { open, title, text, confirmLabel, required, busy } = props;
  const { t } = useTranslationRef(cloudTranslationRef);
  const id = useId();
  const [value, setValue] = useState('');
  const [touched, setTouched] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  const fieldClasses = useFieldStyles();

  const remaining = remainingCharacters(value);
  const blank = textLength(value) === 0;
  let error: string | undefined;
  if (remaining < 0) {
    error = t('onboarding.comments.tooLong', { count: -remaining });
  } else if (required && blank && touched) {
    error = t('onboarding.dialog.reasonRequired');
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if ((required && blank) || remaining < 0) {
      field.current?.focus();
      return;
    }
    props.onConfirm(blank ? undefined : value.trim());
  };

  const close = () => {
    if (!busy) {
      props.onCancel();
    }
  };

  return (
    <Dialog
      open={open}
      onClose={close}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      fullWidth
      maxWidth="sm"
      TransitionProps={{
        // The reason is what the dialog asks: it gets the focus.
        onEntered: () => field.current?.focus(),
        onExited: () => {
          setValue('');
          setTouched(false);
        },
      }}
    >
      <form onSubmit={submit} noValidate>
        <DialogTitle id={`${id}-title`}>{title}</DialogTitle>
        <DialogContent>
          <DialogContentText id={`${id}-text`}>{text}</DialogContentText>
          <TextField
            className={fieldClasses.field}
            id={`${id}-reason`}
            inputRef={field}
            label={
              required
                ? t('onboarding.dialog.reason')
                : t('onboarding.dialog.comment')
            }
            value={value}
            onChange={event => setValue(event.target.value)}
            onBlur={() => setTouched(true)}
            required={required}
            error={Boolean(error)}
            helperText={
              error ?? t('onboarding.comments.remaining', { count: remaining })
            }
            multiline
            minRows={3}
            fullWidth
            variant="outlined"
          />
        </DialogContent>
        <DialogActions>
          <Button variant="secondary" onPress={close} isDisabled={busy}>
            {t('onboarding.dialog.cancel')}
          </Button>
          <Button variant="primary" type="submit" isDisabled={busy}>
            {confirmLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
