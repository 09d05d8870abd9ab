import {
  createFrontendModule,
  SubPageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  FormFieldBlueprint,
  formFieldsApiRef,
} from '@backstage/plugin-scaffolder-react/alpha';

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

/** `ui:field: CloudApplicationPicker` */
export const applicationPickerFormField = FormFieldBlueprint.make({
  name: 'application-picker',
  params: {
    field: () => import('./fields').then(m => m.applicationPickerField),
  },
});

/** `ui:field: CloudEnvironmentsPicker` */
export const environmentsPickerFormField = FormFieldBlueprint.make({
  name: 'environments-picker',
  params: {
    field: () => import('./fields').then(m => m.environmentsPickerField),
  },
});

/** `ui:field: CloudContacts` */
export const contactsFormField = FormFieldBlueprint.make({
  name: 'contacts',
  params: {
    field: () => import('./fields').then(m => m.contactsField),
  },
});

/** Every scaffolder form field of the portal. */
export const scaffolderFormFields = [
  establishmentPickerFormField,
  applicationVersionPickerFormField,
  goLiveDatePickerFormField,
  applicationPickerFormField,
  environmentsPickerFormField,
  contactsFormField,
];

/**
 * `sub-page:scaffolder/templates`, replaced: the forms with the portal's
 * review page (answers as chosen, not codes) and the request form first.
 */
const templatesSubPage = SubPageBlueprint.makeWithOverrides({
  name: 'templates',
  factory(originalFactory, { apis }) {
    const formFieldsApi = apis.get(formFieldsApiRef);
    return originalFactory({
      path: 'templates',
      title: 'Templates',
      loader: async () => {
        const formFields = (await formFieldsApi?.loadFormFields()) ?? [];
        return import('./TemplatesSubPage').then(m => (
          <m.TemplatesSubPage formFields={formFields} />
        ));
      },
    });
  },
});

/**
 * `sub-page:scaffolder/tasks`, replaced: a failed task told as a
 * translated sentence, its log behind a button.
 */
const tasksSubPage = SubPageBlueprint.make({
  name: 'tasks',
  params: {
    path: 'tasks',
    title: 'Tasks',
    loader: () => import('./TasksSubPage').then(m => <m.TasksSubPage />),
  },
});

/**
 * The portal's pages of the scaffolder plugin (/create), replacing its
 * templates and tasks sub-pages. Installed by the app.
 *
 * @public
 */
export const scaffolderModuleCloud = createFrontendModule({
  pluginId: 'scaffolder',
  extensions: [templatesSubPage, tasksSubPage],
});
