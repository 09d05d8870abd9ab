import {
  CLOUD_TENANT_RULES,
  refName,
  Tenant,
  TENANT_RESOURCE_TYPE,
} from '@amue/plugin-cloud-common';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  PermissionCriteria,
  PermissionCondition,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  createConditionAuthorizer,
  createConditionTransformer,
  createPermissionResourceRef,
  createPermissionRule,
  PermissionRuleset,
} from '@backstage/plugin-permission-node';
import type { Knex } from 'knex';
import { z } from 'zod';
import type { TenantQueryCondition } from '../database/TenantStore';

/**
 * A permission rule as a database filter: one column of `cloud_tenants`
 * among a set of values.
 *
 * @internal
 */
export interface TenantFilter {
  column: 'establishment' | 'application';
  values: string[];
}

/**
 * The tenant resource of the permission framework (plugin `cloud`, type
 * `cloud-tenant`): rules apply to a {@link Tenant} in memory and to the
 * `cloud_tenants` table as a {@link TenantFilter}.
 *
 * @internal
 */
export const tenantResourceRef = createPermissionResourceRef<
  Tenant,
  TenantFilter
>().with({ pluginId: 'cloud', resourceType: TENANT_RESOURCE_TYPE });

/**
 * The establishments of the claims of a decision: a decision is reused
 * for a user's requests (DefaultTenantService), with the same claims, so
 * they are parsed once (they were 1.7 % of the backend's CPU serving lists).
 */
const establishmentsOfClaims = new WeakMap<readonly string[], string[]>();

/** Names of the establishment groups among ownership claims. */
function establishmentsOf(claims: readonly string[]): string[] {
  let names = establishmentsOfClaims.get(claims);
  if (!names) {
    names = parseEstablishments(claims);
    establishmentsOfClaims.set(claims, names);
  }
  return names;
}

function parseEstablishments(claims: readonly string[]): string[] {
  const names = new Set<string>();
  for (const claim of claims) {
    try {
      const ref = parseEntityRef(claim, {
        defaultKind: 'group',
        defaultNamespace: 'default',
      });
      if (
        ref.kind.toLocaleLowerCase('en-US') === 'group' &&
        ref.namespace === 'default'
      ) {
        names.add(ref.name.toLocaleLowerCase('en-US'));
      }
    } catch {
      // not an entity ref: ignored
    }
  }
  return [...names];
}

/** Application names from names or entity refs. */
function applicationsOf(applications: readonly string[]): string[] {
  return [
    ...new Set(applications.map(a => refName(a).toLocaleLowerCase('en-US'))),
  ];
}

/**
 * `IS_ESTABLISHMENT_MEMBER`: the tenant belongs to an establishment group
 * among the user's ownership claims.
 *
 * @internal
 */
export const isEstablishmentMember = createPermissionRule({
  name: CLOUD_TENANT_RULES.isEstablishmentMember,
  description:
    'Allow a user to act on the tenants of the establishments they belong to',
  resourceRef: tenantResourceRef,
  paramsSchema: z.object({
    claims: z
      .array(z.string())
      .describe('Entity refs of the user and its groups'),
  }),
  apply: (tenant, { claims }) =>
    establishmentsOf(claims).includes(tenant.establishment),
  toQuery: ({ claims }) => ({
    column: 'establishment',
    values: establishmentsOf(claims),
  }),
});

/**
 * `IS_APPLICATION_OWNER`: the tenant is an instance of one of the given
 * applications (those the user's groups own, resolved by the policy).
 *
 * @internal
 */
export const isApplicationOwner = createPermissionRule({
  name: CLOUD_TENANT_RULES.isApplicationOwner,
  description:
    'Allow a user to act on the tenants of the applications their groups own',
  resourceRef: tenantResourceRef,
  paramsSchema: z.object({
    applications: z
      .array(z.string())
      .describe('Names of the Application entities owned by the user'),
  }),
  apply: (tenant, { applications }) =>
    applicationsOf(applications).includes(tenant.application),
  toQuery: ({ applications }) => ({
    column: 'application',
    values: applicationsOf(applications),
  }),
});

