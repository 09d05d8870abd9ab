import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { permissionRules } from '@backstage/plugin-catalog-backend/alpha';
import {
  catalogEntityCreatePermission,
  catalogEntityDeletePermission,
  catalogEntityReadPermission,
  catalogLocationCreatePermission,
  catalogLocationDeletePermission,
  catalogEntityRefreshPermission,
  catalogEntityValidatePermission,
  catalogLocationAnalyzePermission,
  catalogLocationReadPermission,
} from '@backstage/plugin-catalog-common/alpha';
import {
  actionExecutePermission,
  taskCancelPermission,
  taskCreatePermission,
  taskReadPermission,
  templateDryRunPermission,
  templateManagementPermission,
  templateParameterReadPermission,
  templateStepReadPermission,
} from '@backstage/plugin-scaffolder-common/alpha';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  AuthorizeResult,
  ConditionalPolicyDecision,
  Permission,
  PermissionCondition,
  PermissionCriteria,
  PolicyDecision,
  createPermission,
} from '@backstage/plugin-permission-common';
import {
  CLOUD_TENANT_RULES,
  TENANT_RESOURCE_TYPE,
  cloudPermissions,
  cloudPersonDeletePermission,
  cloudReportReadPermission,
  cloudRequestApprovePermission,
  cloudRequestCreatePermission,
  cloudTenantReadPermission,
  cloudTenantUpdatePermission,
} from '@amue/plugin-cloud-common';
import { CloudPermissionPolicy } from './CloudPermissionPolicy';

const ADMIN = 'user:default/marc.petit';
const FINANCE_PO = 'user:default/sophie.bernard';
const RH_PO = 'user:default/nathalie.moreau';
const BORDEAUX = 'user:default/claire.dubois';
/** A product owner who is also in an establishment's IT team. */
const LILLE_AND_FINANCE = 'user:default/julien.lefebvre';
const NOBODY = 'user:default/nobody';
/** A user whose token carries no ownership claim at all. */
const NO_CLAIMS = 'user:default/no-claims';
/** A User (not a Group) whose name looks like an establishment's. */
const USER_NAMED_LIKE_ESTABLISHMENT = 'user:default/etab-0333298f';

const OWNERSHIP: Record<string, string[]> = {
  [ADMIN]: [ADMIN, 'group:default/amue-admins'],
  [FINANCE_PO]: [FINANCE_PO, 'group:default/amue-equipe-finance'],
  [RH_PO]: [RH_PO, 'group:default/amue-equipe-rh'],
  [BORDEAUX]: [BORDEAUX, 'group:default/etab-0333298f'],
  [LILLE_AND_FINANCE]: [
    LILLE_AND_FINANCE,
    'group:default/etab-0597239y',
    'group:default/amue-equipe-finance',
  ],
  [NOBODY]: [NOBODY],
  [NO_CLAIMS]: [],
};

function application(name: string, owner: string): Entity {
  return {
    apiVersion: 'cloud.amue.fr/v1alpha1',
    kind: 'Application',
    metadata: { name, namespace: 'default' },
    spec: { owner, domain: 'finance', lifecycle: 'production' },
  };
}

// Owners written both ways: a bare name and a full entity ref.
const APPLICATIONS = [
  application('sifac', 'amue-equipe-finance'),
  application('siham', 'group:default/amue-equipe-rh'),
  application('pegase', 'amue-equipe-scolarite'),
];

/** A Tenant entity as the catalog serves it, with the relations of the model layer. */
function tenant(app: string, uai: string): Entity {
  const name = `${app}-${uai}-production`;
  return {
    apiVersion: 'cloud.amue.fr/v1alpha1',
    kind: 'Tenant',
    metadata: { name, namespace: 'default' },
    spec: {
      application: app,
      establishment: `etab-${uai}`,
      environment: 'production',
      version: '2026.1',
      status: 'live',
    },
    relations: [
      { type: 'ownedBy', targetRef: `group:default/etab-${uai}` },
      { type: 'instanceOf', targetRef: `application:default/${app}` },
    ],
  };
}

const component: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'portal', namespace: 'default' },
  spec: { owner: 'group:default/amue-admins', type: 'website' },
  relations: [{ type: 'ownedBy', targetRef: 'group:default/amue-admins' }],
};

