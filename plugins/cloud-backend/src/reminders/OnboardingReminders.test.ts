import { resolveStepTargetDays } from '@amue/plugin-cloud-common';
import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import { DatabaseTenantStore } from '../database/DatabaseTenantStore';
import { TenantWorkflow } from '../service/TenantWorkflow';
import {
  dayInFrance,
  OnboardingReminders,
  readReminderSettings,
} from './OnboardingReminders';

jest.setTimeout(60_000);

const DAY = 24 * 60 * 60 * 1000;
const START = new Date('2026-12-01T07:00:00.000Z');
const PO = 'user:default/sophie.bernard';

function user(name: string, groups: string[], language?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: {
      name,
      namespace: 'default',
      ...(language
        ? { annotations: { 'cloud.amue.fr/language': language } }
        : {}),
    },
    spec: { memberOf: groups },
    relations: groups.map(g => ({
      type: 'memberOf',
      targetRef: `group:default/${g}`,
    })),
  };
}

function group(name: string, displayName: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', profile: { displayName }, children: [] },
  };
}

function application(name: string, title: string, spec: object): Entity {
  return {
    apiVersion: 'cloud.amue.fr/v1alpha1',
    kind: 'Application',
    metadata: { name, namespace: 'default', title },
    spec,
  };
}

const ENTITIES: Entity[] = [
  user('claire.dubois', ['etab-0333298f']),
  user('nicolas.laurent', ['etab-0333298f'], 'en'),
  user('julien.lefebvre', ['etab-0597239y']),
  user('sophie.bernard', ['amue-equipe-finance']),
  user('paul.martin', ['amue-equipe-finance']),
  user('nathalie.moreau', ['amue-equipe-rh']),
  user('marc.petit', ['amue-admins']),
  group('etab-0333298f', 'Université de Bordeaux'),
  group('etab-0597239y', 'Université de Lille'),
  application('sifac', 'SIFAC', {
    owner: 'amue-equipe-finance',
    productOwner: 'sophie.bernard',
  }),
  application('siham', 'SIHAM', { owner: 'amue-equipe-rh' }),
];

