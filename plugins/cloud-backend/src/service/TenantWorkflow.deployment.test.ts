import {
  DEPLOYMENT_ACTOR,
  DeploymentNotification,
  parseDeploymentNotification,
} from '@amue/plugin-cloud-common';
import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import fs from 'node:fs';
import path from 'node:path';
import { Knex } from 'knex';
import { DatabaseTenantStore } from '../database/DatabaseTenantStore';
import { TenantWorkflow } from './TenantWorkflow';

jest.setTimeout(60_000);

/*
 * Argo CD's recorded notifications (cloud-common's fixtures, tenant
 * sifac-0333298f-production at REVISION) applied to the provisioning step.
 */

const ACTOR = 'user:default/sophie.martin';
const NAME = 'sifac-0333298f-production';
const REVISION = '3f9c1d2e8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e';
const OTHER_REVISION = '0123456789abcdef0123456789abcdef01234567';

const fixtures = path.join(
  path.dirname(require.resolve('@amue/plugin-cloud-common/package.json')),
  'src/__fixtures__/argocd',
);

function recorded(
  name: string,
  change: Partial<DeploymentNotification> = {},
): DeploymentNotification {
  const body = JSON.parse(
    fs.readFileSync(path.join(fixtures, `${name}.json`), 'utf8'),
  );
  const parsed = parseDeploymentNotification(body);
  if (!parsed.ok) {
    throw new Error(parsed.problem);
  }
  return { ...parsed.notification, ...change };
}

async function snapshot(knex: Knex) {
  const [steps, events, tenants] = await Promise.all([
    knex('cloud_onboarding_steps').orderBy(['tenant_id', 'step_id']),
    knex('cloud_events').orderBy('id'),
    knex('cloud_tenants').orderBy('id'),
  ]);
  return { steps, events, tenants };
}

