/*
 * The cloud plugin in a test backend with the portal's policy, the demo
 * personas and a small catalog: shared by the API's input and fault tests.
 */
import { uaiCheckLetter } from '@amue/plugin-cloud-common';
import permissionModuleCloudPolicy from '@amue/plugin-permission-backend-module-cloud-policy';
import {
  createServiceFactory,
  coreServices,
  ServiceFactory,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceFactory } from '@backstage/backend-defaults/alpha';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import permissionPlugin from '@backstage/plugin-permission-backend';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { Knex } from 'knex';
import { cloudPlugin } from '../../plugin';

export const BORDEAUX = '0333298F';
export const LILLE = '0597239Y';

const PEOPLE: Record<string, string[]> = {
  'user:default/claire.dubois': ['group:default/etab-0333298f'],
  'user:default/julien.lefebvre': ['group:default/etab-0597239y'],
  'user:default/sophie.bernard': ['group:default/amue-equipe-finance'],
  'user:default/nathalie.moreau': ['group:default/amue-equipe-rh'],
  'user:default/marc.petit': ['group:default/amue-admins'],
};
export const claire = 'user:default/claire.dubois';
export const julien = 'user:default/julien.lefebvre';
export const sophie = 'user:default/sophie.bernard';
export const nathalie = 'user:default/nathalie.moreau';
export const marc = 'user:default/marc.petit';

export const as = (ref: string) => mockCredentials.user.header(ref);

function application(name: string, owner: string, saas = 'available'): Entity {
  return {
    apiVersion: 'cloud.amue.fr/v1alpha1',
    kind: 'Application',
    metadata: { name, title: name.toUpperCase() },
    spec: {
      owner,
      domain: 'finance',
      lifecycle: 'production',
      versions: [
        { version: '2026.2', status: 'supported', releaseDate: '2026-10-12' },
        { version: '2026.1', status: 'supported', releaseDate: '2026-04-13' },
        { version: '2024.1', status: 'end-of-life', releaseDate: '2024-04-13' },
      ],
      environments: ['production', 'preproduction', 'formation'],
      saas: { status: saas },
    },
  };
}

function group(
  name: string,
  uai?: string,
  place: { region: string; type: string; location: string } = {
    region: 'nouvelle-aquitaine',
    type: 'universite',
    location: '44.809966,-0.596578',
  },
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: {
      name,
      title: name,
      ...(uai
        ? {
            annotations: {
              'cloud.amue.fr/uai': uai,
              'cloud.amue.fr/location': place.location,
            },
            labels: {
              'cloud.amue.fr/region': place.region,
              'cloud.amue.fr/establishment-type': place.type,
            },
          }
        : {}),
    },
    spec: { type: uai ? 'establishment' : 'team', children: [] },
  };
}

export const entities: Entity[] = [
  // SIFAC qualifies in 4 days (its entity overrides the default target)
  {
    ...application('sifac', 'amue-equipe-finance'),
    spec: {
      ...application('sifac', 'amue-equipe-finance').spec,
      onboarding: { targetDays: { qualification: 4 } },
    },
  },
  application('siham', 'group:default/amue-equipe-rh'),
  application('harpege', 'amue-equipe-rh', 'unavailable'),
  group('etab-0333298f', BORDEAUX),
  group('etab-0597239y', LILLE, {
    region: 'hauts-de-france',
    type: 'universite',
    location: '50.631794,3.07526',
  }),
  group('amue-equipe-finance'),
  group('amue-equipe-rh'),
  group('amue-admins'),
];

/** Ownership of the personas, as the catalog's sign-in would resolve it. */
const userInfoFactory = createServiceFactory({
  service: coreServices.userInfo,
  deps: {},
  factory: () => ({
    async getUserInfo(credentials: any) {
      const ref = credentials.principal.userEntityRef as string;
      return {
        userEntityRef: ref,
        ownershipEntityRefs: [ref, ...(PEOPLE[ref] ?? [])],
      };
    },
  }),
});

/**
 * The mock auth of the test utilities forgets, on a token a plugin obtained
 * on behalf of a user, that a plugin (the actor) forwarded it; the real auth
 * service keeps it, and the permission backend accepts conditional queries
 * only from such forwarded requests. This restores the actor.
 */
