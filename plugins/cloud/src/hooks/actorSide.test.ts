import { actorSideOf } from './actorSide';
import { toCloudUser } from './useCloudUser';

const bordeaux = { establishment: 'etab-0333298f' };
const finance = 'group:default/amue-equipe-finance';

describe('toCloudUser', () => {
  it('finds the establishments and the administrators among the refs', () => {
    expect(
      toCloudUser('user:default/claire.dubois', [
        'user:default/claire.dubois',
        'Group:default/ETAB-0333298F',
        'group:default/dsi',
        'group:other/etab-0597239y',
      ]),
    ).toEqual({
      userEntityRef: 'user:default/claire.dubois',
      ownershipEntityRefs: [
        'user:default/claire.dubois',
        'group:default/etab-0333298f',
        'group:default/dsi',
        'group:other/etab-0597239y',
      ],
      isAdmin: false,
      establishments: ['etab-0333298f'],
    });
    expect(
      toCloudUser('user:default/marc.petit', ['group:default/amue-admins'])
        .isAdmin,
    ).toBe(true);
  });
});

describe('actorSideOf', () => {
  const claire = toCloudUser('user:default/claire.dubois', [
    'group:default/etab-0333298f',
  ]);
  const sophie = toCloudUser('user:default/sophie.bernard', [finance]);
  const marc = toCloudUser('user:default/marc.petit', [
    'group:default/amue-admins',
  ]);
  const julien = toCloudUser('user:default/julien.lefebvre', [
    'group:default/etab-0597239y',
  ]);

  it.each([
    ['an administrator acts for both sides', marc, finance, 'any'],
    ['the owner of the application acts for Amue', sophie, finance, 'amue'],
    [
      'a product owner of another application only reads',
      sophie,
      'group:default/amue-equipe-rh',
      undefined,
    ],
    [
      'a member of the establishment acts for it',
      claire,
      finance,
      'establishment',
    ],
    [
      'a member of another establishment does not act',
      julien,
      finance,
      undefined,
    ],
    ['nobody acts before the identity is known', undefined, finance, undefined],
  ] as const)('%s', (_label, user, owner, expected) => {
    expect(actorSideOf(user, bordeaux, owner)).toBe(expected);
  });

  it('prefers Amue for someone who is both', () => {
    const both = toCloudUser('user:default/x', [
      finance,
      'group:default/etab-0333298f',
    ]);
    expect(
      actorSideOf(both, bordeaux, 'Group:default/Amue-Equipe-Finance'),
    ).toBe('amue');
  });
});