/** Evaluates catalog conditions on an entity with the catalog's own rules. */
function matches(
  criteria: PermissionCriteria<PermissionCondition>,
  entity: Entity,
): boolean {
  if ('anyOf' in criteria) {
    return criteria.anyOf.some(c => matches(c, entity));
  }
  if ('allOf' in criteria) {
    return criteria.allOf.every(c => matches(c, entity));
  }
  if ('not' in criteria) {
    return !matches(criteria.not, entity);
  }
  const rule = Object.values(permissionRules).find(
    r => r.name === criteria.rule,
  );
  if (!rule) {
    throw new Error(`unknown catalog rule ${criteria.rule}`);
  }
  return rule.apply(entity, criteria.params as any);
}

function setup(options?: { applicationsCacheTtlMs?: number }) {
  const catalog = catalogServiceMock({ entities: APPLICATIONS });
  const getEntities = jest.spyOn(catalog, 'getEntities');
  const logger = mockServices.logger.mock();
  const userInfo = mockServices.userInfo.mock({
    async getUserInfo(credentials) {
      const ref = (credentials.principal as { userEntityRef: string })
        .userEntityRef;
      return {
        userEntityRef: ref,
        ownershipEntityRefs: OWNERSHIP[ref] ?? [ref],
      };
    },
  });
  const policy = new CloudPermissionPolicy({
    userInfo,
    catalog,
    auth: mockServices.auth(),
    logger,
    applicationsCacheTtlMs: options?.applicationsCacheTtlMs,
  });
  const decide = (permission: Permission, ref?: string) =>
    policy.handle(
      { permission },
      ref
        ? {
            credentials: mockCredentials.user(ref),
            info: { userEntityRef: ref, ownershipEntityRefs: [] },
          }
        : undefined,
    );
  return { policy, catalog, getEntities, logger, decide };
}

const tenantConditions = (decision: PolicyDecision) => {
  expect(decision).toMatchObject({
    result: AuthorizeResult.CONDITIONAL,
    pluginId: 'cloud',
    resourceType: TENANT_RESOURCE_TYPE,
  });
  return (decision as ConditionalPolicyDecision).conditions;
};

const establishmentMember = (claims: string[]) => ({
  rule: CLOUD_TENANT_RULES.isEstablishmentMember,
  resourceType: TENANT_RESOURCE_TYPE,
  params: { claims },
});
const applicationOwner = (applications: string[]) => ({
  rule: CLOUD_TENANT_RULES.isApplicationOwner,
  resourceType: TENANT_RESOURCE_TYPE,
  params: { applications },
});

