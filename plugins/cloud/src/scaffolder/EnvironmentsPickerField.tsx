import {
  discoveryApiRef,
  fetchApiRef,
  useApi,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { Link } from '@backstage/core-components';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  CustomFieldValidator,
  FieldExtensionComponentProps,
} from '@backstage/plugin-scaffolder-react';
import Checkbox from '@material-ui/core/Checkbox';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormGroup from '@material-ui/core/FormGroup';
import FormHelperText from '@material-ui/core/FormHelperText';
import FormLabel from '@material-ui/core/FormLabel';
import { useEffect, useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { ENVIRONMENT_ORDER, useCloudLabels } from '../components/common/labels';
import { cloudTranslationRef } from '../translation';
import {
  checkExistingInstance,
  ExistingCheck,
  loadApplication,
} from './applications';
import { messagesOf } from './messages';

/** Name of the field extension, for `ui:field` in templates. */
export const ENVIRONMENTS_PICKER = 'CloudEnvironmentsPicker';

type FormValues = { application?: unknown; uai?: unknown; version?: unknown };

function valuesOf(formData: unknown): FormValues {
  return (formData ?? {}) as FormValues;
}

function byOrder(a: string, b: string) {
  return ENVIRONMENT_ORDER.indexOf(a) - ENVIRONMENT_ORDER.indexOf(b);
}

/**
 * Form field of the environments of a request: a box for each environment
 * the chosen application offers (no "Test" for an application without
 * one). Each environment checked is checked against the onboarding service
 * (`dryRun`): an instance the establishment already has is explained,
 * with a link to it, before the request is sent.
 */
export function EnvironmentsPickerField(
  props: FieldExtensionComponentProps<string[]>,
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
  const labels = useCloudLabels();
  const catalogApi = useApi(catalogApiRef);
  const discoveryApi = useApi(discoveryApiRef);
  const fetchApi = useApi(fetchApiRef);
  const values = valuesOf(props.formContext?.formData);
  const applicationValue =
    typeof values.application === 'string' ? values.application : undefined;
  const uai = typeof values.uai === 'string' ? values.uai : undefined;
  const version =
    typeof values.version === 'string' ? values.version : undefined;

  const { value: application, loading } = useAsync(
    () => loadApplication(catalogApi, applicationValue),
    [catalogApi, applicationValue],
  );
  const offered = useMemo(
    () => [...(application?.environments ?? [])].sort(byOrder),
    [application],
  );
  const selected = useMemo(() => formData ?? [], [formData]);

  // Environments the new application does not offer are unchecked.
  useEffect(() => {
    if (!application) {
      return;
    }
    const kept = selected.filter(environment => offered.includes(environment));
    if (kept.length !== selected.length) {
      onChange(kept);
    }
  }, [application, offered, selected, onChange]);

  const selectedKey = selected.join(',');
  const { value: existing = [] } = useAsync(async () => {
    if (!application || !uai) {
      return [];
    }
    const checks = await Promise.all(
      selected
        .filter(environment => offered.includes(environment))
        .map(environment =>
          checkExistingInstance(
            { discoveryApi, fetchApi },
            { application, uai, environment, version },
          ).catch(() => undefined),
        ),
    );
    return checks.filter((c): c is ExistingCheck => Boolean(c?.exists));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [application, uai, version, selectedKey, discoveryApi, fetchApi]);

  const toggle = (environment: string, checked: boolean) => {
    const next = checked
      ? [...selected.filter(e => e !== environment), environment].sort(byOrder)
      : selected.filter(e => e !== environment);
    onChange(next);
  };

  const id = idSchema?.$id ?? 'environments';
  let help: string | undefined = schema.description;
  if (!applicationValue) {
    help = t('scaffolder.environments.chooseApplication');
  } else if (loading) {
    help = t('scaffolder.environments.loading');
  }
  const hasError = Boolean(rawErrors?.length) || existing.length > 0;

  return (
    <FormControl
      component="fieldset"
      margin="normal"
      required={required}
      error={hasError}
      disabled={disabled}
    >
      <FormLabel component="legend">{schema.title}</FormLabel>
      <FormGroup row>
        {offered.map(environment => (
          <FormControlLabel
            key={environment}
            control={
              <Checkbox
                id={`${id}-${environment}`}
                checked={selected.includes(environment)}
                onChange={event => toggle(environment, event.target.checked)}
                color="primary"
              />
            }
            label={labels.environment(environment)}
          />
        ))}
      </FormGroup>
      {help && (
        <FormHelperText id={`${id}-help`} error={false}>
          {help}
        </FormHelperText>
      )}
      {existing.map(check => (
        <FormHelperText key={check.name} error role="alert">
          {t('scaffolder.environments.exists', {
            environment: labels.environment(check.environment),
            application: application?.title ?? '',
          })}{' '}
          <Link to={`/cloud/tenants/${check.name}`} underline="always">
            {t('scaffolder.environments.existingLink', { name: check.name })}
          </Link>
        </FormHelperText>
      ))}
    </FormControl>
  );
}

/**
 * Checks the environments: at least one, each offered by the application,
 * and none the establishment already has (asked of the onboarding service
 * with `dryRun`).
 */
export const validateEnvironments: CustomFieldValidator<string[]> = async (
  value,
  validation,
  context,
) => {
  const t = messagesOf(context.apiHolder);
  if (!value?.length) {
    validation.addError(t('scaffolder.environments.required'));
    return;
  }
  const catalogApi = context.apiHolder.get(catalogApiRef);
  const discoveryApi = context.apiHolder.get(discoveryApiRef);
  const fetchApi = context.apiHolder.get(fetchApiRef);
  const values = valuesOf(context.formData);
  if (!catalogApi) {
    return;
  }
  const application = await loadApplication(catalogApi, values.application);
  if (!application) {
    return;
  }
  const labelOf = (environment: string) => {
    switch (environment) {
      case 'production':
        return t('values.environment.production');
      case 'preproduction':
        return t('values.environment.preproduction');
      case 'formation':
        return t('values.environment.formation');
      case 'test':
        return t('values.environment.test');
      default:
        return environment;
    }
  };
  const notOffered = value.filter(e => !application.environments.includes(e));
  if (notOffered.length) {
    validation.addError(
      t('scaffolder.environments.notOffered', {
        environments: notOffered.map(labelOf).join(', '),
        application: application.title,
      }),
    );
    return;
  }
  if (!discoveryApi || !fetchApi || typeof values.uai !== 'string') {
    return;
  }
  const version =
    typeof values.version === 'string' ? values.version : undefined;
  for (const environment of value) {
    const check = await checkExistingInstance(
      { discoveryApi, fetchApi },
      { application, uai: values.uai, environment, version },
    ).catch(() => undefined);
    if (check?.exists) {
      validation.addError(
        t('scaffolder.environments.exists', {
          environment: labelOf(environment),
          application: application.title,
        }),
      );
    }
  }
};
