import { checkUai } from '@amue/plugin-cloud-common';
import {
  identityApiRef,
  useApi,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  CustomFieldValidator,
  FieldExtensionComponentProps,
} from '@backstage/plugin-scaffolder-react';
import FormControl from '@material-ui/core/FormControl';
import FormHelperText from '@material-ui/core/FormHelperText';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { useEffect, useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { cloudTranslationRef } from '../translation';
import {
  EstablishmentChoice,
  loadEstablishmentChoices,
} from './establishments';
import { messagesOf } from './messages';

/** Name of the field extension, for `ui:field` in templates. */
export const ESTABLISHMENT_PICKER = 'CloudEstablishmentPicker';

/**
 * Form field of an establishment (its UAI code). Members of establishments
 * choose among their own, their first one by default — a value given in
 * the page's address (`?formData={"uai":...}`) for another establishment is
 * replaced by theirs. Amue (administrators, product owners) choose any
 * establishment of the catalog, searching by name or UAI.
 */
export function EstablishmentPickerField(
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
    uiSchema,
  } = props;
  const { t } = useTranslationRef(cloudTranslationRef);
  const identityApi = useApi(identityApiRef);
  const catalogApi = useApi(catalogApiRef);
  const {
    value: choices,
    loading,
    error,
  } = useAsync(
    () => loadEstablishmentChoices({ identityApi, catalogApi }),
    [identityApi, catalogApi],
  );

  const options = useMemo(() => choices?.establishments ?? [], [choices]);
  const selected =
    options.find(option => option.uai === formData?.toUpperCase()) ?? null;

  // Members of establishments: their own establishment by default, and
  // never another one.
  useEffect(() => {
    if (choices?.mode === 'own' && !selected && options.length) {
      onChange(options[0].uai);
    }
  }, [choices, selected, options, onChange]);

  const label = (option: EstablishmentChoice) =>
    t('scaffolder.establishment.option', {
      title: option.title,
      uai: option.uai,
    });

  const id = idSchema?.$id ?? 'uai';
  let help: string | undefined = schema.description;
  if (uiSchema?.['ui:help'] && typeof uiSchema['ui:help'] === 'string') {
    help = uiSchema['ui:help'];
  }
  if (choices?.mode === 'own') {
    help = t('scaffolder.establishment.ownOnly');
  } else if (choices?.mode === 'none') {
    help = t('scaffolder.establishment.none');
  } else if (error) {
    help = t('scaffolder.establishment.error', { message: error.message });
  }
  const hasError =
    Boolean(rawErrors?.length) || Boolean(error) || choices?.mode === 'none';

  return (
    <FormControl fullWidth margin="normal" required={required} error={hasError}>
      <Autocomplete
        id={id}
        options={options}
        value={selected}
        loading={loading}
        disabled={disabled || (choices?.mode === 'own' && options.length < 2)}
        getOptionLabel={label}
        getOptionSelected={(option, value) => option.uai === value.uai}
        onChange={(_, value) => onChange(value?.uai ?? '')}
        loadingText={t('scaffolder.establishment.loading')}
        noOptionsText={t('scaffolder.establishment.noOptions')}
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

/**
 * Checks the establishment: a valid UAI code, and, for members of
 * establishments, one of theirs (the cloud backend checks it again).
 */
export const validateEstablishment: CustomFieldValidator<string> = async (
  value,
  validation,
  context,
) => {
  const t = messagesOf(context.apiHolder);
  if (!value) {
    validation.addError(t('scaffolder.establishment.required'));
    return;
  }
  const check = checkUai(value);
  if (!check.valid) {
    validation.addError(
      t('scaffolder.establishment.invalid', { reason: check.reason }),
    );
    return;
  }
  const identityApi = context.apiHolder.get(identityApiRef);
  const catalogApi = context.apiHolder.get(catalogApiRef);
  if (!identityApi || !catalogApi) {
    return;
  }
  const choices = await loadEstablishmentChoices({ identityApi, catalogApi });
  if (
    choices.mode !== 'any' &&
    !choices.establishments.some(e => e.uai === check.uai)
  ) {
    validation.addError(t('scaffolder.establishment.notAllowed'));
  }
};
