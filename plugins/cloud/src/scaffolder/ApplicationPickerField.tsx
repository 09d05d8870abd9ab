import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  CustomFieldValidator,
  FieldExtensionComponentProps,
} from '@backstage/plugin-scaffolder-react';
import FormControl from '@material-ui/core/FormControl';
import FormHelperText from '@material-ui/core/FormHelperText';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { useEffect } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { cloudTranslationRef } from '../translation';
import {
  applicationRefOf,
  loadOfferedApplications,
  OfferedApplication,
} from './applications';
import { messagesOf } from './messages';

/** Name of the field extension, for `ui:field` in templates. */
export const APPLICATION_PICKER = 'CloudApplicationPicker';

/**
 * Form field of the application of a request: the applications offered as
 * a service (available or in pilot), shown by their title; the value is the
 * entity ref (`application:default/sifac`). A name given in the page's
 * address (`?formData={"application":"sifac"}`) is turned into its ref.
 */
export function ApplicationPickerField(
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
  const { t } = useTranslationRef(cloudTranslationRef);
  const catalogApi = useApi(catalogApiRef);
  const {
    value: options = [],
    loading,
    error,
  } = useAsync(() => loadOfferedApplications(catalogApi), [catalogApi]);

  const ref = applicationRefOf(formData);
  const selected = options.find(option => option.ref === ref) ?? null;

  // A name in the address becomes the ref the actions expect.
  useEffect(() => {
    if (formData && ref && ref !== formData) {
      onChange(ref);
    }
  }, [formData, ref, onChange]);

  const id = idSchema?.$id ?? 'application';
  const help = error
    ? t('scaffolder.application.error', { message: error.message })
    : schema.description;
  const hasError = Boolean(rawErrors?.length) || Boolean(error);

  return (
    <FormControl fullWidth margin="normal" required={required} error={hasError}>
      <Autocomplete<OfferedApplication>
        id={id}
        options={options}
        value={selected}
        loading={loading}
        disabled={disabled}
        getOptionLabel={option => option.title}
        getOptionSelected={(option, value) => option.ref === value.ref}
        onChange={(_, value) => onChange(value?.ref ?? '')}
        loadingText={t('scaffolder.application.loading')}
        noOptionsText={t('scaffolder.application.noOptions')}
        renderInput={params => (
          <TextField
            {...params}
            label={schema.title}
            required={required}
            error={hasError}
            variant="outlined"
            inputProps={{
              ...params.inputProps,
              'aria-describedby': `${id}-help`,
            }}
          />
        )}
      />
      {help && <FormHelperText id={`${id}-help`}>{help}</FormHelperText>}
    </FormControl>
  );
}

/** Checks that the application is one offered as a service. */
export const validateApplication: CustomFieldValidator<string> = async (
  value,
  validation,
  context,
) => {
  const t = messagesOf(context.apiHolder);
  const ref = applicationRefOf(value);
  if (!ref) {
    validation.addError(t('scaffolder.application.required'));
    return;
  }
  const catalogApi = context.apiHolder.get(catalogApiRef);
  if (!catalogApi) {
    return;
  }
  const offered = await loadOfferedApplications(catalogApi);
  if (!offered.some(application => application.ref === ref)) {
    validation.addError(t('scaffolder.application.notOffered'));
  }
};
