import { stringifyEntityRef } from '@backstage/catalog-model';
import { Content, Progress } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  CatalogFilterLayout,
  EntityKindPicker,
  EntityListProvider,
  EntitySearchBar,
  UserListPicker,
} from '@backstage/plugin-catalog-react';
import {
  FieldExtensionOptions,
  scaffolderApiRef,
  useTemplateSecrets,
  SecretsContextProvider,
} from '@backstage/plugin-scaffolder-react';
import {
  FormField,
  TemplateCategoryPicker,
  TemplateGroups,
  useTemplateParameterSchema,
  Workflow,
} from '@backstage/plugin-scaffolder-react/alpha';
import { useCallback, useMemo, useState } from 'react';
import {
  Navigate,
  Route,
  Routes,
  useNavigate,
  useParams,
} from 'react-router-dom';
import { REQUEST_TEMPLATE } from '../components/TenantOnboarding/paths';
import { cloudTranslationRef } from '../translation';
import { RequestReviewStep, ReviewLabelsContext } from './RequestReview';

function TemplateList() {
  const { t } = useTranslationRef(cloudTranslationRef);
  const navigate = useNavigate();
  const groups = useMemo(
    () => [
      {
        title: t('scaffolder.templates.newInstance'),
        filter: (entity: { metadata: { name: string } }) =>
          entity.metadata.name === REQUEST_TEMPLATE,
      },
      {
        title: t('scaffolder.templates.existingInstances'),
        filter: (entity: { metadata: { name: string } }) =>
          entity.metadata.name !== REQUEST_TEMPLATE,
      },
    ],
    [t],
  );
  return (
    <EntityListProvider>
      <Content>
        <CatalogFilterLayout>
          <CatalogFilterLayout.Filters>
            <EntitySearchBar />
            <EntityKindPicker initialFilter="template" hidden />
            <UserListPicker
              initialFilter="all"
              availableFilters={['all', 'starred']}
            />
            <TemplateCategoryPicker />
          </CatalogFilterLayout.Filters>
          <CatalogFilterLayout.Content>
            <TemplateGroups
              groups={groups}
              onTemplateSelected={template =>
                navigate(
                  `${template.metadata.namespace ?? 'default'}/${
                    template.metadata.name
                  }`,
                )
              }
            />
          </CatalogFilterLayout.Content>
        </CatalogFilterLayout>
      </Content>
    </EntityListProvider>
  );
}

/**
 * The form's schema errors, less those of the contacts' items: the
 * `CloudContacts` field checks them and says it in the user's language,
 * where Ajv's messages are English ('must match format "email"').
 */
export function transformErrors<T extends { property?: string }>(
  errors: T[],
): T[] {
  return errors.filter(error => !/^\.contacts\.\d+/.test(error.property ?? ''));
}

function TemplateWizard(props: { extensions: FieldExtensionOptions[] }) {
  const { namespace = 'default', templateName = '' } = useParams();
  const templateRef = stringifyEntityRef({
    kind: 'Template',
    namespace,
    name: templateName,
  });
  const { manifest } = useTemplateParameterSchema(templateRef);
  const scaffolderApi = useApi(scaffolderApiRef);
  const { secrets } = useTemplateSecrets();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const onCreate = useCallback(
    async (values: Record<string, any>) => {
      if (creating) {
        return;
      }
      setCreating(true);
      try {
        const { taskId } = await scaffolderApi.scaffold({
          templateRef,
          values,
          secrets,
        });
        // From /create/templates/<namespace>/<name> to /create/tasks/<id>.
        navigate(`../../../tasks/${taskId}`, { relative: 'path' });
      } finally {
        setCreating(false);
      }
    },
    [creating, scaffolderApi, templateRef, secrets, navigate],
  );
  const labels = manifest?.presentation?.buttonLabels;
  const onError = useCallback(
    () => <Navigate to="../.." relative="path" />,
    [],
  );
  return (
    <ReviewLabelsContext.Provider
      value={{
        back: labels?.backButtonText,
        create: labels?.createButtonText,
      }}
    >
      {creating && <Progress />}
      <Workflow
        namespace={namespace}
        templateName={templateName}
        onCreate={onCreate}
        onError={onError}
        extensions={props.extensions}
        components={{ ReviewStepComponent: RequestReviewStep }}
        formProps={{ transformErrors }}
      />
    </ReviewLabelsContext.Provider>
  );
}

/**
 * The "Formulaires" sub-page of /create, as the scaffolder's own but with
 * the portal's review page (answers as the person chose them, not codes)
 * and the request form listed first.
 */
export function TemplatesSubPage(props: { formFields: FormField[] }) {
  // A form field of the new frontend system is the field extension itself.
  const extensions = props.formFields as unknown as FieldExtensionOptions[];
  return (
    <Routes>
      <Route index element={<TemplateList />} />
      <Route
        path=":namespace/:templateName"
        element={
          <SecretsContextProvider>
            <TemplateWizard extensions={extensions} />
          </SecretsContextProvider>
        }
      />
    </Routes>
  );
}
