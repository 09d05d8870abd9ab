// eslint-disable-next-line @backstage/no-mixed-plugin-imports -- the module runs on the real cloud plugin
import cloudPlugin from '@amue/plugin-cloud-backend';
import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { demoData } from './demoTenants';
import cloudModuleDemoData from './module';

jest.setTimeout(120_000);

describe('cloudModuleDemoData', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function start(
    databaseId: Parameters<typeof databases.init>[0],
    demo?: boolean,
  ) {
    const knex = await databases.init(databaseId);
    const backend = await startTestBackend({
      features: [
        cloudPlugin,
        cloudModuleDemoData,
        mockServices.database.factory({ knex }),
        mockServices.rootConfig.factory({
          data: demo === undefined ? {} : { cloud: { demoData: demo } },
        }),
      ],
    });
    const tenants = Number(
      (await knex('cloud_tenants').count({ n: '*' }))[0].n,
    );
    await backend.stop();
    return tenants;
  }

  it.each(databases.eachSupportedId())(
    'seeds the demo tenants at start-up when cloud.demoData is true, %p',
    async databaseId => {
      expect(await start(databaseId, true)).toBe(demoData().tenants.length);
    },
  );

  it.each(databases.eachSupportedId())(
    'writes nothing when cloud.demoData is false or absent, %p',
    async databaseId => {
      expect(await start(databaseId, false)).toBe(0);
      expect(await start(databaseId)).toBe(0);
    },
  );
});
