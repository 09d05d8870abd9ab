import { Entity } from '@backstage/catalog-model';
import {
  formatEntityProblems,
  validateApplicationEntity,
  validateTenantEntity,
} from './validation';
import { isApplicationEntity } from './ApplicationEntityV1alpha1';
import { isTenantEntity } from './TenantEntityV1alpha1';

const application = (spec: Record<string, unknown> = {}): Entity => ({
  apiVersion: 'cloud.amue.fr/v1alpha1',
  kind: 'Application',
  metadata: { name: 'sifac' },
  spec: {
    owner: 'amue-equipe-finance',
    domain: 'finance',
    lifecycle: 'production',
    versions: [
      { version: '2024.1', status: 'supported', releaseDate: '2024-06-17' },
      { version: '2023.2', status: 'deprecated', releaseDate: '2023-11-20' },
    ],
    environments: ['production', 'preproduction', 'formation'],
    saas: { status: 'available', since: '2023-09-01' },
    prerequisites: ['Convention de service signée'],
    ...spec,
  },
});

const tenant = (
  spec: Record<string, unknown> = {},
  name = 'sifac-0333298f-production',
): Entity => ({
  apiVersion: 'cloud.amue.fr/v1alpha1',
  kind: 'Tenant',
  metadata: { name },
  spec: {
    application: 'sifac',
    establishment: 'etab-0333298f',
    environment: 'production',
    version: '2024.1',
    status: 'live',
    url: 'https://sifac-0333298f.cloud.amue.fr',
    sso: {
      protocol: 'saml',
      idpEntityId: 'https://idp.u-bordeaux.fr/idp/shibboleth',
    },
    ...spec,
  },
});

const messages = (problems: { field: string; message: string }[]) =>
  problems.map(p => `${p.field} ${p.message}`);

describe('Application validation', () => {
  it('accepts a complete application and recognises its kind', () => {
    expect(validateApplicationEntity(application())).toEqual([]);
    expect(isApplicationEntity(application())).toBe(true);
    expect(isTenantEntity(application())).toBe(false);
  });

  it('accepts an application without its optional fields', () => {
    const entity = application();
    delete (entity.spec as any).prerequisites;
    (entity.spec as any).saas = { status: 'planned' };
    expect(validateApplicationEntity(entity)).toEqual([]);
  });

  it.each([
    [{ owner: undefined }, 'spec.owner is required'],
    [{ owner: '' }, 'spec.owner must not be empty'],
    [{ domain: 42 }, 'spec.domain must be of type string (got 42)'],
    [
      { lifecycle: 'retired' },
      'spec.lifecycle must be one of experimental, production, deprecated, end-of-life (got "retired")',
    ],
    [{ versions: [] }, 'spec.versions must hold at least 1 item(s)'],
    [
      {
        versions: [{ version: '1', status: 'old', releaseDate: '2024-01-01' }],
      },
      'spec.versions[0].status must be one of supported, deprecated, end-of-life (got "old")',
    ],
    [
      {
        versions: [
          { version: '1', status: 'supported', releaseDate: '17/06/2024' },
        ],
      },
      'spec.versions[0].releaseDate must be a date YYYY-MM-DD (got "17/06/2024")',
    ],
    [
      { versions: [{ version: '1', status: 'supported' }] },
      'spec.versions[0].releaseDate is required',
    ],
    [
      {
        versions: [
          { version: '1', status: 'supported', releaseDate: '2024-01-01' },
          { version: '1', status: 'deprecated', releaseDate: '2023-01-01' },
        ],
      },
      'spec.versions[1].version must be unique (version "1" is listed twice)',
    ],
    [
      { environments: ['production', 'prod'] },
      'spec.environments[1] must be one of production, preproduction, formation, test (got "prod")',
    ],
    [
      { environments: ['test', 'test'] },
      'spec.environments must not repeat a value (items 0 and 1 are equal)',
    ],
    [{ environments: [] }, 'spec.environments must hold at least 1 item(s)'],
    [
      { saas: { status: 'soon' } },
      'spec.saas.status must be one of available, pilot, planned, unavailable (got "soon")',
    ],
    [
      { saas: { status: 'available', since: '2023' } },
      'spec.saas.since must be a date YYYY-MM-DD (got "2023")',
    ],
    [{ prerequisites: [''] }, 'spec.prerequisites[0] must not be empty'],
    [{ replacedBy: '' }, 'spec.replacedBy must not be empty'],
    [{ color: 'blue' }, 'spec.color is not a known field'],
  ])('rejects %p with "%s"', (spec, message) => {
    const entity = application(spec);
    for (const [key, value] of Object.entries(spec)) {
      if (value === undefined) delete (entity.spec as any)[key];
    }
    expect(messages(validateApplicationEntity(entity))).toEqual([message]);
  });

  it('requires a spec', () => {
    const entity = { ...application(), spec: undefined };
    expect(messages(validateApplicationEntity(entity))).toEqual([
      'spec is required',
    ]);
  });
});

