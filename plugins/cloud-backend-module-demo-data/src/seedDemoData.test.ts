import {
  checkUai,
  currentStep,
  deriveTenantStatus,
  establishmentGroupName,
  getStepDefinition,
  NEW_INSTALLATION_SKIP_REASON,
  tenantName,
  TenantDetails,
  TenantEvent,
  validateTenantEntity,
} from '@amue/plugin-cloud-common';
import {
  CloudSeedContext,
  cloudSeedingExtensionPoint,
} from '@amue/plugin-cloud-node';
// eslint-disable-next-line @backstage/no-mixed-plugin-imports -- the tests run the module on the real cloud plugin, whose store the extension point gives
import cloudPlugin from '@amue/plugin-cloud-backend';
import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  mockServices,
  startTestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import fs from 'node:fs';
import path from 'node:path';
import { Knex } from 'knex';
import os from 'node:os';
import {
  DEMO_PRODUCT_OWNERS,
  DemoTenant,
  demoData,
  loadDemoData,
} from './demoTenants';
import { checkDemoTenant, seedDemoData } from './seedDemoData';

const { establishments: DEMO_ESTABLISHMENTS, tenants: DEMO_TENANTS } =
  demoData();

jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, '../../..');
const NOW = new Date('2026-11-27T14:30:00.000Z');
const PERSONA_UAIS = ['0333298F', '0597239Y', '0673021V'];

/** The catalog files the demo data must agree with, read as text. */
function readRepoFile(...parts: string[]): string {
  return fs.readFileSync(path.join(ROOT, ...parts), 'utf8');
}

interface CatalogApplication {
  owner: string;
  versions: Map<string, string>;
  environments: string[];
}

function readApplication(name: string): CatalogApplication {
  const text = readRepoFile(
    'catalog',
    'applications',
    name,
    'catalog-info.yaml',
  );
  const doc = text
    .split(/^---\s*$/m)
    .find(
      d => /^kind:\s*Application\s*$/m.test(d) && d.includes(`name: ${name}`),
    );
  if (!doc) {
    throw new Error(`no Application ${name} in its catalog-info.yaml`);
  }
  const versions = new Map<string, string>();
  for (const m of doc.matchAll(
    /-\s*version:\s*'?([^'\s]+)'?\s*\n\s*status:\s*(\S+)/g,
  )) {
    versions.set(m[1], m[2]);
  }
  return {
    owner: /^\s+owner:\s*(\S+)/m.exec(doc)![1],
    versions,
    environments: /^\s+environments:\s*\[([^\]]*)\]/m
      .exec(doc)![1]
      .split(',')
      .map(e => e.trim()),
  };
}

function readUserGroups(): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const doc of readRepoFile('catalog', 'org', 'users.yaml').split(
    /^---\s*$/m,
  )) {
    const name = /^\s+name:\s*(\S+)/m.exec(doc)?.[1];
    const memberOf = /memberOf:\s*\[([^\]]*)\]/.exec(doc)?.[1];
    if (/^kind:\s*User\s*$/m.test(doc) && name && memberOf) {
      groups.set(
        `user:default/${name}`,
        memberOf.split(',').map(g => g.trim()),
      );
    }
  }
  return groups;
}