const httpAuthWithActors = createServiceFactory({
  service: coreServices.httpAuth,
  deps: { plugin: coreServices.pluginMetadata },
  factory: ({ plugin }) => {
    const base = mockServices.httpAuth({ pluginId: plugin.getId() });
    return {
      async credentials(req: any, options?: any) {
        const credentials: any = await base.credentials(req, options);
        const header = String(req.headers.authorization ?? '');
        if (
          credentials.principal.type === 'user' &&
          header.startsWith('Bearer mock-service-token:')
        ) {
          return mockCredentials.user(credentials.principal.userEntityRef, {
            actor: { subject: 'plugin:forwarding' },
          });
        }
        return credentials;
      },
      issueUserCookie: (res: any, options?: any) =>
        base.issueUserCookie(res, options),
    } as any;
  },
});

export const published: Array<{ topic: string; eventPayload: any }> = [];
export const signals: any[] = [];
export const notifications: any[] = [];
export const audits: Array<{ eventId: string; outcome: string; meta?: any }> =
  [];

const recorders = [
  createServiceFactory({
    service: eventsServiceRef,
    deps: {},
    factory: () => ({
      async publish(event: any) {
        published.push(event);
      },
      async subscribe() {},
    }),
  }),
  createServiceFactory({
    service: signalsServiceRef,
    deps: {},
    factory: () => ({
      async publish(signal: any) {
        signals.push(signal);
      },
    }),
  }),
  createServiceFactory({
    service: notificationService,
    deps: {},
    factory: () => ({
      async send(notification: any) {
        notifications.push(notification);
      },
    }),
  }),
  createServiceFactory({
    service: coreServices.auditor,
    deps: {},
    factory: () => ({
      async createEvent(options: any) {
        return {
          async success() {
            audits.push({
              eventId: options.eventId,
              outcome: 'success',
              meta: options.meta,
            });
          },
          async fail() {
            audits.push({
              eventId: options.eventId,
              outcome: 'failure',
              meta: options.meta,
            });
          },
        };
      },
    }),
  }),
];

export async function startBackend(
  knex: Knex,
  extraFeatures: Array<ServiceFactory | Promise<any> | any> = [],
  /** More configuration (e.g. `cloud`). */
  config: Record<string, unknown> = {},
) {
  const backend = await startTestBackend({
    features: [
      cloudPlugin,
      permissionPlugin,
      permissionModuleCloudPolicy,
      actionsRegistryServiceFactory,
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: {
          permission: { enabled: true },
          app: { baseUrl: 'http://localhost:3000' },
          ...config,
        },
      }),
      catalogServiceMock.factory({ entities }),
      userInfoFactory,
      httpAuthWithActors,
      ...recorders,
      ...extraFeatures,
    ],
  });
  return backend;
}

export function body(overrides: Record<string, unknown> = {}) {
  return {
    application: 'sifac',
    uai: BORDEAUX,
    environment: 'production',
    version: '2026.2',
    sso: {
      protocol: 'saml',
      idpEntityId: 'https://idp.u-bordeaux.fr/idp/shibboleth',
    },
    request: {
      migration: true,
      expectedUsers: 250,
      contacts: [
        { name: 'Claire Dubois', email: 'claire.dubois@u-bordeaux.fr' },
      ],
    },
    ...overrides,
  };
}

/** A UAI of no establishment of the catalog, with a right check letter. */
export const UNKNOWN_UAI = `0999999${uaiCheckLetter('0999999')}`;

/** The cloud tables, in an order that never breaks a foreign key. */
export const CLOUD_TABLES = [
  'cloud_tenants',
  'cloud_onboarding_steps',
  'cloud_events',
  'cloud_funding',
  'cloud_training',
];

/**
 * Every row of every cloud table, sorted: two snapshots are equal when
 * nothing was written between them.
 */
export async function snapshotTables(knex: Knex): Promise<string> {
  const tables: Record<string, unknown[]> = {};
  for (const table of CLOUD_TABLES) {
    const rows = await knex(table).select();
    tables[table] = rows.map(row => JSON.stringify(row)).sort();
  }
  return JSON.stringify(tables);
}