/** @internal */
export const tenantPermissionRules = [
  isEstablishmentMember,
  isApplicationOwner,
];

function applyCriteria(
  query: Knex.QueryBuilder,
  criteria: PermissionCriteria<TenantFilter>,
): void {
  if ('allOf' in criteria) {
    query.where(q => {
      for (const c of criteria.allOf) {
        q.andWhere(sub => applyCriteria(sub, c));
      }
    });
  } else if ('anyOf' in criteria) {
    query.where(q => {
      for (const c of criteria.anyOf) {
        q.orWhere(sub => applyCriteria(sub, c));
      }
    });
  } else if ('not' in criteria) {
    query.whereNot(q => applyCriteria(q, criteria.not));
  } else {
    query.whereIn(criteria.column, criteria.values);
  }
}

/**
 * How the decisions of the permission framework apply to tenants, from the
 * rules registered for the tenant resource type.
 *
 * @internal
 */
export interface TenantPermissionFilters {
  /**
   * The conditions of a conditional decision as a where clause on the
   * `cloud_tenants` table, so that lists and reports are filtered by the
   * database (pagination stays right).
   */
  toQuery(
    conditions: PermissionCriteria<PermissionCondition<string>>,
  ): TenantQueryCondition;
  /** True when the decision allows the tenant, evaluated in memory. */
  allows(decision: PolicyDecision, tenant: Tenant): boolean;
  /**
   * The applications a conditional decision names through the
   * `IS_APPLICATION_OWNER` rule (its positive conditions, under `anyOf` and
   * `allOf`): a product owner's scope, to which the reports are narrowed.
   * Empty when the decision lets tenants through by other rules only.
   */
  applicationScope(
    conditions: PermissionCriteria<PermissionCondition<string>>,
  ): string[];
  /**
   * The applications whose tenants a conditional decision lets through,
   * when it lets through exactly those (positive application filters
   * joined by `anyOf`, whatever the establishment); undefined when it
   * filters by anything else.
   */
  exactApplicationScope(
    conditions: PermissionCriteria<PermissionCondition<string>>,
  ): string[] | undefined;
}

/** The values of the positive application filters of criteria. */
function applicationsIn(criteria: PermissionCriteria<TenantFilter>): string[] {
  if ('allOf' in criteria) {
    return criteria.allOf.flatMap(applicationsIn);
  }
  if ('anyOf' in criteria) {
    return criteria.anyOf.flatMap(applicationsIn);
  }
  if ('not' in criteria) {
    return [];
  }
  return criteria.column === 'application' ? criteria.values : [];
}

/** The applications of criteria made only of application filters joined by anyOf. */
function onlyApplications(
  criteria: PermissionCriteria<TenantFilter>,
): string[] | undefined {
  if ('anyOf' in criteria) {
    const parts = criteria.anyOf.map(onlyApplications);
    return parts.every(part => part !== undefined)
      ? parts.flatMap(part => part!)
      : undefined;
  }
  if ('allOf' in criteria) {
    return criteria.allOf.length === 1
      ? onlyApplications(criteria.allOf[0])
      : undefined;
  }
  if ('not' in criteria) {
    return undefined;
  }
  return criteria.column === 'application' ? criteria.values : undefined;
}

/**
 * {@link TenantPermissionFilters} over a ruleset of the permissions registry.
 *
 * @internal
 */
export function createTenantPermissionFilters(
  ruleset: PermissionRuleset<Tenant, TenantFilter>,
): TenantPermissionFilters {
  const transform = createConditionTransformer(ruleset);
  const authorize = createConditionAuthorizer(ruleset);
  return {
    toQuery(conditions) {
      const criteria = transform(conditions);
      return query => applyCriteria(query, criteria);
    },
    allows: (decision, tenant) => authorize(decision, tenant),
    applicationScope(conditions) {
      return [...new Set(applicationsIn(transform(conditions)))].sort();
    },
    exactApplicationScope(conditions) {
      const applications = onlyApplications(transform(conditions));
      return applications && [...new Set(applications)].sort();
    },
  };
}
