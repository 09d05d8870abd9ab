import {
  CustomFieldValidator,
  FieldExtensionComponentProps,
} from '@backstage/plugin-scaffolder-react';
import TextField from '@material-ui/core/TextField';
import { messagesOf } from './messages';

/** Name of the field extension, for `ui:field` in templates. */
export const GO_LIVE_DATE_PICKER = 'CloudGoLiveDatePicker';

/** Today in the user's time zone, `YYYY-MM-DD`. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(
    now.getDate(),
  )}`;
}

function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return false;
  }
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/**
 * Form field of a wished date: the browser's date input, today or later.
 */
export function GoLiveDatePickerField(
  props: FieldExtensionComponentProps<string>,
) {
  const {
    formData,
    onChange,
    required,
    disabled,
    rawErrors,
    schema,
    idSchema,
  } = props;
  const id = idSchema?.$id ?? 'date';
  const errors = rawErrors ?? [];
  return (
    <TextField
      id={id}
      type="date"
      fullWidth
      margin="normal"
      variant="outlined"
      label={schema.title}
      required={required}
      disabled={disabled}
      value={formData ?? ''}
      onChange={event => onChange(event.target.value || undefined)}
      InputLabelProps={{ shrink: true }}
      inputProps={{ min: localToday() }}
      error={errors.length > 0}
      helperText={errors.length ? errors.join(' ') : schema.description}
    />
  );
}

/** The date must be a real date, today or later. */
export const validateGoLiveDate: CustomFieldValidator<string> = (
  value,
  validation,
  context,
) => {
  if (!value) {
    return;
  }
  const t = messagesOf(context.apiHolder);
  if (!isDate(value)) {
    validation.addError(t('scaffolder.goLiveDate.invalid'));
  } else if (value < localToday()) {
    validation.addError(t('scaffolder.goLiveDate.past'));
  }
};
