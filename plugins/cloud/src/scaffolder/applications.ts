import { isApplicationEntity } from '@amue/plugin-cloud-common';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import type { CatalogApi } from '@backstage/plugin-catalog-react';

/** An application a request may name, as the request form shows it. */
export interface OfferedApplication {
  /** Entity ref, `application:default/<name>` (the field's value). */
  ref: string;
  name: string;
  title: string;
  /** Environments the application offers. */
  environments: string[];
  /** Supported versions, newest first. */
  versions: string[];
}

/** The entity ref of an application given as a ref or a name; undefined otherwise. */
export function applicationRefOf(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.trim()) {
    return undefined;
  }
  try {
    const ref = parseEntityRef(value.trim(), {
      defaultKind: 'application',
      defaultNamespace: 'default',
    });
    if (ref.kind.toLocaleLowerCase('en-US') !== 'application') {
      return undefined;
    }
    return stringifyEntityRef(ref).toLocaleLowerCase('en-US');
  } catch {
    return undefined;
  }
}

function toOffered(entity: unknown): OfferedApplication | undefined {
  if (!isApplicationEntity(entity as any)) {
    return undefined;
  }
  const app = entity as any;
  return {
    ref: stringifyEntityRef(app).toLocaleLowerCase('en-US'),
    name: app.metadata.name,
    title: app.metadata.title ?? app.metadata.name,
    environments: [...(app.spec.environments ?? [])],
    versions: (app.spec.versions ?? [])
      .filter((v: { status: string }) => v.status === 'supported')
      .map((v: { version: string }) => v.version),
  };
}

/**
 * The applications offered as a service now (available or in pilot), the
 * ones a request may name, sorted by title.
 */
export async function loadOfferedApplications(
  catalogApi: Pick<CatalogApi, 'getEntities'>,
): Promise<OfferedApplication[]> {
  const { items } = await catalogApi.getEntities({
    filter: { kind: 'Application', 'spec.saas.status': ['available', 'pilot'] },
  });
  return items
    .flatMap(entity => toOffered(entity) ?? [])
    .sort((a, b) => a.title.localeCompare(b.title, 'fr'));
}

/** One application by ref or name; undefined when the catalog has none. */
export async function loadApplication(
  catalogApi: Pick<CatalogApi, 'getEntityByRef'>,
  value: unknown,
): Promise<OfferedApplication | undefined> {
  const ref = applicationRefOf(value);
  if (!ref) {
    return undefined;
  }
  return toOffered(await catalogApi.getEntityByRef(ref));
}

/** What the onboarding service says of one environment of a request. */
export interface ExistingCheck {
  environment: string;
  /** The tenant's name. */
  name: string;
  exists: boolean;
}

/**
 * Asks the onboarding service, without creating anything
 * (`POST /requests?dryRun=true`), whether the establishment already has
 * the instance of that application in that environment. Undefined when
 * the service does not answer with a verdict (the request's other checks
 * are the task's business).
 */
export async function checkExistingInstance(
  apis: { discoveryApi: DiscoveryApi; fetchApi: FetchApi },
  request: {
    application: OfferedApplication;
    uai: string;
    environment: string;
    version?: string;
  },
): Promise<ExistingCheck | undefined> {
  const version = request.version ?? request.application.versions[0];
  if (!version) {
    return undefined;
  }
  const baseUrl = await apis.discoveryApi.getBaseUrl('cloud');
  const response = await apis.fetchApi.fetch(
    `${baseUrl}/requests?dryRun=true`,
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        application: request.application.name,
        uai: request.uai,
        environment: request.environment,
        version,
        request: { migration: true },
      }),
    },
  );
  const name = `${request.application.name}-${request.uai.toLocaleLowerCase(
    'en-US',
  )}-${request.environment}`;
  if (response.status === 409) {
    return { environment: request.environment, name, exists: true };
  }
  if (!response.ok) {
    return undefined;
  }
  const body = (await response.json()) as { name?: string; exists?: boolean };
  return {
    environment: request.environment,
    name: body.name ?? name,
    exists: Boolean(body.exists),
  };
}
