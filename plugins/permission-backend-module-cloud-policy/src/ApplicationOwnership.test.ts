import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  ApplicationOwnership,
  DEFAULT_APPLICATIONS_CACHE_TTL_MS,
} from './ApplicationOwnership';

function application(
  name: unknown,
  owner: unknown,
  namespace?: string,
): Entity {
  return {
    apiVersion: 'cloud.amue.fr/v1alpha1',
    kind: 'Application',
    metadata: { name, ...(namespace ? { namespace } : {}) },
    spec: { owner },
  } as Entity;
}

function setup(entities: Entity[], cacheTtlMs?: number) {
  const catalog = catalogServiceMock({ entities });
  const getEntities = jest.spyOn(catalog, 'getEntities');
  const logger = mockServices.logger.mock();
  const ownership = new ApplicationOwnership({
    catalog,
    auth: mockServices.auth(),
    logger,
    cacheTtlMs,
  });
  return { ownership, getEntities, logger };
}

describe('ApplicationOwnership', () => {
  afterEach(() => jest.restoreAllMocks());

  it('names the applications owned by the claims, sorted, owners resolved as the catalog does', async () => {
    const { ownership, getEntities } = setup([
      application('siham', 'amue-equipe-rh'),
      application('SIFAC', 'group:default/Amue-Equipe-Finance'),
      application('caplab', 'amue-equipe-finance'),
      // A bare owner is a Group of the application's namespace.
      application('geslab', 'amue-equipe-finance', 'recherche'),
    ]);
    expect(
      await ownership.ownedBy(['group:default/amue-equipe-finance']),
    ).toEqual(['caplab', 'sifac']);
    expect(
      await ownership.ownedBy(['group:recherche/amue-equipe-finance']),
    ).toEqual(['geslab']);
    expect(await ownership.ownedBy(['group:default/amue-equipe-rh'])).toEqual([
      'siham',
    ]);
    expect(await ownership.ownedBy(['user:default/amue-equipe-rh'])).toEqual(
      [],
    );
    // Only the fields it needs, once for all these questions.
    expect(getEntities).toHaveBeenCalledTimes(1);
    expect(getEntities).toHaveBeenCalledWith(
      {
        filter: { kind: 'Application' },
        fields: ['metadata.name', 'metadata.namespace', 'spec.owner'],
      },
      expect.anything(),
    );
  });

  it('ignores applications without a usable owner, and says which', async () => {
    // As a catalog may return them (the model layer rejects most of
    // these, but the policy must not trust it).
    const { ownership, logger, getEntities } = setup([]);
    getEntities.mockResolvedValue({
      items: [
        application('sifac', 'amue-equipe-finance'),
        application('noowner', undefined),
        application('emptyowner', ''),
        application('numberowner', 42),
        application(7, 'amue-equipe-finance'),
        { apiVersion: 'cloud.amue.fr/v1alpha1', kind: 'Application' } as Entity,
        {
          apiVersion: 'cloud.amue.fr/v1alpha1',
          kind: 'Application',
          metadata: { name: 'nospec' },
        },
        application('badref', 'component:'),
      ],
    });
    expect(
      await ownership.ownedBy(['group:default/amue-equipe-finance']),
    ).toEqual(['sifac']);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      'Ignoring the owner "component:" of application "badref": not an entity reference',
    );
  });

  it('keeps the list for the configured time, then reads it again', async () => {
    const now = jest.spyOn(Date, 'now').mockReturnValue(1_000_000);
    const { ownership, getEntities } = setup(
      [application('sifac', 'amue-equipe-finance')],
      1_000,
    );
    await ownership.ownedBy(['group:default/amue-equipe-finance']);
    now.mockReturnValue(1_000_999);
    await ownership.ownedBy(['group:default/amue-equipe-finance']);
    expect(getEntities).toHaveBeenCalledTimes(1);
    // Expired at its deadline, not a millisecond later.
    now.mockReturnValue(1_001_000);
    await ownership.ownedBy(['group:default/amue-equipe-finance']);
    expect(getEntities).toHaveBeenCalledTimes(2);
  });

  it('keeps the list 30 s by default', async () => {
    const now = jest.spyOn(Date, 'now').mockReturnValue(1_000_000);
    const { ownership, getEntities } = setup([
      application('sifac', 'amue-equipe-finance'),
    ]);
    await ownership.ownedBy(['group:default/amue-equipe-finance']);
    now.mockReturnValue(1_000_000 + DEFAULT_APPLICATIONS_CACHE_TTL_MS - 1);
    await ownership.ownedBy(['group:default/amue-equipe-finance']);
    expect(getEntities).toHaveBeenCalledTimes(1);
    now.mockReturnValue(1_000_000 + DEFAULT_APPLICATIONS_CACHE_TTL_MS);
    await ownership.ownedBy(['group:default/amue-equipe-finance']);
    expect(getEntities).toHaveBeenCalledTimes(2);
  });
});
