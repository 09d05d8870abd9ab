import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';

/*
 * The portal's scaffolder form fields (new frontend system), loaded when a
 * form needs them. Used in templates/ by their `ui:field` name.
 */

/** `ui:field: CloudEstablishmentPicker` */
export const establishmentPickerFormField = FormFieldBlueprint.make({
  name: 'establishment-picker',
  params: {
    field: () => import('./fields').then(m => m.establishmentPickerField),
  },
});

/** `ui:field: CloudApplicationVersionPicker` */
export const applicationVersionPickerFormField = FormFieldBlueprint.make({
  name: 'application-version-picker',
  params: {
    field: () => import('./fields').then(m => m.applicationVersionPickerField),
  },
});

/** `ui:field: CloudGoLiveDatePicker` */
export const goLiveDatePickerFormField = FormFieldBlueprint.make({
  name: 'go-live-date-picker',
  params: {
    field: () => import('./fields').then(m => m.goLiveDatePickerField),
  },
});

/** Every scaffolder form field of the portal. */
export const scaffolderFormFields = [
  establishmentPickerFormField,
  applicationVersionPickerFormField,
  goLiveDatePickerFormField,
];
