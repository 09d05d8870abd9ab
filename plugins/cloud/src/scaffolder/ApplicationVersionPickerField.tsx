import {
  ApplicationEntityV1alpha1,
  isApplicationEntity,
} from '@amue/plugin-cloud-common';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import {
  appLanguageApiRef,
  useApi,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { CatalogApi, catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  CustomFieldValidator,
  FieldExtensionComponentProps,
} from '@backstage/plugin-scaffolder-react';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { useEffect, useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { cloudTranslationRef } from '../translation';
import { messagesOf } from './messages';

/** Name of the field extension, for `ui:field` in templates. */
export const APPLICATION_VERSION_PICKER = 'CloudApplicationVersionPicker';

/** `ui:options` of the version picker. */
export interface VersionPickerOptions {
  /**
   * The field holding the Application — or a Tenant, whose application is
   * used — as an entity ref or a name. `application` by default.
   */
  applicationField?: string;
  /** Optional: no version chosen by default (keeps the tenant's). */
  optional?: boolean;
}

/** The versions a request may name, and the tenant's own when a Tenant was chosen. */
export interface VersionChoices {
  application: string;
  versions: ApplicationEntityV1alpha1['spec']['versions'];
  currentVersion?: string;
}

/**
 * The supported versions (newest first, as the Application lists them) of
 * the Application an entity ref or name designates — directly, or through
 * a Tenant's `spec.application`. Undefined when there is no such entity.
 */
export async function loadVersionChoices(
  catalogApi: Pick<CatalogApi, 'getEntityByRef'>,
  value: string,
): Promise<VersionChoices | undefined> {
  let ref;
  try {
    ref = parseEntityRef(value, {
      defaultKind: 'application',
      defaultNamespace: 'default',
    });
  } catch {
    return undefined;
  }
  let currentVersion: string | undefined;
  if (ref.kind.toLowerCase() === 'tenant') {
    const tenant = await catalogApi.getEntityByRef(stringifyEntityRef(ref));
    const spec = tenant?.spec as
      | { application?: string; version?: string }
      | undefined;
    if (!spec?.application) {
      return undefined;
    }
    currentVersion = spec.version;
    ref = parseEntityRef(spec.application, {
      defaultKind: 'application',
      defaultNamespace: 'default',
    });
  }
  if (ref.kind.toLowerCase() !== 'application') {
    return undefined;
  }
  const entity = await catalogApi.getEntityByRef(stringifyEntityRef(ref));
  if (!entity || !isApplicationEntity(entity)) {
    return undefined;
  }
  return {
    application: entity.metadata.title ?? entity.metadata.name,
    versions: entity.spec.versions.filter(v => v.status === 'supported'),
    currentVersion,
  };
}

function sourceOf(
  props: FieldExtensionComponentProps<string, VersionPickerOptions>,
): string | undefined {
  const field =
    props.uiSchema?.['ui:options']?.applicationField ?? 'application';
  const value = (props.formContext?.formData as Record<string, unknown>)?.[
    field
  ];
  return typeof value === 'string' && value ? value : undefined;
}

/**
 * Form field of a version of an application: a list of the supported
 * versions of the Application chosen in another field of the form
 * (`ui:options.applicationField`), newest first and chosen by default.
 */
export function ApplicationVersionPickerField(
  props: FieldExtensionComponentProps<string, VersionPickerOptions>,
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
  const catalogApi = useApi(catalogApiRef);
  const languageApi = useApi(appLanguageApiRef);
  const source = sourceOf(props);
  const optional = Boolean(uiSchema?.['ui:options']?.optional);
  const {
    value: choices,
    loading,
    error,
  } = useAsync(
    async () => (source ? loadVersionChoices(catalogApi, source) : undefined),
    [catalogApi, source],
  );

  const versions = useMemo(() => choices?.versions ?? [], [choices]);
  const known = versions.some(v => v.version === formData);

  // A new application: its newest version, unless the field is optional.
  useEffect(() => {
    if (loading || !choices) {
      return;
    }
    if (formData && !known) {
      onChange(optional || !versions.length ? undefined : versions[0].version);
    } else if (!formData && !optional && versions.length) {
      onChange(versions[0].version);
    }
  }, [choices, loading, formData, known, optional, versions, onChange]);

  const language = languageApi.getLanguage().language;
  const date = (iso: string) =>
    new Intl.DateTimeFormat(language, {
      dateStyle: 'long',
      timeZone: 'UTC',
    }).format(new Date(`${iso}T00:00:00Z`));

  let help = schema.description;
  if (!source) {
    help = t('scaffolder.version.chooseApplication');
  } else if (loading) {
    help = t('scaffolder.version.loading');
  } else if (error) {
    help = t('scaffolder.version.error', { message: error.message });
  } else if (choices && !versions.length) {
    help = t('scaffolder.version.none');
  }
  const id = idSchema?.$id ?? 'version';

  return (
    <TextField
      id={id}
      select
      fullWidth
      margin="normal"
      variant="outlined"
      label={schema.title}
      required={required}
      disabled={disabled || !source || loading || !versions.length}
      error={Boolean(rawErrors?.length) || Boolean(error)}
      value={known ? formData : ''}
      onChange={event => onChange((event.target.value as string) || undefined)}
      helperText={help}
      // Readable while the list waits for the application (disabled text is
      // too light).
      FormHelperTextProps={{ id: `${id}-help`, disabled: false }}
      SelectProps={{ 'aria-describedby': `${id}-help` } as any}
    >
      {optional && <MenuItem value="">{t('scaffolder.version.keep')}</MenuItem>}
      {versions.map(v => (
        <MenuItem key={v.version} value={v.version}>
          {v.version === choices?.currentVersion
            ? t('scaffolder.version.current', { version: v.version })
            : t('scaffolder.version.option', {
                version: v.version,
                date: date(v.releaseDate),
              })}
        </MenuItem>
      ))}
    </TextField>
  );
}

/** Checks that the version is a supported version of the chosen application. */
export const validateApplicationVersion: CustomFieldValidator<
  string,
  VersionPickerOptions
> = async (value, validation, context) => {
  const t = messagesOf(context.apiHolder);
  const optional = Boolean(context.uiSchema?.['ui:options']?.optional);
  if (!value) {
    if (!optional) {
      validation.addError(t('scaffolder.version.required'));
    }
    return;
  }
  const field =
    context.uiSchema?.['ui:options']?.applicationField ?? 'application';
  const source = context.formData?.[field];
  const catalogApi = context.apiHolder.get(catalogApiRef);
  if (typeof source !== 'string' || !catalogApi) {
    return;
  }
  const choices = await loadVersionChoices(catalogApi, source);
  if (choices && !choices.versions.some(v => v.version === value)) {
    validation.addError(
      t('scaffolder.version.notSupported', { version: value }),
    );
  }
};