describe('demo data (declared)', () => {
  const csvLines = readRepoFile(
    'plugins',
    'catalog-backend-module-cloud',
    'data',
    'fr-esr-principaux-etablissements-enseignement-superieur.csv',
  ).split(/\r?\n/);

  it('uses establishments of the dataset, with valid UAI codes and their names', () => {
    expect(DEMO_ESTABLISHMENTS.length).toBeGreaterThanOrEqual(15);
    for (const establishment of DEMO_ESTABLISHMENTS) {
      expect(checkUai(establishment.uai)).toEqual({
        valid: true,
        uai: establishment.uai,
      });
      const line = csvLines.find(l =>
        new RegExp(`^\\uFEFF?"?${establishment.uai};`).test(l),
      );
      expect({ uai: establishment.uai, line }).toEqual({
        uai: establishment.uai,
        line: expect.stringContaining(`;${establishment.label};`),
      });
    }
    const uais = new Set(DEMO_TENANTS.map(t => t.uai));
    expect(uais.size).toBeGreaterThanOrEqual(15);
    for (const uai of uais) {
      expect(DEMO_ESTABLISHMENTS.map(e => e.uai)).toContain(uai);
    }
  });

  it('uses supported versions and offered environments of catalog applications', () => {
    const applications = new Set(DEMO_TENANTS.map(t => t.application));
    expect(applications.size).toBeGreaterThanOrEqual(8);
    for (const tenant of DEMO_TENANTS) {
      const application = readApplication(tenant.application);
      expect({
        tenant: tenantName(tenant.application, tenant.uai, tenant.environment),
        status: application.versions.get(tenant.version),
        environment: application.environments.includes(tenant.environment),
      }).toEqual({
        tenant: tenantName(tenant.application, tenant.uai, tenant.environment),
        status: 'supported',
        environment: true,
      });
    }
  });

  it('has the product owners of the application owner teams act on the Amue side', () => {
    const groups = readUserGroups();
    for (const application of new Set(DEMO_TENANTS.map(t => t.application))) {
      const owner = DEMO_PRODUCT_OWNERS[application];
      expect({ application, teams: groups.get(owner) }).toEqual({
        application,
        teams: expect.arrayContaining([readApplication(application).owner]),
      });
    }
    for (const establishment of DEMO_ESTABLISHMENTS) {
      for (const user of establishment.users ?? []) {
        expect(groups.get(user)).toContain(
          establishmentGroupName(establishment.uai),
        );
      }
    }
  });

  it('declares distinct tenants that can all be played', () => {
    const names = DEMO_TENANTS.map(t =>
      tenantName(t.application, t.uai, t.environment),
    );
    expect(new Set(names).size).toBe(names.length);
    expect(names.length).toBeGreaterThanOrEqual(38);
    expect(names.length).toBeLessThanOrEqual(45);
    for (const tenant of DEMO_TENANTS) {
      expect(() => checkDemoTenant(tenant)).not.toThrow();
    }
  });

  it('refuses an inconsistent declaration, naming the tenant and the rule', () => {
    const base = DEMO_TENANTS[0];
    const onboarding: DemoTenant = {
      ...base,
      reach: 'identity',
      liveDaysAgo: undefined,
      decommissioning: undefined,
      training: undefined,
      comments: [],
    };
    expect(() => checkDemoTenant(onboarding)).not.toThrow();
    const bad: Array<[DemoTenant, string]> = [
      [
        { ...onboarding, reach: 'data-migration', migration: false },
        'a new installation skips the data migration',
      ],
      [
        { ...onboarding, decommissioning: 'done' },
        'decommissioning is for a live migration only',
      ],
      [
        {
          ...onboarding,
          comments: [{ step: 'acceptance', by: 'amue', text: 'trop tôt' }],
        },
        'comment on step acceptance, which is not reached',
      ],
      [
        { ...onboarding, rejected: 'non' },
        'only a request (reach qualification) can be rejected',
      ],
      [
        { ...onboarding, training: base.training },
        'training figures need the training step started',
      ],
      [{ ...base, liveDaysAgo: undefined }, 'liveDaysAgo is required'],
      [
        { ...base, liveDaysAgo: base.startedDaysAgo + 1 },
        'liveDaysAgo is required',
      ],
      [{ ...onboarding, liveDaysAgo: 10 }, 'liveDaysAgo is required'],
      [
        { ...onboarding, funding: { grantedEur: 10, paidEur: 20 } },
        'funding needs an approved request and paid <= granted',
      ],
    ];
    for (const [tenant, message] of bad) {
      expect(() => checkDemoTenant(tenant)).toThrow(
        `demo tenant sifac-0333298f-production: ${message}`,
      );
    }
  });
});

