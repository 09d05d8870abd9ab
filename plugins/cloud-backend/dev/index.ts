/*
 * The cloud backend plugin alone, for its development: `yarn start` (or
 * `yarn backstage-cli package start`) in plugins/cloud-backend. The
 * repository's app-config.yaml applies (port 7007, SQLite under data/;
 * AMUE_DATA_DIR=<folder> keeps this run's databases apart), with:
 * - the demo data module (cloud.demoData: true seeds an empty database);
 * - the portal's permission policy, as in the portal;
 * - mock authentication: a request without credentials acts as
 *   CLOUD_DEV_USER (marc.petit, an Amue administrator, by default); another
 *   persona of catalog/org/users.yaml with a mock token, e.g.
 *     curl http://localhost:7007/api/cloud/tenants \
 *       -H 'Authorization: Bearer mock-user-token:{"sub":"user:default/claire.dubois"}'
 *   Their groups (ownership) are read from the same file;
 * - an in-memory catalog holding the curated entities of catalog/ (teams,
 *   people, applications), in place of the catalog backend.
 * Try: curl http://localhost:7007/api/cloud/tenants?limit=5
 */
import { createBackend } from '@backstage/backend-defaults';
import {
  coreServices,
  createServiceFactory,
  HttpAuthService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

const catalogDir = path.resolve(
  resolvePackagePath('@amue/plugin-cloud-backend'),
  '../../catalog',
);

/** The curated entities of catalog/ (Location files left out). */
function readCuratedEntities(): Entity[] {
  const files = [
    'domains.yaml',
    'org/amue.yaml',
    'org/users.yaml',
    ...fs
      .readdirSync(path.join(catalogDir, 'applications'))
      .map(name => `applications/${name}/catalog-info.yaml`),
  ];
  return files
    .flatMap(file =>
      parseAllDocuments(fs.readFileSync(path.join(catalogDir, file), 'utf8')),
    )
    .map(doc => doc.toJS() as Entity)
    .filter(entity => entity?.kind && entity.kind !== 'Location')
    .map(entity => ({
      ...entity,
      metadata: { namespace: 'default', ...entity.metadata },
    }));
}

const entities = readCuratedEntities();

/** A user's ownership: the user and the groups it is a member of. */
function ownershipOf(userEntityRef: string): string[] {
  const user = entities.find(
    e => e.kind === 'User' && stringifyEntityRef(e) === userEntityRef,
  );
  const groups = (user?.spec?.memberOf as string[] | undefined) ?? [];
  return [
    userEntityRef,
    ...groups.map(group =>
      stringifyEntityRef({ kind: 'Group', namespace: 'default', name: group }),
    ),
  ];
}

const devUser = `user:default/${process.env.CLOUD_DEV_USER ?? 'marc.petit'}`;

const backend = createBackend();

backend.add(mockServices.auth.factory());
// The mock HTTP authentication, except that a plugin's call on behalf of a
// user keeps the plugin as the user's actor (the mock drops it): the
// permission backend answers conditional decisions to such calls only.
backend.add(
  createServiceFactory({
    service: coreServices.httpAuth,
    deps: { plugin: coreServices.pluginMetadata },
    factory({ plugin }): HttpAuthService {
      const mock = mockServices.httpAuth({
        pluginId: plugin.getId(),
        defaultCredentials: mockCredentials.user(devUser),
      });
      return {
        async credentials(req, options) {
          const credentials = await mock.credentials(req, options);
          const serviceToken = /^Bearer mock-service-token:(.+)$/.exec(
            req.headers.authorization ?? '',
          )?.[1];
          if (serviceToken && JSON.parse(serviceToken).obo) {
            const { sub, obo } = JSON.parse(serviceToken);
            return mockCredentials.user(obo, {
              actor: { subject: sub },
            }) as typeof credentials;
          }
          return credentials;
        },
        issueUserCookie: (res, options) => mock.issueUserCookie(res, options),
      };
    },
  }),
);
backend.add(
  createServiceFactory({
    service: coreServices.userInfo,
    deps: {},
    factory: () => ({
      async getUserInfo(credentials) {
        const principal = credentials.principal as {
          type: string;
          userEntityRef?: string;
        };
        if (principal.type !== 'user' || !principal.userEntityRef) {
          throw new InputError('User info is only available for users');
        }
        return {
          userEntityRef: principal.userEntityRef,
          ownershipEntityRefs: ownershipOf(principal.userEntityRef),
        };
      },
    }),
  }),
);
backend.add(catalogServiceMock.factory({ entities }));

backend.add(import('@backstage/plugin-permission-backend'));
backend.add(import('@amue/plugin-permission-backend-module-cloud-policy'));

backend.add(import('../src'));
backend.add(import('@amue/plugin-cloud-backend-module-demo-data'));

backend.start();
