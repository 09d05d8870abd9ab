import { cloudSeedingExtensionPoint } from '@amue/plugin-cloud-node';
import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { seedDemoData } from './seedDemoData';

/**
 * The demo data of the embedded default (module `demo-data` of plugin
 * `cloud`): when `cloud.demoData` is true, a believable programme state is
 * written into an empty cloud database at start-up, through the cloud
 * plugin's seeding extension point. Off (or absent), the module does
 * nothing: production adds it or not, the switch decides.
 *
 * @public
 */
const cloudModuleDemoData = createBackendModule({
  pluginId: 'cloud',
  moduleId: 'demo-data',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        seeding: cloudSeedingExtensionPoint,
      },
      async init({ config, seeding }) {
        if (!(config.getOptionalBoolean('cloud.demoData') ?? false)) {
          return;
        }
        seeding.addSeeder({
          id: 'demo-data',
          async seed({ openStore, logger }) {
            const { seeded, tenants } = await seedDemoData({
              openStore,
              logger,
            });
            if (seeded) {
              logger.info(
                `Loaded ${tenants} demo tenants into an empty database`,
              );
            }
          },
        });
      },
    });
  },
});

export default cloudModuleDemoData;
