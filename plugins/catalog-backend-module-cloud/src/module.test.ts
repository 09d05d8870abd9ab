import {
  TestDatabases,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import path from 'node:path';
import request from 'supertest';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { catalogModuleCloud } from './module';

jest.setTimeout(180_000);

const repoRoot = path.resolve(__dirname, '../../..');

async function waitFor<T>(
  what: string,
  fn: () => Promise<T | undefined>,
  timeoutMs = 120_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await fn();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise(r => setTimeout(r, 500));
  }
  throw new Error(`timed out waiting for ${what}: ${last ?? 'not there'}`);
}

const refs = (entity: Entity, type: string) =>
  (entity.relations ?? [])
    .filter(r => r.type === type)
    .map(r => r.targetRef)
    .sort();

describe('catalog module, with the real catalog/ and the establishments dataset', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'ingests the portal entities with their relations on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { server } = await startTestBackend({
        features: [
          catalogPlugin,
          catalogModuleCloud,
          mockServices.scheduler.factory({
            includeInitialDelayedTasksOnStartup: true,
          }),
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({
            data: {
              backend: { baseUrl: 'http://localhost:7007' },
              catalog: {
                rules: [
                  {
                    allow: [
                      'Component', 'Location', 'Domain', 'Group', 'User',
                      'Application', 'Tenant',
                    ],
                  },
                ],
                processingInterval: { seconds: 1 },
                locations: [
                  { type: 'file', target: path.join(repoRoot, 'catalog/all.yaml') },
                  {
                    type: 'file',
                    target: path.join(__dirname, '__fixtures__/malformed.yaml'),
                  },
                ],
              },
            },
          }),
        ],
      });
      const get = async (ref: string): Promise<Entity | undefined> => {
        const res = await request(server)
          .get(`/api/catalog/entities/by-name/${ref}`)
          .set('Authorization', mockCredentials.user.header());
        return res.status === 200 ? res.body : undefined;
      };
      const withRelation = (ref: string, type: string, target: string) =>
        waitFor(`${ref} ${type} ${target}`, async () => {
          const entity = await get(ref);
          return entity && refs(entity, type).includes(target) ? entity : undefined;
        });

      // A valid tenant: both directions of both relations.
      await withRelation(
        'tenant/default/sifac-0597239y-formation',
        'ownedBy',
        'group:default/etab-0597239y',
      );
      await withRelation(
        'tenant/default/sifac-0597239y-formation',
        'instanceOf',
        'application:default/sifac',
      );
      await withRelation(
        'group/default/etab-0597239y',
        'ownerOf',
        'tenant:default/sifac-0597239y-formation',
      );
      await withRelation(
        'application/default/sifac',
        'hasInstance',
        'tenant:default/sifac-0597239y-formation',
      );

      // Application ↔ owner team and domain.
      await withRelation('application/default/sifac', 'ownedBy', 'group:default/amue-equipe-finance');
      await withRelation('application/default/sifac', 'partOf', 'domain:default/finance');
      await withRelation('group/default/amue-equipe-finance', 'ownerOf', 'application:default/sifac');
      await withRelation('domain/default/finance', 'hasPart', 'application:default/sifac');

      // Establishments come from the dataset, users from catalog/.
      const bordeaux = await waitFor('Université de Bordeaux', () =>
        get('group/default/etab-0333298f'),
      );
      expect(bordeaux.metadata.annotations?.['cloud.amue.fr/uai']).toBe('0333298F');
      expect(bordeaux.metadata.title).toBe('Université de Bordeaux');
      await withRelation('user/default/claire.dubois', 'memberOf', 'group:default/etab-0333298f');

      // The malformed tenant is refused, with the error kept by the catalog.
      const errors = await waitFor('the processing error', async () => {
        const row = await knex('refresh_state')
          .where({ entity_ref: 'tenant:default/sifac-0333298f-production' })
          .first();
        return row?.errors && row.errors !== '[]' ? String(row.errors) : undefined;
      });
      expect(errors).toContain(
        'Tenant \\"sifac-0333298f-production\\": spec.environment must be one of production, preproduction, formation, test (got \\"prod\\"); spec.status must be one of requested',
      );
      const res = await request(server)
        .get('/api/catalog/entities/by-name/tenant/default/sifac-0333298f-production')
        .set('Authorization', mockCredentials.user.header());
      expect(res.status).toBe(404);
    },
  );
});
