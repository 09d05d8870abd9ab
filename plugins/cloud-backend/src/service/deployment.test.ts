import {
  DEPLOYMENT_EVENTS_TOPIC,
  GITOPS_EVENTS_TOPIC,
} from '@amue/plugin-cloud-common';
import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import fs from 'node:fs';
import path from 'node:path';
import { DatabaseTenantStore } from '../database/DatabaseTenantStore';
import { TenantWorkflow } from './TenantWorkflow';
import { DefaultTenantService } from './DefaultTenantService';
import { subscribeToDeployment } from './deployment';
import type { TenantChange } from './types';

jest.setTimeout(60_000);

/*
 * The deployment read back through the events service, as in the backend:
 * the scaffolder's commit (topic cloud.gitops), then Argo CD's recorded
 * notifications (topic argocd, already checked by the ingress) move the
 * provisioning step, with the audit event and the change listeners (the
 * signals that refresh open pages, the notifications) of a user's change.
 */

const NAME = 'sifac-0333298f-production';
const REVISION = '3f9c1d2e8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e';
const fixtures = path.join(
  path.dirname(require.resolve('@amue/plugin-cloud-common/package.json')),
  'src/__fixtures__/argocd',
);
const recorded = (name: string) =>
  JSON.parse(fs.readFileSync(path.join(fixtures, `${name}.json`), 'utf8'));

describe('subscribeToDeployment', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function setUp(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    const store = new TenantWorkflow(
      await DatabaseTenantStore.create({
        database: { getClient: async () => knex },
      }),
    );
    const { tenant } = await store.createTenant(
      {
        application: 'sifac',
        uai: '0333298F',
        environment: 'production',
        version: '2026.2',
        request: { migration: false },
      },
      { actor: 'user:default/claire.dubois' },
    );
    await store.decideRequest(tenant.id, 'approve', {
      actor: 'user:default/sophie.martin',
      expectedVersion: 1,
    });
    const changes: TenantChange[] = [];
    const audits: Array<{ eventId: string; outcome: string; meta: any }> = [];
    const auditor = mockServices.auditor.mock({
      createEvent: jest.fn(async (options: any) => ({
        success: async (o?: any) => {
          audits.push({
            eventId: options.eventId,
            outcome: 'success',
            meta: { ...options.meta, ...o?.meta },
          });
        },
        fail: async () => {
          audits.push({
            eventId: options.eventId,
            outcome: 'failure',
            meta: options.meta,
          });
        },
      })) as any,
    });
    const tenants = new DefaultTenantService({
      workflow: store,
      permissions: mockServices.permissions.mock(),
      auth: mockServices.auth(),
      auditor,
      catalog: catalogServiceMock(),
      logger: mockServices.logger.mock(),
      filters: {
        toQuery: jest.fn(),
        allows: jest.fn(),
        applicationScope: jest.fn(),
        exactApplicationScope: jest.fn(),
      },
      listeners: [async change => void changes.push(change)],
    });
    const events = mockServices.events();
    await subscribeToDeployment({
      events,
      tenants,
      logger: mockServices.logger.mock(),
    });
    return { store, events, changes, audits };
  }

  it.each(databases.eachSupportedId())(
    'completes provisioning as the deployment, with audit and listeners, %p',
    async databaseId => {
      const { store, events, changes, audits } = await setUp(databaseId);
      // Before the commit is known, a Healthy notification changes nothing.
      await events.publish({
        topic: DEPLOYMENT_EVENTS_TOPIC,
        eventPayload: recorded('synced-healthy'),
      });
      await events.publish({
        topic: GITOPS_EVENTS_TOPIC,
        eventPayload: { tenants: [NAME], revision: REVISION, remove: false },
      });
      for (const name of ['progressing', 'synced-healthy', 'synced-healthy']) {
        await events.publish({
          topic: DEPLOYMENT_EVENTS_TOPIC,
          eventPayload: recorded(name),
        });
      }
      const tenant = (await store.getTenant(NAME))!;
      expect(tenant.steps.find(s => s.id === 'provisioning')).toMatchObject({
        status: 'done',
        updatedBy: 'deployment:argocd',
      });
      expect(tenant.url).toBe('https://sifac-0333298f.cloud.amue.fr/');
      // One change only, for the listeners: signals and notifications.
      expect(changes).toEqual([
        expect.objectContaining({
          type: 'step.completed',
          actor: 'deployment:argocd',
          stepId: 'provisioning',
          comment: null,
          tenant: expect.objectContaining({ name: NAME, rowVersion: 3 }),
        }),
      ]);
      expect(
        audits.map(a => [a.outcome, a.meta.action ?? a.meta.ignored]),
      ).toEqual([
        ['success', 'no commit of its descriptors is recorded'],
        ['success', 'Synced/Progressing changes nothing'],
        ['success', 'complete'],
        ['success', 'the provisioning step is already done'],
      ]);
      expect(audits.every(a => a.eventId === 'tenant-deployment-status')).toBe(
        true,
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'blocks provisioning on Degraded, and ignores a payload the ingress would refuse, %p',
    async databaseId => {
      const { store, events, changes } = await setUp(databaseId);
      await events.publish({
        topic: GITOPS_EVENTS_TOPIC,
        eventPayload: { tenants: [NAME], revision: REVISION, remove: false },
      });
      await events.publish({
        topic: DEPLOYMENT_EVENTS_TOPIC,
        eventPayload: { ...recorded('degraded'), healthStatus: 'Broken' },
      });
      expect(changes).toEqual([]);
      await events.publish({
        topic: DEPLOYMENT_EVENTS_TOPIC,
        eventPayload: recorded('degraded'),
      });
      const tenant = (await store.getTenant(NAME))!;
      expect(tenant.steps.find(s => s.id === 'provisioning')).toMatchObject({
        status: 'blocked',
        reason: 'Deployment "sifac" exceeded its progress deadline',
      });
      expect(changes).toEqual([
        expect.objectContaining({
          type: 'step.blocked',
          actor: 'deployment:argocd',
          comment: 'Deployment "sifac" exceeded its progress deadline',
        }),
      ]);
    },
  );
});
