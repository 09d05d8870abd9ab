import {
  createFormField,
  FormField,
} from '@backstage/plugin-scaffolder-react/alpha';
import { makeFieldSchema } from '@backstage/plugin-scaffolder-react';
import {
  APPLICATION_PICKER,
  ApplicationPickerField,
  validateApplication,
} from './ApplicationPickerField';
import {
  CONTACTS_FIELD,
  ContactsField,
  validateContacts,
} from './ContactsField';
import {
  ENVIRONMENTS_PICKER,
  EnvironmentsPickerField,
  validateEnvironments,
} from './EnvironmentsPickerField';
import {
  APPLICATION_VERSION_PICKER,
  ApplicationVersionPickerField,
  validateApplicationVersion,
} from './ApplicationVersionPickerField';
import {
  ESTABLISHMENT_PICKER,
  EstablishmentPickerField,
  validateEstablishment,
} from './EstablishmentPickerField';
import {
  GO_LIVE_DATE_PICKER,
  GoLiveDatePickerField,
  validateGoLiveDate,
} from './GoLiveDatePickerField';

/** `CloudEstablishmentPicker`: the establishment of a request (UAI). */
export const establishmentPickerField: FormField = createFormField({
  name: ESTABLISHMENT_PICKER,
  component: EstablishmentPickerField,
  validation: validateEstablishment,
  schema: makeFieldSchema({ output: z => z.string() }),
});

/** `CloudApplicationVersionPicker`: a supported version of an application. */
export const applicationVersionPickerField: FormField = createFormField({
  name: APPLICATION_VERSION_PICKER,
  component: ApplicationVersionPickerField as any,
  validation: validateApplicationVersion as any,
  schema: makeFieldSchema({
    output: z => z.string(),
    uiOptions: z =>
      z.object({
        applicationField: z
          .string()
          .optional()
          .describe(
            'Field of the form holding the Application (or a Tenant), "application" by default',
          ),
        optional: z
          .boolean()
          .optional()
          .describe('No version by default (keep the tenant’s)'),
      }),
  }),
});

/** `CloudGoLiveDatePicker`: a date today or later. */
export const goLiveDatePickerField: FormField = createFormField({
  name: GO_LIVE_DATE_PICKER,
  component: GoLiveDatePickerField,
  validation: validateGoLiveDate,
  schema: makeFieldSchema({ output: z => z.string() }),
});

/** `CloudApplicationPicker`: an application offered as a service (entity ref). */
export const applicationPickerField: FormField = createFormField({
  name: APPLICATION_PICKER,
  component: ApplicationPickerField,
  validation: validateApplication,
  schema: makeFieldSchema({ output: z => z.string() }),
});

/** `CloudEnvironmentsPicker`: environments the application offers, none existing. */
export const environmentsPickerField: FormField = createFormField({
  name: ENVIRONMENTS_PICKER,
  component: EnvironmentsPickerField,
  validation: validateEnvironments,
  schema: makeFieldSchema({ output: z => z.array(z.string()) }),
});

/** `CloudContacts`: the people Amue contacts, the signed-in person first. */
export const contactsField: FormField = createFormField({
  name: CONTACTS_FIELD,
  component: ContactsField as any,
  validation: validateContacts as any,
  schema: makeFieldSchema({
    output: z =>
      z.array(
        z.object({
          name: z.string(),
          email: z.string(),
          role: z.string().optional(),
        }),
      ),
  }),
});
