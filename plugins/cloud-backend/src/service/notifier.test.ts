import type { TenantDetails } from '@amue/plugin-cloud-common';
import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import { createTenantNotifier } from './notifier';
import type { TenantChange } from './types';

const sifac: Entity = {
  apiVersion: 'cloud.amue.fr/v1alpha1',
  kind: 'Application',
  metadata: { name: 'sifac', title: 'SIFAC' },
  spec: { owner: 'amue-equipe-finance', domain: 'finance' },
};

const bordeaux: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'etab-0333298f', title: 'Université de Bordeaux' },
  spec: { type: 'establishment', children: [] },
};

const ACTOR = 'user:default/claire.dubois';

function tenant(overrides: Partial<TenantDetails> = {}): TenantDetails {
  const at = '2026-03-02T10:00:00.000Z';
  return {
    id: '6f1c3f57-3c43-4a53-9a55-2d0e3b1b1c11',
    name: 'sifac-0333298f-production',
    application: 'sifac',
    establishment: 'etab-0333298f',
    uai: '0333298F',
    environment: 'production',
    version: '2026.2',
    status: 'onboarding',
    currentStep: 'acceptance',
    url: 'https://sifac-0333298f.cloud.amue.fr',
    ssoProtocol: 'saml',
    ssoIdpEntityId: 'https://idp.u-bordeaux.fr/idp/shibboleth',
    suspended: false,
    decommissioned: false,
    request: { migration: true, wishedGoLiveDate: '2026-09-01' },
    createdBy: ACTOR,
    createdAt: at,
    updatedAt: at,
    rowVersion: 3,
    steps: [
      {
        id: 'acceptance',
        status: 'blocked',
        reason: 'Jeu de test incomplet',
        side: 'establishment',
        order: 6,
        dueDate: null,
        updatedBy: ACTOR,
        updatedAt: at,
        rowVersion: 2,
      },
    ],
    funding: {
      grantedEur: 0,
      paidEur: 0,
      updatedBy: ACTOR,
      updatedAt: at,
      rowVersion: 1,
    },
    training: {
      sessionsHeld: 0,
      staffTrained: 0,
      updatedBy: ACTOR,
      updatedAt: at,
      rowVersion: 1,
    },
    ...overrides,
  };
}

function setup(options: { entities?: Entity[]; baseUrl?: string } = {}) {
  const notifications: jest.Mocked<NotificationService> = {
    send: jest.fn().mockResolvedValue(undefined),
  };
  const catalog = catalogServiceMock({
    entities: options.entities ?? [sifac, bordeaux],
  });
  const logger = mockServices.logger.mock();
  logger.child.mockReturnValue(logger);
  const notify = createTenantNotifier({
    notifications,
    catalog,
    auth: mockServices.auth(),
    logger,
    baseUrl: options.baseUrl,
  });
  return { notify, notifications, catalog, logger };
}

function change(overrides: Partial<TenantChange>): TenantChange {
  return {
    type: 'request.created',
    tenant: tenant(),
    actor: ACTOR,
    ...overrides,
  };
}