describe('seedDemoData', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  const backends: Array<{ stop(): Promise<void> }> = [];
  afterEach(async () => {
    await Promise.all(backends.splice(0).map(backend => backend.stop()));
  });

  /**
   * Starts the cloud plugin on the test database with a module that keeps
   * the context the plugin gives its seeders, so that each test opens the
   * plugin's store through the extension point, as the demo data module
   * does, and seeds when it wants.
   */
  async function setup(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    let context: CloudSeedContext | undefined;
    const keepSeedContext = createBackendModule({
      pluginId: 'cloud',
      moduleId: 'test-seed-context',
      register(reg) {
        reg.registerInit({
          deps: { seeding: cloudSeedingExtensionPoint },
          async init({ seeding }) {
            seeding.addSeeder({
              id: 'test',
              async seed(given) {
                context = given;
              },
            });
          },
        });
      },
    });
    backends.push(
      await startTestBackend({
        features: [
          cloudPlugin,
          keepSeedContext,
          mockServices.database.factory({ knex }),
        ],
      }),
    );
    const logger = mockServices.logger.mock();
    return { knex, openStore: context!.openStore, logger };
  }

  async function readAll(openStore: CloudSeedContext['openStore']) {
    const store = await openStore();
    const page = await store.listTenants({ limit: 500 });
    const tenants: Array<TenantDetails & { events: TenantEvent[] }> = [];
    for (const item of page.items) {
      const tenant = (await store.getTenant(item.id))!;
      tenants.push({ ...tenant, events: await store.listEvents(item.id) });
    }
    return tenants;
  }

  const count = async (knex: Knex, table: string) =>
    Number((await knex(table).count({ n: '*' }))[0].n);

  it.each(databases.eachSupportedId())(
    'seeds an empty database once, %p',
    async databaseId => {
      const { knex, openStore, logger } = await setup(databaseId);

      const first = await seedDemoData({ openStore, logger, now: NOW });
      expect(first).toEqual({ seeded: true, tenants: DEMO_TENANTS.length });
      expect(await count(knex, 'cloud_tenants')).toBe(DEMO_TENANTS.length);

      const events = await count(knex, 'cloud_events');
      const second = await seedDemoData({ openStore, logger, now: NOW });
      expect(second).toEqual({ seeded: false, tenants: 0 });
      expect(await count(knex, 'cloud_tenants')).toBe(DEMO_TENANTS.length);
      expect(await count(knex, 'cloud_events')).toBe(events);
    },
  );

  it.each(databases.eachSupportedId())(
    'leaves a database that already holds a tenant alone, %p',
    async databaseId => {
      const { knex, openStore, logger } = await setup(databaseId);
      const store = await openStore();
      await store.createTenant(
        {
          application: 'sifac',
          uai: '0331766R',
          environment: 'production',
          version: '2026.1',
          request: { migration: true },
        },
        { actor: 'user:default/someone' },
      );

      await expect(
        seedDemoData({ openStore, logger, now: NOW }),
      ).resolves.toEqual({ seeded: false, tenants: 0 });
      expect(await count(knex, 'cloud_tenants')).toBe(1);
      expect(await count(knex, 'cloud_events')).toBe(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'writes a believable and consistent programme state, %p',
    async databaseId => {
      const { openStore, logger } = await setup(databaseId);
      await seedDemoData({ openStore, logger, now: NOW });
      const tenants = await readAll(openStore);
      expect(tenants).toHaveLength(DEMO_TENANTS.length);

      // Statuses: every stage of the programme, about eight live tenants.
      const byStatus = (status: string) =>
        tenants.filter(t => t.status === status);
      for (const status of [
        'requested',
        'provisioning',
        'onboarding',
        'live',
        'decommissioned',
      ]) {
        expect({ status, some: byStatus(status).length > 0 }).toEqual({
          status,
          some: true,
        });
      }
      expect(byStatus('live').length).toBeGreaterThanOrEqual(6);
      expect(byStatus('live').length).toBeLessThanOrEqual(10);
      expect(byStatus('onboarding').length).toBeGreaterThan(
        byStatus('live').length,
      );

      // One rejected request: closed, with the rejection in its log.
      const rejected = byStatus('decommissioned');
      expect(rejected).toHaveLength(1);
      expect(rejected[0]).toMatchObject({
        decommissioned: true,
        currentStep: 'qualification',
      });
      expect(rejected[0].events.map(e => e.type)).toContain('request.rejected');

      // Blocked tenants (open ones) with real reasons.
      const blocked = tenants.filter(
        t => !t.decommissioned && t.steps.some(s => s.status === 'blocked'),
      );
      expect(blocked.length).toBeGreaterThanOrEqual(4);
      for (const tenant of blocked) {
        const step = tenant.steps.find(s => s.status === 'blocked')!;
        expect(step.reason?.length).toBeGreaterThan(20);
        expect(tenant.currentStep).toBe(step.id);
      }
      expect(
        blocked.map(t => t.steps.find(s => s.status === 'blocked')!.reason),
      ).toEqual(
        expect.arrayContaining([
          "Convention non signée par l'agent comptable",
          expect.stringContaining(
            "Certificat SAML du fournisseur d'identité expiré",
          ),
        ]),
      );

      // Live tenants went live when declared, and have been live since.
      for (const spec of DEMO_TENANTS.filter(t => t.reach === 'live')) {
        const tenant = tenants.find(
          t =>
            t.name === tenantName(spec.application, spec.uai, spec.environment),
        )!;
        const goLive = tenant.events.find(
          e => e.type === 'step.completed' && e.stepId === 'go-live',
        )!;
        const daysAgo = (NOW.getTime() - Date.parse(goLive.at)) / 86_400_000;
        expect({ name: tenant.name, status: tenant.status }).toEqual({
          name: tenant.name,
          status: 'live',
        });
        expect(Math.abs(daysAgo - spec.liveDaysAgo!)).toBeLessThan(3);
      }

      // Switched-off on-premise installations, new installations.
      expect(
        byStatus('live').filter(
          t => t.steps.find(s => s.id === 'decommissioning')!.status === 'done',
        ).length,
      ).toBeGreaterThanOrEqual(2);
      const newInstallations = tenants.filter(t => !t.request.migration);
      expect(newInstallations.length).toBeGreaterThan(5);
      expect(tenants.length - newInstallations.length).toBeGreaterThan(5);
      for (const tenant of newInstallations) {
        expect(tenant.steps.find(s => s.id === 'data-migration')).toMatchObject(
          { status: 'skipped', reason: NEW_INSTALLATION_SKIP_REASON },
        );
      }

      // Funding and training figures on advanced tenants.
      const funded = tenants.filter(t => t.funding.grantedEur > 0);
      expect(funded.length).toBeGreaterThanOrEqual(10);
      expect(funded.filter(t => t.funding.paidEur > 0).length).toBeGreaterThan(
        3,
      );
      for (const tenant of funded) {
        expect(['onboarding', 'live']).toContain(tenant.status);
        expect(tenant.funding.paidEur).toBeLessThanOrEqual(
          tenant.funding.grantedEur,
        );
      }
      const trained = tenants.filter(t => t.training.staffTrained > 0);
      expect(trained.length).toBeGreaterThanOrEqual(5);
      for (const tenant of trained) {
        expect(tenant.training.sessionsHeld).toBeGreaterThan(0);
        expect(
          ['in_progress', 'done'].includes(
            tenant.steps.find(s => s.id === 'training')!.status,
          ),
        ).toBe(true);
      }

      // Comments from both sides.
      const comments = tenants.flatMap(t =>
        t.events.filter(e => e.type === 'comment.added'),
      );
      expect(comments.length).toBeGreaterThan(15);
      expect(
        comments.some(c =>
          Object.values(DEMO_PRODUCT_OWNERS).includes(c.actor),
        ),
      ).toBe(true);
      expect(
        comments.some(
          c => !Object.values(DEMO_PRODUCT_OWNERS).includes(c.actor),
        ),
      ).toBe(true);

      // Persona establishments have several tenants each.
      for (const uai of PERSONA_UAIS) {
        expect({
          uai,
          tenants: tenants.filter(t => t.uai === uai).length >= 2,
        }).toEqual({ uai, tenants: true });
      }
      expect(
        new Set(tenants.map(t => t.establishment)).size,
      ).toBeGreaterThanOrEqual(15);
      expect(
        new Set(tenants.map(t => t.application)).size,
      ).toBeGreaterThanOrEqual(8);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps every tenant valid, derived and dated in the past year, %p',
    async databaseId => {
      const { openStore, logger } = await setup(databaseId);
      await seedDemoData({ openStore, logger, now: NOW });
      const tenants = await readAll(openStore);
      const oldest = new Date(NOW);
      oldest.setUTCMonth(oldest.getUTCMonth() - 13);
      const inRange = (iso: string) =>
        new Date(iso) >= oldest && new Date(iso) <= NOW;
      const owners = Object.values(DEMO_PRODUCT_OWNERS);

      for (const tenant of tenants) {
        // Names and establishments as the cloud-common rules say.
        expect(checkUai(tenant.uai)).toEqual({ valid: true, uai: tenant.uai });
        expect(tenant.name).toBe(
          tenantName(tenant.application, tenant.uai, tenant.environment),
        );
        expect(tenant.establishment).toBe(establishmentGroupName(tenant.uai));
        const entity = {
          apiVersion: 'cloud.amue.fr/v1alpha1',
          kind: 'Tenant',
          metadata: { name: tenant.name },
          spec: {
            application: tenant.application,
            establishment: tenant.establishment,
            environment: tenant.environment,
            version: tenant.version,
            status: tenant.status,
            url: tenant.url!,
            sso: {
              protocol: tenant.ssoProtocol!,
              idpEntityId: tenant.ssoIdpEntityId!,
            },
          },
        };
        expect({
          name: tenant.name,
          problems: validateTenantEntity(entity),
        }).toEqual({ name: tenant.name, problems: [] });

        // The status and current step are those the steps give.
        expect(tenant.status).toBe(
          deriveTenantStatus(tenant.steps, {
            suspended: tenant.suspended,
            decommissioned: tenant.decommissioned,
          }),
        );
        expect(tenant.currentStep).toBe(currentStep(tenant.steps) ?? null);

        // Dates: within the past 13 months, never in the future, in order.
        expect(inRange(tenant.createdAt)).toBe(true);
        expect(inRange(tenant.updatedAt)).toBe(true);
        expect(tenant.events[0]).toMatchObject({
          type: 'request.created',
          at: tenant.createdAt,
        });
        const times = tenant.events.map(e => e.at);
        expect(times.every(inRange)).toBe(true);
        expect([...times].sort()).toEqual(times);
        // The tenant row changes with its steps (comments and counters have
        // their own rows).
        const stepEvents = tenant.events.filter(
          e => e.type.startsWith('step.') || e.type.startsWith('request.'),
        );
        expect(tenant.updatedAt).toBe(stepEvents[stepEvents.length - 1].at);

        // Amue-side actions by the product owner, the others by the
        // establishment.
        const actions = tenant.events
          .filter(
            e => e.type.startsWith('step.') || e.type.startsWith('request.'),
          )
          .map(e => ({
            side: getStepDefinition(e.stepId!).side,
            actor: e.actor,
          }));
        const amueActors = actions
          .filter(a => a.side === 'amue')
          .map(a => a.actor);
        const establishmentActors = actions
          .filter(a => a.side === 'establishment')
          .map(a => a.actor);
        expect(amueActors).toEqual(
          amueActors.map(() => DEMO_PRODUCT_OWNERS[tenant.application]),
        );
        expect(establishmentActors.length).toBeGreaterThan(0);
        for (const actor of establishmentActors) {
          expect(owners).not.toContain(actor);
          expect(actor).toMatch(/^user:default\/[a-z0-9.]+$/);
        }
      }
    },
  );

  it('dates the history before the current time by default', async () => {
    const { knex, openStore, logger } = await setup('SQLITE_3');
    const before = Date.now();
    await seedDemoData({ openStore, logger });
    const after = Date.now();
    const [{ min, max }] = await knex('cloud_events')
      .min({ min: 'at' })
      .max({ max: 'at' });
    // SQLite returns the stored epoch milliseconds.
    const time = (value: unknown) => new Date(Number(value)).getTime();
    expect(time(max)).toBeLessThanOrEqual(after);
    expect(time(min)).toBeGreaterThan(before - 395 * 86_400_000);
    expect(time(max)).toBeGreaterThan(before - 30 * 86_400_000);
  });
});

describe('loadDemoData', () => {
  it('names the file and the field of a malformed tenant', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-data-'));
    const file = path.join(dir, 'tenants.yaml');
    fs.writeFileSync(
      file,
      'establishments: []\ntenants:\n  - application: sifac\n    environment: prod\n',
    );
    try {
      expect(() => loadDemoData(file)).toThrow(/tenants\.0\.environment/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