describe('OnboardingReminders', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function setUp(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    let now = START;
    const store = new TenantWorkflow(
      await DatabaseTenantStore.create({
        database: { getClient: async () => knex },
        clock: () => now,
      }),
    );
    const sent: NotificationSendOptions[] = [];
    const notifications = {
      send: jest.fn(async (options: NotificationSendOptions) => {
        sent.push(options);
      }),
    };
    const reminders = new OnboardingReminders({
      db: knex,
      catalog: catalogServiceMock({ entities: ENTITIES }),
      auth: mockServices.auth(),
      notifications,
      logger: mockServices.logger.mock(),
      settings: readReminderSettings(new ConfigReader({})),
    });
    const targetDays = resolveStepTargetDays({ qualification: 10 });
    return {
      knex,
      store,
      sent,
      notifications,
      targetDays,
      /** Moves the clock to START + days, runs the task. */
      runAt: async (days: number) => {
        now = new Date(START.getTime() + days * DAY);
        sent.length = 0;
        return reminders.run(now);
      },
      at: (days: number) => {
        now = new Date(START.getTime() + days * DAY);
      },
    };
  }

  /** Who got what: recipient, severity, title. */
  function summary(sent: NotificationSendOptions[]) {
    return sent
      .flatMap(s =>
        recipientsOf(s).map(to => ({
          to,
          severity: s.payload.severity,
          title: s.payload.title,
          link: s.payload.link,
        })),
      )
      .sort((a, b) => a.to.localeCompare(b.to));
  }

  function recipientsOf(send: NotificationSendOptions): string[] {
    return [(send.recipients as { entityRef: string | string[] }).entityRef]
      .flat()
      .sort();
  }

  /** The notification a person got. */
  function sentTo(sent: NotificationSendOptions[], ref: string) {
    const found = sent.filter(s => recipientsOf(s).includes(ref));
    expect(found).toHaveLength(1);
    return found[0];
  }

  it.each(databases.eachSupportedId())(
    'reminds whoever must act, then escalates to the product owner and the administrators, %p',
    async databaseId => {
      const { store, sent, runAt, targetDays } = await setUp(databaseId);
      // an Amue step: the qualification of a SIFAC request, due at day 10
      await store.createTenant(
        {
          application: 'sifac',
          uai: '0333298F',
          environment: 'production',
          version: '2026.1',
          request: { migration: true },
        },
        { actor: 'user:default/claire.dubois', targetDays },
      );

      expect(await runAt(5)).toMatchObject({ steps: 0, sent: 0 });
      expect(sent).toEqual([]);

      // due in 2 days: the product team, not the establishment
      // (the team is told the same thing: one notification to both)
      expect(await runAt(8)).toMatchObject({
        steps: 1,
        sent: 2,
        notifications: 1,
      });
      expect(summary(sent)).toEqual([
        {
          to: 'user:default/paul.martin',
          severity: 'normal',
          title:
            'Étape bientôt à échéance : SIFAC (production) — Université de Bordeaux',
          link: '/cloud/tenants/sifac-0333298f-production#step-qualification',
        },
        {
          to: PO,
          severity: 'normal',
          title:
            'Étape bientôt à échéance : SIFAC (production) — Université de Bordeaux',
          link: '/cloud/tenants/sifac-0333298f-production#step-qualification',
        },
      ]);
      expect(sent[0].payload.description).toContain(
        '« Qualification » arrive à échéance le 11 décembre 2026 (dans 2 jours).',
      );

      // one late day: overdue, to the same team
      expect(await runAt(11)).toMatchObject({ sent: 2 });
      expect(summary(sent).map(s => [s.to, s.severity])).toEqual([
        ['user:default/paul.martin', 'high'],
        [PO, 'high'],
      ]);
      expect(sent[0].payload.description).toContain(
        '« Qualification » est en retard : échéance dépassée le 11 décembre 2026 (1 jour de retard).',
      );

      // 7 days late: escalated to the product owner
      await runAt(17);
      const toOwner = sentTo(sent, PO);
      expect(toOwner.payload.description).toContain(
        "l'étape vous est signalée en tant que responsable produit",
      );
      expect(summary(sent).map(s => s.to)).toEqual([
        'user:default/paul.martin',
        PO,
      ]);

      // 14 days late: the administrators too
      await runAt(24);
      expect(summary(sent).map(s => s.to)).toEqual([
        'user:default/marc.petit',
        'user:default/paul.martin',
        PO,
      ]);
      expect(
        sentTo(sent, 'user:default/marc.petit').payload.description,
      ).toContain('signalée aux administrateurs du portail');
    },
  );

  it.each(databases.eachSupportedId())(
    'sends at most one reminder per tenant, person and day, in their language, %p',
    async databaseId => {
      const { knex, store, sent, runAt, at, targetDays } = await setUp(
        databaseId,
      );
      const { tenant } = await store.createTenant(
        {
          application: 'siham',
          uai: '0333298F',
          environment: 'test',
          version: '2026.1',
          request: { migration: false },
        },
        { actor: 'user:default/claire.dubois', targetDays },
      );
      // approved and provisioned at day 1: the identity step (establishment)
      // is due at day 21
      at(1);
      let current = await store.decideRequest(tenant.id, 'approve', {
        actor: 'user:default/nathalie.moreau',
        expectedVersion: tenant.steps[1].rowVersion,
        targetDays,
      });
      for (const action of ['start', 'complete'] as const) {
        const step = current.steps.find(s => s.id === 'provisioning')!;
        current = await store.applyStepAction(
          tenant.id,
          'provisioning',
          action,
          {
            actor: 'user:default/nathalie.moreau',
            actorSide: 'amue',
            expectedVersion: step.rowVersion,
            targetDays,
          },
        );
      }
      // Amue also set the go-live's due date: two steps, one digest each
      const goLive = current.steps.find(s => s.id === 'go-live')!;
      await store.setStepDueDate(tenant.id, 'go-live', {
        dueDate: new Date(START.getTime() + 22 * DAY),
        reason: 'ouverture à la rentrée',
        actor: 'user:default/nathalie.moreau',
        expectedVersion: goLive.rowVersion,
      });

      const first = await runAt(20);
      // Claire (French) and Nicolas (English) get the identity step, each in
      // their language; Nathalie the go-live
      expect(first).toMatchObject({
        steps: 2,
        sent: 3,
        notifications: 3,
        alreadySent: 0,
      });
      expect(summary(sent).map(s => s.to)).toEqual([
        'user:default/claire.dubois',
        'user:default/nathalie.moreau',
        'user:default/nicolas.laurent',
      ]);
      const nicolas = sentTo(sent, 'user:default/nicolas.laurent');
      expect(nicolas.payload.title).toBe(
        'Onboarding step due soon: SIHAM (test) — Université de Bordeaux',
      );
      expect(nicolas.payload.description).toContain(
        '"Single sign-on (SSO)" is due on 22 December 2026 (in 1 day).',
      );
      // the Amue side only hears of its step
      const nathalie = sentTo(sent, 'user:default/nathalie.moreau');
      expect(nathalie.payload.description).toContain('« Mise en production »');
      expect(nathalie.payload.description).not.toContain('Authentification');

      // the same day again: nothing new
      const again = await runAt(20.5);
      expect(again).toMatchObject({ sent: 0, alreadySent: 3 });
      expect(sent).toEqual([]);
      expect(
        await knex('cloud_reminders').where({
          day: dayInFrance(new Date(START.getTime() + 20 * DAY)),
        }),
      ).toHaveLength(3);

      // the next day: a digest, both steps for whoever must act on both
      // (here each side has one)
      expect(await runAt(21.2)).toMatchObject({ sent: 3 });
    },
  );

  it.each(databases.eachSupportedId())(
    'tells nobody of a blocked step, a closed tenant, a step done, %p',
    async databaseId => {
      const { store, sent, runAt, at, targetDays, notifications } = await setUp(
        databaseId,
      );
      const base = {
        uai: '0333298F',
        version: '2026.1',
        request: { migration: true },
      };
      const { tenant: blocked } = await store.createTenant(
        { ...base, application: 'sifac', environment: 'test' },
        { actor: 'user:default/claire.dubois', targetDays },
      );
      const { tenant: rejected } = await store.createTenant(
        { ...base, application: 'sifac', environment: 'formation' },
        { actor: 'user:default/claire.dubois', targetDays },
      );
      const { tenant: approved } = await store.createTenant(
        { ...base, application: 'sifac', environment: 'production' },
        { actor: 'user:default/claire.dubois', targetDays },
      );
      at(1);
      const q = (t: typeof blocked) =>
        t.steps.find(s => s.id === 'qualification')!.rowVersion;
      await store.applyStepAction(blocked.id, 'qualification', 'block', {
        actor: PO,
        actorSide: 'amue',
        reason: 'convention non signée',
        expectedVersion: q(blocked),
      });
      await store.decideRequest(rejected.id, 'reject', {
        actor: PO,
        reason: 'hors périmètre',
        expectedVersion: q(rejected),
      });
      await store.decideRequest(approved.id, 'approve', {
        actor: PO,
        expectedVersion: q(approved),
        targetDays,
      });
      // day 30: only the approved tenant's provisioning (due day 11) is late
      const run = await runAt(30);
      expect(run).toMatchObject({ steps: 1 });
      expect(
        sent.every(s =>
          s.payload.link?.endsWith(
            '/sifac-0333298f-production#step-provisioning',
          ),
        ),
      ).toBe(true);
      expect(sent[0].payload.description).toContain('« Provisionnement »');
      expect(notifications.send).toHaveBeenCalledTimes(run.notifications);
      expect(sent.flatMap(recipientsOf)).toHaveLength(run.sent);
    },
  );

  it.each(databases.eachSupportedId())(
    'retries on the next run a reminder that could not be sent, %p',
    async databaseId => {
      const { knex, store, runAt, notifications, targetDays } = await setUp(
        databaseId,
      );
      await store.createTenant(
        {
          application: 'sifac',
          uai: '0333298F',
          environment: 'production',
          version: '2026.1',
          request: { migration: true },
        },
        { actor: 'user:default/claire.dubois', targetDays },
      );
      notifications.send.mockRejectedValueOnce(new Error('backend down'));
      expect(await runAt(12)).toMatchObject({ sent: 0, failed: 2 });
      expect(await knex('cloud_reminders')).toHaveLength(0);
      expect(await runAt(12.1)).toMatchObject({
        sent: 2,
        failed: 0,
        alreadySent: 0,
      });
      expect(await knex('cloud_reminders')).toHaveLength(2);
    },
  );

  it('refuses wrong settings with the key', () => {
    expect(() =>
      readReminderSettings(
        new ConfigReader({ cloud: { reminders: { dueSoonDays: -1 } } }),
      ),
    ).toThrow(
      'cloud.reminders.dueSoonDays must be a whole number of days from 0 to 365, not -1',
    );
    expect(() =>
      readReminderSettings(
        new ConfigReader({
          cloud: {
            reminders: {
              escalateToOwnerAfterDays: 10,
              escalateToAdminsAfterDays: 5,
            },
          },
        }),
      ),
    ).toThrow('escalateToAdminsAfterDays must not be shorter');
    expect(() =>
      readReminderSettings(
        new ConfigReader({ cloud: { reminders: { language: 'de' } } }),
      ),
    ).toThrow('cloud.reminders.language must be one of fr, en, not de');
  });
});