describe('createTenantNotifier', () => {
  it.each([
    {
      type: 'request.created' as const,
      stepId: 'request' as const,
      comment: null,
      title: 'Nouvelle demande : SIFAC (production) — Université de Bordeaux',
      severity: 'normal',
      scope: 'cloud.tenant:sifac-0333298f-production:request.created',
      description: 'Mise en production souhaitée : 2026-09-01',
    },
    {
      type: 'request.approved' as const,
      stepId: 'qualification' as const,
      comment: 'Convention signée',
      title: 'Demande acceptée : SIFAC (production) — Université de Bordeaux',
      severity: 'normal',
      scope: 'cloud.tenant:sifac-0333298f-production:request.approved',
      description: 'Commentaire : Convention signée',
    },
    {
      type: 'request.rejected' as const,
      stepId: 'qualification' as const,
      comment: 'Convention non signée',
      title: 'Demande refusée : SIFAC (production) — Université de Bordeaux',
      severity: 'high',
      scope: 'cloud.tenant:sifac-0333298f-production:request.rejected',
      description: 'Motif : Convention non signée',
    },
    {
      type: 'step.blocked' as const,
      stepId: 'identity' as const,
      comment: 'Métadonnées SAML absentes',
      title:
        'Étape bloquée (Authentification unique (SSO)) : SIFAC (production) — Université de Bordeaux',
      severity: 'high',
      scope: 'cloud.tenant:sifac-0333298f-production:step.blocked:identity',
      description: 'Motif : Métadonnées SAML absentes',
    },
    {
      type: 'step.completed' as const,
      stepId: 'go-live' as const,
      comment: null,
      title: 'Mise en production : SIFAC (production) — Université de Bordeaux',
      severity: 'normal',
      scope: 'cloud.tenant:sifac-0333298f-production:step.completed:go-live',
      description: 'https://sifac-0333298f.cloud.amue.fr',
    },
  ])(
    'notifies the establishment and the owner team of $type',
    async ({ type, stepId, comment, title, severity, scope, description }) => {
      const { notify, notifications, logger } = setup();

      await notify(change({ type, stepId, comment }));

      expect(notifications.send).toHaveBeenCalledTimes(1);
      expect(notifications.send).toHaveBeenCalledWith({
        recipients: {
          type: 'entity',
          entityRef: [
            'group:default/etab-0333298f',
            'group:default/amue-equipe-finance',
          ],
          excludeEntityRef: ACTOR,
        },
        payload: {
          title,
          description: expect.stringContaining(description),
          link: '/cloud/tenants/sifac-0333298f-production',
          severity,
          topic: 'cloud.tenant',
          scope,
        },
      });
      expect(logger.warn).not.toHaveBeenCalled();
      expect(logger.error).not.toHaveBeenCalled();
    },
  );

  it.each([
    { type: 'step.completed' as const, stepId: 'acceptance' as const },
    { type: 'step.started' as const, stepId: 'go-live' as const },
    { type: 'step.unblocked' as const, stepId: 'identity' as const },
    { type: 'step.skipped' as const, stepId: 'training' as const },
    { type: 'step.reopened' as const, stepId: 'acceptance' as const },
    { type: 'comment.added' as const, stepId: null },
    { type: 'funding.recorded' as const, stepId: null },
    { type: 'training.recorded' as const, stepId: null },
  ])('does not notify $type ($stepId)', async ({ type, stepId }) => {
    const { notify, notifications, catalog } = setup();
    const lookUp = jest.spyOn(catalog, 'getEntitiesByRefs');

    await notify(change({ type, stepId }));

    expect(notifications.send).not.toHaveBeenCalled();
    expect(lookUp).not.toHaveBeenCalled();
  });

  it('reads the catalog with its own service credentials', async () => {
    const { notify, catalog } = setup();
    const lookUp = jest.spyOn(catalog, 'getEntitiesByRefs');

    await notify(change({ type: 'request.created' }));

    expect(lookUp).toHaveBeenCalledWith(
      expect.objectContaining({
        entityRefs: [
          'application:default/sifac',
          'group:default/etab-0333298f',
        ],
      }),
      {
        credentials: expect.objectContaining({
          principal: expect.objectContaining({ type: 'service' }),
        }),
      },
    );
  });

  it('names the step in French and falls back to the step reason', async () => {
    const { notify, notifications } = setup();

    await notify(change({ type: 'step.blocked', stepId: 'acceptance' }));

    const { payload } = notifications.send.mock.calls[0][0];
    expect(payload.title).toBe(
      'Étape bloquée (Recette) : SIFAC (production) — Université de Bordeaux',
    );
    expect(payload.description).toContain('« Recette »');
    expect(payload.description).toContain('Motif : Jeu de test incomplet');
  });

  it('writes the environment in French', async () => {
    const { notify, notifications } = setup();

    await notify(
      change({
        tenant: tenant({
          name: 'sifac-0333298f-preproduction',
          environment: 'preproduction',
        }),
      }),
    );

    const { payload } = notifications.send.mock.calls[0][0];
    expect(payload.title).toBe(
      'Nouvelle demande : SIFAC (préproduction) — Université de Bordeaux',
    );
    expect(payload.link).toBe('/cloud/tenants/sifac-0333298f-preproduction');
  });

  it('notifies only the establishment and warns when the application is not in the catalog', async () => {
    const { notify, notifications, logger } = setup({ entities: [] });

    await notify(change({ type: 'request.created' }));

    expect(notifications.send).toHaveBeenCalledTimes(1);
    const { recipients, payload } = notifications.send.mock.calls[0][0];
    expect(recipients).toEqual({
      type: 'entity',
      entityRef: ['group:default/etab-0333298f'],
      excludeEntityRef: ACTOR,
    });
    // Without catalog entities, the names are the tenant's ids.
    expect(payload.title).toBe(
      'Nouvelle demande : sifac (production) — etab-0333298f',
    );
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        'application:default/sifac is not in the catalog',
      ),
      expect.objectContaining({ tenant: 'sifac-0333298f-production' }),
    );
  });

  it('normalises a qualified owner ref', async () => {
    const { notify, notifications } = setup({
      entities: [
        {
          ...sifac,
          spec: { ...sifac.spec, owner: 'group:amue/Equipe-Finance' },
        },
        bordeaux,
      ],
    });

    await notify(change({ type: 'request.approved' }));

    expect(notifications.send.mock.calls[0][0].recipients).toMatchObject({
      entityRef: ['group:default/etab-0333298f', 'group:amue/equipe-finance'],
    });
  });

  it('notifies only the establishment when the catalog fails', async () => {
    const { notify, notifications, catalog, logger } = setup();
    jest
      .spyOn(catalog, 'getEntitiesByRefs')
      .mockRejectedValue(new Error('catalog unavailable'));

    await expect(
      notify(change({ type: 'request.rejected', comment: 'Hors périmètre' })),
    ).resolves.toBeUndefined();

    expect(notifications.send.mock.calls[0][0].recipients).toMatchObject({
      entityRef: ['group:default/etab-0333298f'],
    });
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('Could not read application:default/sifac'),
      expect.objectContaining({ error: 'Error: catalog unavailable' }),
    );
  });

  it('logs a failure to send and does not throw', async () => {
    const { notify, notifications, logger } = setup();
    notifications.send.mockRejectedValue(new Error('notifications down'));

    await expect(
      notify(change({ type: 'step.completed', stepId: 'go-live' })),
    ).resolves.toBeUndefined();

    expect(logger.error).toHaveBeenCalledWith(
      'Could not send the notification of step.completed',
      {
        tenant: 'sifac-0333298f-production',
        error: 'Error: notifications down',
      },
    );
  });

  it('excludes whoever acted from the recipients', async () => {
    const { notify, notifications } = setup();
    const owner = 'user:default/marc.petit';

    await notify(change({ type: 'request.approved', actor: owner }));

    expect(notifications.send.mock.calls[0][0].recipients).toMatchObject({
      excludeEntityRef: owner,
    });
  });

  it('makes the link absolute when given the base URL', async () => {
    const { notify, notifications } = setup({
      baseUrl: 'https://portail.cloud.amue.fr/',
    });

    await notify(change({ type: 'request.created' }));

    expect(notifications.send.mock.calls[0][0].payload.link).toBe(
      'https://portail.cloud.amue.fr/cloud/tenants/sifac-0333298f-production',
    );
  });
});