describe('Tenant validation', () => {
  it('accepts a complete tenant and recognises its kind', () => {
    expect(validateTenantEntity(tenant())).toEqual([]);
    expect(isTenantEntity(tenant())).toBe(true);
  });

  it('accepts references with kind and namespace, and no url/sso', () => {
    const entity = tenant({
      application: 'application:default/sifac',
      establishment: 'group:default/etab-0333298f',
      url: undefined,
      sso: undefined,
    });
    delete (entity.spec as any).url;
    delete (entity.spec as any).sso;
    expect(validateTenantEntity(entity)).toEqual([]);
  });

  it.each([
    [{ application: undefined }, 'spec.application is required'],
    [{ establishment: undefined }, 'spec.establishment is required'],
    [
      { environment: 'prod' },
      'spec.environment must be one of production, preproduction, formation, test (got "prod")',
    ],
    [{ version: '' }, 'spec.version must not be empty'],
    [
      { status: 'active' },
      'spec.status must be one of requested, provisioning, onboarding, live, suspended, decommissioned (got "active")',
    ],
    [
      { url: 'sifac.cloud.amue.fr' },
      'spec.url must be an http(s) URL (got "sifac.cloud.amue.fr")',
    ],
    [
      { sso: { protocol: 'cas', idpEntityId: 'https://idp.u-bordeaux.fr' } },
      'spec.sso.protocol must be one of saml, oidc (got "cas")',
    ],
    [
      { sso: { protocol: 'saml', idpEntityId: 'idp.u-bordeaux.fr' } },
      'spec.sso.idpEntityId must be an http(s) URL or a URN (got "idp.u-bordeaux.fr")',
    ],
    [{ sso: { protocol: 'saml' } }, 'spec.sso.idpEntityId is required'],
    [{ owner: 'someone' }, 'spec.owner is not a known field'],
    [
      { establishment: 'universite-bordeaux' },
      'spec.establishment must name an establishment Group "etab-<UAI>" with a valid UAI code (got "universite-bordeaux")',
    ],
    [
      { establishment: 'etab-0333298g' },
      'spec.establishment must name an establishment Group "etab-<UAI>" with a valid UAI code (got "etab-0333298g")',
    ],
  ])('rejects %p with "%s"', (spec, message) => {
    const entity = tenant(spec);
    for (const [key, value] of Object.entries(spec)) {
      if (value === undefined) delete (entity.spec as any)[key];
    }
    expect(messages(validateTenantEntity(entity))).toEqual([message]);
  });

  it.each([
    ['sifac-0597239y-production', 'establishment of another tenant'],
    ['sifac-0333298f-test', 'another environment'],
    ['siham-0333298f-production', 'another application'],
    ['SIFAC-0333298F-PRODUCTION', 'uppercase'],
  ])('rejects the name %s (%s)', name => {
    expect(messages(validateTenantEntity(tenant({}, name)))).toEqual([
      `metadata.name must be "<application>-<uai>-<environment>", here "sifac-0333298f-production" (got "${name}")`,
    ]);
  });
});

describe('formatEntityProblems', () => {
  it('names the entity, then each field and rule', () => {
    const entity = tenant({ environment: 'prod', status: 'active' });
    expect(formatEntityProblems(entity, validateTenantEntity(entity))).toBe(
      'Tenant "sifac-0333298f-production": spec.environment must be one of production, preproduction, formation, test (got "prod"); spec.status must be one of requested, provisioning, onboarding, live, suspended, decommissioned (got "active")',
    );
  });
});