describe('CloudPermissionPolicy', () => {
  afterEach(() => jest.restoreAllMocks());

  describe('Amue administrator', () => {
    it.each([
      ...cloudPermissions,
      catalogEntityReadPermission,
      catalogEntityCreatePermission,
      catalogEntityDeletePermission,
      catalogLocationCreatePermission,
      catalogLocationDeletePermission,
    ])('is allowed $name without condition', async permission => {
      const { decide, getEntities } = setup();
      await expect(decide(permission, ADMIN)).resolves.toEqual({
        result: AuthorizeResult.ALLOW,
      });
      expect(getEntities).not.toHaveBeenCalled();
    });
  });

  describe('Amue product owner', () => {
    it.each([cloudTenantReadPermission, cloudTenantUpdatePermission])(
      'gets $name on the tenants of the applications its team owns only',
      async permission => {
        const { decide } = setup();
        expect(tenantConditions(await decide(permission, FINANCE_PO))).toEqual({
          anyOf: [applicationOwner(['sifac'])],
        });
        // The owner written as a full entity ref is recognised too.
        expect(tenantConditions(await decide(permission, RH_PO))).toEqual({
          anyOf: [applicationOwner(['siham'])],
        });
      },
    );

    it('who is also in an establishment team gets both conditions', async () => {
      const { decide } = setup();
      expect(
        tenantConditions(
          await decide(cloudTenantUpdatePermission, LILLE_AND_FINANCE),
        ),
      ).toEqual({
        anyOf: [
          establishmentMember(['group:default/etab-0597239y']),
          applicationOwner(['sifac']),
        ],
      });
    });

    it('approves the requests of its applications only', async () => {
      const { decide } = setup();
      expect(
        tenantConditions(
          await decide(cloudRequestApprovePermission, FINANCE_PO),
        ),
      ).toEqual(applicationOwner(['sifac']));
    });

    it.each([cloudRequestCreatePermission, cloudReportReadPermission])(
      'is allowed $name',
      async permission => {
        const { decide } = setup();
        await expect(decide(permission, FINANCE_PO)).resolves.toEqual({
          result: AuthorizeResult.ALLOW,
        });
      },
    );

    it('reads the Tenant entities of its applications in the catalog, not the others', async () => {
      const { decide } = setup();
      const decision = await decide(catalogEntityReadPermission, FINANCE_PO);
      expect(decision).toMatchObject({
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'catalog',
        resourceType: 'catalog-entity',
      });
      const { conditions } = decision as ConditionalPolicyDecision;
      expect(matches(conditions, tenant('sifac', '0333298f'))).toBe(true);
      expect(matches(conditions, tenant('sifac', '0597239y'))).toBe(true);
      expect(matches(conditions, tenant('siham', '0333298f'))).toBe(false);
      expect(matches(conditions, component)).toBe(true);
      expect(
        matches(conditions, {
          ...tenant('sifac', '0333298f'),
          spec: {
            ...tenant('sifac', '0333298f').spec,
            application: 'application:default/sifac',
          },
        }),
      ).toBe(true);
    });
  });

  describe('establishment member', () => {
    it.each([cloudTenantReadPermission, cloudTenantUpdatePermission])(
      'gets $name on the tenants of its establishment only',
      async permission => {
        const { decide } = setup();
        expect(tenantConditions(await decide(permission, BORDEAUX))).toEqual({
          anyOf: [establishmentMember(['group:default/etab-0333298f'])],
        });
      },
    );

    it('is allowed to create requests', async () => {
      const { decide } = setup();
      await expect(
        decide(cloudRequestCreatePermission, BORDEAUX),
      ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
    });

    it.each([cloudRequestApprovePermission, cloudReportReadPermission])(
      'is denied $name',
      async permission => {
        const { decide } = setup();
        await expect(decide(permission, BORDEAUX)).resolves.toEqual({
          result: AuthorizeResult.DENY,
        });
      },
    );

    it('reads its own Tenant entities in the catalog and every other kind', async () => {
      const { decide } = setup();
      const decision = await decide(catalogEntityReadPermission, BORDEAUX);
      const { conditions } = decision as ConditionalPolicyDecision;
      expect(matches(conditions, tenant('sifac', '0333298f'))).toBe(true);
      expect(matches(conditions, tenant('siham', '0333298f'))).toBe(true);
      expect(matches(conditions, tenant('sifac', '0597239y'))).toBe(false);
      expect(matches(conditions, component)).toBe(true);
      expect(matches(conditions, APPLICATIONS[0])).toBe(true);
    });

    it.each([
      catalogLocationCreatePermission,
      catalogLocationDeletePermission,
      catalogEntityCreatePermission,
      catalogEntityDeletePermission,
    ])('is denied $name', async permission => {
      const { decide } = setup();
      await expect(decide(permission, BORDEAUX)).resolves.toEqual({
        result: AuthorizeResult.DENY,
      });
    });

    it('is denied a permission the portal has not decided on (default-deny)', async () => {
      const { decide } = setup();
      const unknown = createPermission({
        name: 'kubernetes.proxy',
        attributes: {},
      });
      await expect(decide(unknown, BORDEAUX)).resolves.toEqual({
        result: AuthorizeResult.DENY,
      });
      await expect(decide(unknown, FINANCE_PO)).resolves.toEqual({
        result: AuthorizeResult.DENY,
      });
      await expect(decide(unknown, ADMIN)).resolves.toEqual({
        result: AuthorizeResult.ALLOW,
      });
    });

    it.each([
      catalogLocationAnalyzePermission,
      catalogLocationReadPermission,
      catalogEntityValidatePermission,
      templateDryRunPermission,
      templateManagementPermission,
    ])('is denied $name', async permission => {
      const { decide } = setup();
      await expect(decide(permission, BORDEAUX)).resolves.toEqual({
        result: AuthorizeResult.DENY,
      });
    });

    it('refreshes only the entities its establishment owns', async () => {
      const { decide } = setup();
      const decision = await decide(catalogEntityRefreshPermission, BORDEAUX);
      expect(decision).toMatchObject({
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'catalog',
      });
      const { conditions } = decision as ConditionalPolicyDecision;
      expect(matches(conditions, tenant('sifac', '0333298f'))).toBe(true);
      expect(matches(conditions, tenant('sifac', '0597239y'))).toBe(false);
      expect(matches(conditions, component)).toBe(false);
    });

    it.each([taskReadPermission, taskCancelPermission])(
      'gets $name on the tasks it created only',
      async permission => {
        const { decide } = setup();
        await expect(decide(permission, BORDEAUX)).resolves.toEqual({
          result: AuthorizeResult.CONDITIONAL,
          pluginId: 'scaffolder',
          resourceType: 'scaffolder-task',
          conditions: {
            rule: 'IS_TASK_OWNER',
            resourceType: 'scaffolder-task',
            params: { createdBy: [BORDEAUX] },
          },
        });
      },
    );

    it('runs the templates', async () => {
      const { decide } = setup();
      for (const permission of [
        taskCreatePermission,
        actionExecutePermission,
        templateParameterReadPermission,
        templateStepReadPermission,
      ]) {
        await expect(decide(permission, BORDEAUX)).resolves.toEqual({
          result: AuthorizeResult.ALLOW,
        });
      }
    });
  });

  it('denies the tenant permissions to a user of no establishment and no product team', async () => {
    const { decide } = setup();
    for (const permission of [
      cloudTenantReadPermission,
      cloudTenantUpdatePermission,
      cloudRequestApprovePermission,
      cloudReportReadPermission,
    ]) {
      await expect(decide(permission, NOBODY)).resolves.toEqual({
        result: AuthorizeResult.DENY,
      });
    }
  });

  describe('people signed in through the federation', () => {
    it.each([
      ['a product owner', FINANCE_PO],
      ['an establishment member', BORDEAUX],
    ])('are removed by administrators only, not %s', async (_, ref) => {
      const { decide } = setup();
      await expect(decide(cloudPersonDeletePermission, ref)).resolves.toEqual({
        result: AuthorizeResult.DENY,
      });
    });
  });

  describe('without a user identity', () => {
    it.each(cloudPermissions)('denies $name', async permission => {
      const { decide } = setup();
      await expect(decide(permission)).resolves.toEqual({
        result: AuthorizeResult.DENY,
      });
    });

    it('denies catalog administration', async () => {
      const { decide } = setup();
      await expect(decide(catalogLocationCreatePermission)).resolves.toEqual({
        result: AuthorizeResult.DENY,
      });
    });

    it('denies catalog reads', async () => {
      const { decide } = setup();
      await expect(decide(catalogEntityReadPermission)).resolves.toEqual({
        result: AuthorizeResult.DENY,
      });
    });
  });

  describe('claims that give nothing', () => {
    it('a User named like an establishment is not its member', async () => {
      const { decide } = setup();
      expect(
        await decide(cloudTenantReadPermission, USER_NAMED_LIKE_ESTABLISHMENT),
      ).toEqual({ result: AuthorizeResult.DENY });
    });

    it('without ownership claims, reads every entity but Tenants and no tenant', async () => {
      const { decide } = setup();
      expect(await decide(cloudTenantReadPermission, NO_CLAIMS)).toEqual({
        result: AuthorizeResult.DENY,
      });
      const decision = (await decide(
        catalogEntityReadPermission,
        NO_CLAIMS,
      )) as ConditionalPolicyDecision;
      expect(decision.conditions).toEqual({
        anyOf: [
          {
            not: expect.objectContaining({
              rule: 'IS_ENTITY_KIND',
              params: { kinds: ['Tenant'] },
            }),
          },
        ],
      });
    });
  });

  describe('applications cache', () => {
    it('reads the applications from the catalog once per TTL, with service credentials', async () => {
      const now = jest.spyOn(Date, 'now').mockReturnValue(1_000_000);
      const { decide, getEntities } = setup({ applicationsCacheTtlMs: 30_000 });

      await decide(cloudTenantReadPermission, FINANCE_PO);
      await decide(catalogEntityReadPermission, RH_PO);
      expect(getEntities).toHaveBeenCalledTimes(1);
      expect(getEntities).toHaveBeenCalledWith(
        expect.objectContaining({ filter: { kind: 'Application' } }),
        {
          credentials: expect.objectContaining({
            principal: expect.objectContaining({ type: 'service' }),
          }),
        },
      );

      now.mockReturnValue(1_000_000 + 30_001);
      expect(
        tenantConditions(await decide(cloudTenantReadPermission, RH_PO)),
      ).toEqual({ anyOf: [applicationOwner(['siham'])] });
      expect(getEntities).toHaveBeenCalledTimes(2);
    });

    it('shares one catalog call between concurrent decisions', async () => {
      const { decide, getEntities } = setup();
      await Promise.all([
        decide(cloudTenantReadPermission, FINANCE_PO),
        decide(cloudTenantReadPermission, RH_PO),
        decide(cloudReportReadPermission, FINANCE_PO),
      ]);
      expect(getEntities).toHaveBeenCalledTimes(1);
    });

    it.each([
      catalogEntityDeletePermission,
      catalogEntityRefreshPermission,
      taskReadPermission,
      taskCreatePermission,
    ])(
      'does not consult the catalog for %p, decided the same for every role',
      async permission => {
        const { decide, getEntities } = setup();
        await decide(permission, FINANCE_PO);
        expect(getEntities).not.toHaveBeenCalled();
      },
    );

    it('does not consult the catalog for a user without ownership claims', async () => {
      const { decide, getEntities } = setup();
      await decide(cloudTenantReadPermission, NO_CLAIMS);
      await decide(catalogEntityReadPermission, NO_CLAIMS);
      expect(getEntities).not.toHaveBeenCalled();
    });

    it('does not consult the catalog for an establishment member request', async () => {
      const { decide, getEntities } = setup();
      await decide(cloudRequestCreatePermission, BORDEAUX);
      expect(getEntities).not.toHaveBeenCalled();
    });
  });

  describe('when the catalog cannot be read', () => {
    it.each([
      cloudTenantReadPermission,
      cloudTenantUpdatePermission,
      cloudRequestApprovePermission,
      cloudReportReadPermission,
    ])('denies $name and logs the error', async permission => {
      const { decide, getEntities, logger } = setup();
      getEntities.mockRejectedValue(new Error('catalog unavailable'));
      await expect(decide(permission, FINANCE_PO)).resolves.toEqual({
        result: AuthorizeResult.DENY,
      });
      await expect(decide(permission, BORDEAUX)).resolves.toEqual({
        result: AuthorizeResult.DENY,
      });
      expect(logger.error).toHaveBeenCalledWith(
        expect.stringContaining(permission.name),
        expect.objectContaining({ message: 'catalog unavailable' }),
      );
    });

    it('still answers catalog reads with the establishment rule only', async () => {
      const { decide, getEntities, logger } = setup();
      getEntities.mockRejectedValue(new Error('catalog unavailable'));
      const { conditions } = (await decide(
        catalogEntityReadPermission,
        LILLE_AND_FINANCE,
      )) as ConditionalPolicyDecision;
      expect(matches(conditions, tenant('sifac', '0597239y'))).toBe(true);
      expect(matches(conditions, tenant('sifac', '0333298f'))).toBe(false);
      // Every entity but Tenants, and what the user owns: nothing on
      // applications, whose owners are unknown.
      expect(conditions).toEqual({
        anyOf: [
          expect.objectContaining({ not: expect.anything() }),
          expect.objectContaining({ rule: 'IS_ENTITY_OWNER' }),
        ],
      });
      expect(logger.error).toHaveBeenCalled();
    });

    it('does not cache the failure', async () => {
      const { decide, getEntities } = setup();
      getEntities.mockRejectedValueOnce(new Error('catalog unavailable'));
      await expect(
        decide(cloudReportReadPermission, FINANCE_PO),
      ).resolves.toEqual({ result: AuthorizeResult.DENY });
      await expect(
        decide(cloudReportReadPermission, FINANCE_PO),
      ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
      expect(getEntities).toHaveBeenCalledTimes(2);
    });
  });
});
