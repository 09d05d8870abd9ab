/*
 * The demo data module on the cloud backend plugin, for its development:
 * `yarn start` in plugins/cloud-backend-module-demo-data. The repository's
 * app-config.yaml applies (cloud.demoData: true, port 7007, SQLite under
 * data/; AMUE_DATA_DIR=<folder> for a fresh database, which the module
 * seeds at start-up). Authentication and permissions are mocked (every
 * request acts as a user allowed everything): the portal's policy is in the
 * cloud backend's own dev entry point (plugins/cloud-backend/dev).
 * Try: curl http://localhost:7007/api/cloud/tenants?limit=5
 */
import { createBackend } from '@backstage/backend-defaults';
import { mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';

const backend = createBackend();

backend.add(mockServices.auth.factory());
backend.add(mockServices.httpAuth.factory());
backend.add(
  mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
);

// eslint-disable-next-line @backstage/no-mixed-plugin-imports -- the module runs on its plugin
backend.add(import('@amue/plugin-cloud-backend'));
backend.add(import('../src'));

backend.start();
