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
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import FormControl from '@material-ui/core/FormControl';
import FormHelperText from '@material-ui/core/FormHelperText';
import FormLabel from '@material-ui/core/FormLabel';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useEffect, useRef } from 'react';
import { cloudTranslationRef } from '../translation';
import { messagesOf } from './messages';

/** Name of the field extension, for `ui:field` in templates. */
export const CONTACTS_FIELD = 'CloudContacts';

/** One person Amue may contact about a request. */
export interface Contact {
  name: string;
  email: string;
  role?: string;
}

/** The e-mail rule of JSON schema's `format: email` (as Ajv checks it). */
const EMAIL =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;

/** Problems of one contact, as message keys. */
export function contactProblems(contact: Partial<Contact>) {
  const problems: Array<'nameRequired' | 'emailInvalid'> = [];
  if (!contact.name?.trim()) {
    problems.push('nameRequired');
  }
  if (!contact.email || !EMAIL.test(contact.email.trim())) {
    problems.push('emailInvalid');
  }
  return problems;
}

/** Text for screen readers only. */
const srOnly = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

/**
 * The signed-in person as a first contact: the profile of the sign-in, or
 * the catalog User's.
 */
async function signedInContact(apis: {
  identityApi: {
    getProfileInfo(): Promise<{ displayName?: string; email?: string }>;
    getBackstageIdentity(): Promise<{ userEntityRef: string }>;
  };
  catalogApi: { getEntityByRef(ref: string): Promise<any> };
}): Promise<Contact | undefined> {
  const profile = await apis.identityApi.getProfileInfo();
  let name = profile.displayName;
  let email = profile.email;
  if (!name || !email) {
    const { userEntityRef } = await apis.identityApi.getBackstageIdentity();
    const user = await apis.catalogApi
      .getEntityByRef(userEntityRef)
      .catch(() => undefined);
    name ??= user?.spec?.profile?.displayName ?? user?.metadata?.title;
    email ??= user?.spec?.profile?.email;
  }
  return name || email ? { name: name ?? '', email: email ?? '' } : undefined;
}

/**
 * Form field of the contacts of a request: one row per person (name,
 * e-mail, role), the signed-in person first by default; people are added
 * and removed with labelled buttons.
 */
export function ContactsField(props: FieldExtensionComponentProps<Contact[]>) {
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
  const identityApi = useApi(identityApiRef);
  const catalogApi = useApi(catalogApiRef);
  const prefilled = useRef(false);
  const contacts: Array<Partial<Contact>> = formData?.length
    ? formData
    : [{ name: '', email: '' }];

  // The signed-in person, once, when the form starts without contacts (the
  // form's defaults give one empty contact for `minItems: 1`).
  const blank = !formData?.some(contact => contact?.name || contact?.email);
  useEffect(() => {
    if (prefilled.current || !blank) {
      return;
    }
    prefilled.current = true;
    signedInContact({ identityApi, catalogApi })
      .then(contact => {
        if (contact) {
          onChange([contact]);
        }
      })
      .catch(() => undefined);
  }, [blank, identityApi, catalogApi, onChange]);

  const update = (index: number, patch: Partial<Contact>) => {
    const next = contacts.map((contact, i) =>
      i === index ? { ...contact, ...patch } : contact,
    );
    onChange(next as Contact[]);
  };
  const remove = (index: number) =>
    onChange(contacts.filter((_, i) => i !== index) as Contact[]);
  const add = () =>
    onChange([...contacts, { name: '', email: '' }] as Contact[]);

  const id = idSchema?.$id ?? 'contacts';
  const items = (schema.items ?? {}) as {
    properties?: Record<string, { title?: string }>;
  };
  const title = (key: string, fallback: string) =>
    items.properties?.[key]?.title ?? fallback;
  const maxItems = typeof schema.maxItems === 'number' ? schema.maxItems : 20;
  const showProblems = Boolean(rawErrors?.length);

  return (
    <FormControl
      component="fieldset"
      fullWidth
      margin="normal"
      required={required}
      error={showProblems}
      disabled={disabled}
    >
      <FormLabel component="legend">{schema.title}</FormLabel>
      {schema.description && (
        <FormHelperText id={`${id}-help`}>{schema.description}</FormHelperText>
      )}
      {contacts.map((contact, index) => {
        const problems = showProblems ? contactProblems(contact) : [];
        const key = `${id}-${index}`;
        return (
          <Box
            key={key}
            component="section"
            aria-label={t('scaffolder.contacts.contact', {
              index: String(index + 1),
            })}
            mt={2}
          >
            <Typography variant="subtitle2" component="h3">
              {t('scaffolder.contacts.contact', { index: String(index + 1) })}
            </Typography>
            <Grid container spacing={2} alignItems="flex-start">
              <Grid item xs={12} md={4}>
                <TextField
                  id={`${key}-name`}
                  label={title('name', 'Name')}
                  required
                  fullWidth
                  margin="dense"
                  variant="outlined"
                  value={contact.name ?? ''}
                  error={problems.includes('nameRequired')}
                  helperText={
                    problems.includes('nameRequired')
                      ? t('scaffolder.contacts.nameRequired')
                      : undefined
                  }
                  onChange={event =>
                    update(index, { name: event.target.value })
                  }
                />
              </Grid>
              <Grid item xs={12} md={4}>
                <TextField
                  id={`${key}-email`}
                  label={title('email', 'E-mail')}
                  type="email"
                  required
                  fullWidth
                  margin="dense"
                  variant="outlined"
                  value={contact.email ?? ''}
                  error={problems.includes('emailInvalid')}
                  helperText={
                    problems.includes('emailInvalid')
                      ? t('scaffolder.contacts.emailInvalid')
                      : undefined
                  }
                  onChange={event =>
                    update(index, { email: event.target.value })
                  }
                />
              </Grid>
              <Grid item xs={12} md={3}>
                <TextField
                  id={`${key}-role`}
                  label={title('role', 'Role')}
                  fullWidth
                  margin="dense"
                  variant="outlined"
                  value={contact.role ?? ''}
                  onChange={event =>
                    update(index, { role: event.target.value || undefined })
                  }
                />
              </Grid>
              {contacts.length > 1 && (
                <Grid item xs={12} md={1}>
                  <Box mt={2}>
                    <Button size="small" onClick={() => remove(index)}>
                      {t('scaffolder.contacts.remove')}
                      <span className="sr-only" style={srOnly}>
                        {` ${contact.name || index + 1}`}
                      </span>
                    </Button>
                  </Box>
                </Grid>
              )}
            </Grid>
          </Box>
        );
      })}
      {contacts.length < maxItems && (
        <Box mt={1}>
          <Button variant="outlined" color="primary" onClick={add}>
            {t('scaffolder.contacts.add')}
          </Button>
        </Box>
      )}
    </FormControl>
  );
}

/** Checks each contact: a name and a valid e-mail address. */
export const validateContacts: CustomFieldValidator<Contact[]> = (
  value,
  validation,
  context,
) => {
  const t = messagesOf(context.apiHolder);
  if (!value?.length) {
    validation.addError(t('scaffolder.contacts.required'));
    return;
  }
  value.forEach((contact, index) => {
    for (const problem of contactProblems(contact ?? {})) {
      validation.addError(
        t('scaffolder.contacts.problem', {
          index: String(index + 1),
          problem:
            problem === 'nameRequired'
              ? t('scaffolder.contacts.nameRequired')
              : t('scaffolder.contacts.emailInvalid'),
        }),
      );
    }
  });
};
