import {
  createFormField,
  FormField,
} from '@backstage/plugin-scaffolder-react/alpha';
import { makeFieldSchema } from '@backstage/plugin-scaffolder-react';
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
