/**
 * Paths of the onboarding pages. The notifications of the cloud backend
 * link to {@link tenantPagePath} (plugins/cloud-backend, `tenantPagePath`):
 * keep both in step.
 */

/** "My instances". */
export const INSTANCES_PATH = '/cloud/instances';

/** "Requests", for Amue's product owners. */
export const REQUESTS_PATH = '/cloud/requests';

/** The onboarding page of a tenant. */
export function tenantPagePath(name: string): string {
  return `/cloud/tenants/${encodeURIComponent(name)}`;
}

/** Name of the scaffolder template that requests a hosted instance. */
export const REQUEST_TEMPLATE = 'demander-une-instance';

/**
 * The request form (scaffolder template), with the establishment's UAI
 * and the application (its name) filled in when known.
 */
export function requestFormPath(uai?: string, application?: string): string {
  const base = `/create/templates/default/${REQUEST_TEMPLATE}`;
  const formData = {
    ...(uai ? { uai } : {}),
    ...(application
      ? { application: `application:default/${application}` }
      : {}),
  };
  return Object.keys(formData).length
    ? `${base}?${new URLSearchParams({ formData: JSON.stringify(formData) })}`
    : base;
}

/**
 * The documentation of a step: the onboarding page of the application's
 * TechDocs (`accompagnement`, see `ONBOARDING_STEPS[].documentation`), at
 * the step's anchor.
 */
export function stepDocumentationPath(
  application: string,
  documentation: string,
): string {
  const [page, anchor] = documentation.split('#');
  return `/docs/default/application/${encodeURIComponent(
    application,
  )}/${page}/${anchor ? `#${anchor}` : ''}`;
}