describe('TenantWorkflow, deployment read back', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  /** A tenant approved (qualification done), committed at REVISION. */
  async function setUp(
    databaseId: TestDatabaseId,
    options: { approve?: boolean; commit?: boolean } = {},
  ) {
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
    if (options.approve ?? true) {
      await store.decideRequest(tenant.id, 'approve', {
        actor: ACTOR,
        expectedVersion: 1,
      });
    }
    if (options.commit ?? true) {
      expect(await store.recordGitopsRevision([NAME], REVISION)).toBe(1);
    }
    return { knex, store, tenant };
  }

  const provisioning = async (store: TenantWorkflow) =>
    (await store.getTenant(NAME))!.steps.find(s => s.id === 'provisioning')!;

  it.each(databases.eachSupportedId())(
    'Synced and Healthy on the committed revision completes provisioning and records the URL, once, %p',
    async databaseId => {
      const { knex, store, tenant } = await setUp(databaseId);
      const outcome = await store.applyDeploymentNotification(
        recorded('synced-healthy'),
        DEPLOYMENT_ACTOR,
      );
      expect(outcome).toEqual({
        applied: true,
        tenantId: tenant.id,
        action: 'complete',
        reason: null,
      });
      const after = (await store.getTenant(NAME))!;
      expect(after.url).toBe('https://sifac-0333298f.cloud.amue.fr/');
      expect(after.status).toBe('onboarding');
      expect(after.currentStep).toBe('identity');
      // the establishment's turn: its step's clock starts (20 days)
      const identity = after.steps.find(s => s.id === 'identity')!;
      const completed = Date.parse(
        after.steps.find(s => s.id === 'provisioning')!.updatedAt,
      );
      expect(Date.parse(identity.dueDate!) - completed).toBe(
        20 * 24 * 60 * 60 * 1000,
      );
      expect(await provisioning(store)).toMatchObject({
        status: 'done',
        reason: null,
        updatedBy: 'deployment:argocd',
        rowVersion: 2,
      });
      const events = await store.listEvents(tenant.id);
      expect(events.at(-1)).toMatchObject({
        actor: 'deployment:argocd',
        type: 'step.completed',
        stepId: 'provisioning',
        comment: null,
        before: { status: 'todo', reason: null },
        after: {
          status: 'done',
          reason: null,
          rowVersion: 2,
          revision: REVISION,
          url: 'https://sifac-0333298f.cloud.amue.fr/',
        },
      });

      // Redelivered: nothing changes.
      const before = await snapshot(knex);
      expect(
        await store.applyDeploymentNotification(
          recorded('synced-healthy'),
          DEPLOYMENT_ACTOR,
        ),
      ).toEqual({
        applied: false,
        tenantId: tenant.id,
        ignored: 'the provisioning step is already done',
      });
      expect(await snapshot(knex)).toEqual(before);
    },
  );

  it.each(databases.eachSupportedId())(
    'Progressing, OutOfSync and Missing change nothing, %p',
    async databaseId => {
      const { knex, store, tenant } = await setUp(databaseId);
      const before = await snapshot(knex);
      const outcomes = [];
      for (const name of ['progressing', 'out-of-sync', 'missing']) {
        outcomes.push(
          await store.applyDeploymentNotification(
            recorded(name),
            DEPLOYMENT_ACTOR,
          ),
        );
      }
      expect(outcomes).toEqual([
        {
          applied: false,
          tenantId: tenant.id,
          ignored: 'Synced/Progressing changes nothing',
        },
        {
          applied: false,
          tenantId: tenant.id,
          ignored: 'OutOfSync/Healthy changes nothing',
        },
        {
          applied: false,
          tenantId: tenant.id,
          ignored: `revision (none) is neither the committed revision ${REVISION} nor a later commit of the portal`,
        },
      ]);
      expect(await snapshot(knex)).toEqual(before);
    },
  );

  it.each(databases.eachSupportedId())(
    'Degraded blocks provisioning with the message; Healthy afterwards completes it, %p',
    async databaseId => {
      const { knex, store, tenant } = await setUp(databaseId);
      expect(
        await store.applyDeploymentNotification(
          recorded('degraded'),
          DEPLOYMENT_ACTOR,
        ),
      ).toEqual({
        applied: true,
        tenantId: tenant.id,
        action: 'block',
        reason: 'Deployment "sifac" exceeded its progress deadline',
      });
      expect(await provisioning(store)).toMatchObject({
        status: 'blocked',
        reason: 'Deployment "sifac" exceeded its progress deadline',
        updatedBy: 'deployment:argocd',
      });
      expect((await store.listEvents(tenant.id)).at(-1)).toMatchObject({
        actor: 'deployment:argocd',
        type: 'step.blocked',
        stepId: 'provisioning',
        comment: 'Deployment "sifac" exceeded its progress deadline',
      });
      expect((await store.getTenant(NAME))!.url).toBeNull();

      const before = await snapshot(knex);
      expect(
        await store.applyDeploymentNotification(
          recorded('degraded'),
          DEPLOYMENT_ACTOR,
        ),
      ).toEqual({
        applied: false,
        tenantId: tenant.id,
        ignored: 'the provisioning step is already blocked',
      });
      expect(await snapshot(knex)).toEqual(before);

      await store.applyDeploymentNotification(
        recorded('synced-healthy'),
        DEPLOYMENT_ACTOR,
      );
      expect(await provisioning(store)).toMatchObject({
        status: 'done',
        reason: null,
      });
      expect((await store.listEvents(tenant.id)).at(-1)).toMatchObject({
        type: 'step.completed',
        before: {
          status: 'blocked',
          reason: 'Deployment "sifac" exceeded its progress deadline',
        },
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'ignores another revision, an uncommitted tenant, an unknown application, a request not approved, %p',
    async databaseId => {
      const { knex, store, tenant } = await setUp(databaseId, {
        approve: false,
        commit: false,
      });
      const before = await snapshot(knex);
      const healthy = recorded('synced-healthy');
      const outcomes = [
        await store.applyDeploymentNotification(healthy, DEPLOYMENT_ACTOR),
      ];
      await store.recordGitopsRevision([NAME], OTHER_REVISION);
      outcomes.push(
        await store.applyDeploymentNotification(healthy, DEPLOYMENT_ACTOR),
      );
      await store.recordGitopsRevision([NAME], REVISION);
      outcomes.push(
        await store.applyDeploymentNotification(healthy, DEPLOYMENT_ACTOR),
        await store.applyDeploymentNotification(
          { ...healthy, app: 'sifac-0597239y-production' },
          DEPLOYMENT_ACTOR,
        ),
      );
      expect(outcomes).toEqual([
        {
          applied: false,
          tenantId: tenant.id,
          ignored: 'no commit of its descriptors is recorded',
        },
        {
          applied: false,
          tenantId: tenant.id,
          ignored: `revision ${REVISION} is neither the committed revision ${OTHER_REVISION} nor a later commit of the portal`,
        },
        {
          applied: false,
          tenantId: tenant.id,
          ignored: expect.stringContaining('qualification'),
        },
        { applied: false, ignored: 'no tenant of that name' },
      ]);
      const after = await snapshot(knex);
      expect(after.steps).toEqual(before.steps);
      expect(after.events).toEqual(before.events);
      expect(after.tenants.map(t => t.gitops_revision)).toEqual([REVISION]);
    },
  );

  it.each(databases.eachSupportedId())(
    "accepts a later commit of the portal (another tenant's), never an earlier one, %p",
    async databaseId => {
      const { store } = await setUp(databaseId, { commit: false });
      // the portal commits another tenant first, then this one, then another
      await store.recordGitopsRevision(
        ['sifac-0597239y-production'],
        OTHER_REVISION,
      );
      await store.recordGitopsRevision([NAME], REVISION);
      const healthy = recorded('synced-healthy');
      const earlier = await store.applyDeploymentNotification(
        { ...healthy, revision: OTHER_REVISION },
        DEPLOYMENT_ACTOR,
      );
      expect(earlier).toMatchObject({
        applied: false,
        ignored: `revision ${OTHER_REVISION} is neither the committed revision ${REVISION} nor a later commit of the portal`,
      });
      const LATER = 'aaaabbbbccccddddeeeeffff0000111122223333';
      await store.recordGitopsRevision(['sifac-0597239y-production'], LATER);
      const later = await store.applyDeploymentNotification(
        { ...healthy, revision: LATER },
        DEPLOYMENT_ACTOR,
      );
      expect(later).toMatchObject({ applied: true, action: 'complete' });
      expect(await provisioning(store)).toMatchObject({ status: 'done' });
    },
  );

  it.each(databases.eachSupportedId())(
    'records no revision for a decommissioned tenant and ignores its notifications, %p',
    async databaseId => {
      const { store, tenant } = await setUp(databaseId);
      await store.changeTenant(
        tenant.id,
        { decommission: true, reason: 'Abandon du projet' },
        { actor: ACTOR, expectedVersion: 2 },
      );
      expect(await store.recordGitopsRevision([NAME], OTHER_REVISION)).toBe(0);
      expect(
        await store.applyDeploymentNotification(
          recorded('synced-healthy'),
          DEPLOYMENT_ACTOR,
        ),
      ).toEqual({
        applied: false,
        tenantId: tenant.id,
        ignored: 'the tenant is decommissioned',
      });
    },
  );
});
