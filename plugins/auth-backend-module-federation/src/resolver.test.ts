import { mockServices } from '@backstage/backend-test-utils';
import { NotFoundError } from '@backstage/errors';
import { parseFederationRefusal } from '@amue/plugin-cloud-common';
import { AuthResolverContext } from '@backstage/plugin-auth-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { EstablishmentDirectory } from './EstablishmentDirectory';
import { FederationOptions, readFederationOptions } from './options';
import { createFederationSignInResolver } from './resolver';

const bordeaux = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: {
    name: 'etab-0333298f',
    annotations: {
      'cloud.amue.fr/uai': '0333298F',
      'cloud.amue.fr/former-uais': '0332929E,0331764N',
    },
  },
  spec: { type: 'establishment', children: [] },
};
const lille = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: {
    name: 'etab-0597239y',
    annotations: { 'cloud.amue.fr/uai': '0597239Y' },
  },
  spec: { type: 'establishment', children: [] },
};
// A team holding a UAI annotation is not an establishment.
const team = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: {
    name: 'amue-equipe-finance',
    annotations: { 'cloud.amue.fr/uai': '0673021V' },
  },
  spec: { type: 'team', children: [] },
};
const sophie = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name: 'sophie.bernard' },
  spec: {
    profile: { email: 'sophie.bernard@amue.fr' },
    memberOf: ['amue-equipe-finance'],
  },
};
const claire = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name: 'claire.dubois' },
  spec: {
    profile: { email: 'claire.dubois@u-bordeaux.fr' },
    memberOf: ['etab-0333298f'],
  },
};
const users = [sophie, claire];

function setup(settings: Record<string, any> = {}) {
  const options: FederationOptions = readFederationOptions(
    mockServices.rootConfig({ data: { auth: { federation: settings } } }),
  );
  const recorded: Array<{ name: string; person: unknown }> = [];
  const resolver = createFederationSignInResolver({
    settings: options,
    establishments: new EstablishmentDirectory({
      catalog: catalogServiceMock({ entities: [bordeaux, lille, team] }),
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
    }),
    people: {
      record: async (name, person) => {
        recorded.push({ name, person });
      },
    },
    logger: mockServices.logger.mock(),
  });
  const ctx = {
    issueToken: jest.fn(async params => ({
      token: JSON.stringify(params.claims),
    })),
    signInWithCatalogUser: jest.fn(async query => {
      const email = (query as any).filter['spec.profile.email'];
      const user = users.find(u => u.spec.profile.email === email);
      if (!user) {
        throw new NotFoundError('User not found');
      }
      return { token: `catalog:${user.metadata.name}` };
    }),
    findCatalogUser: jest.fn(),
    resolveOwnershipEntityRefs: jest.fn(),
  } as unknown as AuthResolverContext;

  const signIn = (claims: Record<string, unknown>) =>
    resolver(
      {
        profile: { email: claims.mail as string | undefined },
        result: {
          fullProfile: {
            userinfo: claims,
            tokenset: { claims: () => ({ sub: 'ignored' }) },
          },
        } as any,
      },
      ctx,
    );
  return { signIn, recorded, ctx };
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    e => e,
  );
  expect(error?.name).toBe('NotAllowedError');
  return parseFederationRefusal(error.message);
}

const bordeauxStaff = {
  eduPersonPrincipalName: 'Jean.Martin@u-bordeaux.fr',
  mail: 'jean.martin@u-bordeaux.fr',
  displayName: 'Jean Martin',
  eduPersonAffiliation: ['member', 'staff'],
  supannEtablissement: '{UAI}0333298F',
};

describe('the federation sign-in resolver', () => {
  it('signs in establishment staff as their principal name, owning their establishment, and records them', async () => {
    const { signIn, recorded } = setup();

    const result = await signIn(bordeauxStaff);

    expect(JSON.parse(result.token)).toEqual({
      sub: 'user:default/jean.martin_u-bordeaux.fr',
      ent: [
        'user:default/jean.martin_u-bordeaux.fr',
        'group:default/etab-0333298f',
      ],
    });
    expect(recorded).toEqual([
      {
        name: 'jean.martin_u-bordeaux.fr',
        person: {
          displayName: 'Jean Martin',
          email: 'jean.martin@u-bordeaux.fr',
          establishments: ['etab-0333298f'],
        },
      },
    ]);
  });

  it('finds the establishment by a former UAI', async () => {
    const { signIn } = setup();

    const result = await signIn({
      ...bordeauxStaff,
      supannEtablissement: ['{UAI}0332929E'],
    });

    expect(JSON.parse(result.token).ent).toContain(
      'group:default/etab-0333298f',
    );
  });

  it('signs in a catalog User of an Amue e-mail as that User, without recording', async () => {
    const { signIn, recorded } = setup();

    const result = await signIn({
      eduPersonPrincipalName: 'sophie.bernard@amue.fr',
      mail: 'sophie.bernard@amue.fr',
      eduPersonAffiliation: 'employee',
    });

    expect(result.token).toBe('catalog:sophie.bernard');
    expect(recorded).toEqual([]);
  });

  it('does not match catalog Users of other domains by e-mail', async () => {
    const { signIn, ctx } = setup();

    const result = await signIn({
      ...bordeauxStaff,
      eduPersonPrincipalName: 'claire.dubois@u-bordeaux.fr',
      mail: 'claire.dubois@u-bordeaux.fr',
    });

    expect(ctx.signInWithCatalogUser).not.toHaveBeenCalled();
    expect(JSON.parse(result.token).sub).toBe(
      'user:default/claire.dubois_u-bordeaux.fr',
    );
  });

  it('does not trust an Amue e-mail asserted for a principal of another domain', async () => {
    const { signIn, ctx } = setup();

    const result = await signIn({
      ...bordeauxStaff,
      mail: 'sophie.bernard@amue.fr',
    });

    expect(ctx.signInWithCatalogUser).not.toHaveBeenCalled();
    expect(JSON.parse(result.token).sub).toBe(
      'user:default/jean.martin_u-bordeaux.fr',
    );
  });

  it('refuses a person without an establishment claim', async () => {
    const { signIn, recorded } = setup();

    expect(
      await refusal(
        signIn({ ...bordeauxStaff, supannEtablissement: undefined }),
      ),
    ).toEqual({ code: 'no-establishment', values: [] });
    expect(
      await refusal(
        signIn({ ...bordeauxStaff, supannEtablissement: '{SIRET}1300183' }),
      ),
    ).toEqual({ code: 'no-establishment', values: [] });
    expect(recorded).toEqual([]);
  });

  it('refuses an unknown UAI, naming it', async () => {
    const { signIn } = setup();

    expect(
      await refusal(
        signIn({ ...bordeauxStaff, supannEtablissement: '{UAI}0000001B' }),
      ),
    ).toEqual({ code: 'unknown-establishment', values: ['0000001B'] });
  });

  it('refuses the UAI of a Group that is not an establishment', async () => {
    const { signIn } = setup();

    expect(
      await refusal(
        signIn({ ...bordeauxStaff, supannEtablissement: '{UAI}0673021V' }),
      ),
    ).toEqual({ code: 'unknown-establishment', values: ['0673021V'] });
  });

  it('refuses students, naming their affiliations', async () => {
    const { signIn, recorded } = setup();

    expect(
      await refusal(
        signIn({
          ...bordeauxStaff,
          eduPersonAffiliation: ['student', 'member'],
        }),
      ),
    ).toEqual({
      code: 'affiliation-not-allowed',
      values: ['student', 'member'],
    });
    expect(recorded).toEqual([]);
  });

  it('refuses a person without a principal name', async () => {
    const { signIn } = setup();

    expect(
      await refusal(
        signIn({ ...bordeauxStaff, eduPersonPrincipalName: undefined }),
      ),
    ).toEqual({ code: 'no-identifier', values: [] });
  });

  it('refuses several establishments unless configured to keep them all', async () => {
    const claims = {
      ...bordeauxStaff,
      supannEtablissement: ['{UAI}0333298F', '{UAI}0597239Y', '{UAI}0332929E'],
    };

    expect(await refusal(setup().signIn(claims))).toEqual({
      code: 'several-establishments',
      values: ['0333298F', '0597239Y'],
    });

    const all = await setup({ multipleEstablishments: 'all' }).signIn(claims);
    expect(JSON.parse(all.token).ent).toEqual([
      'user:default/jean.martin_u-bordeaux.fr',
      'group:default/etab-0333298f',
      'group:default/etab-0597239y',
    ]);
  });

  it('ignores unknown UAIs beside a known one', async () => {
    const result = await setup().signIn({
      ...bordeauxStaff,
      supannEtablissement: ['{UAI}0000001B', '{UAI}0597239Y'],
    });
    expect(JSON.parse(result.token).ent).toContain(
      'group:default/etab-0597239y',
    );
  });

  it('reads the configured claim names and affiliations', async () => {
    const { signIn } = setup({
      claims: {
        principalName: 'eppn',
        establishment: 'etab',
        affiliation: 'aff',
      },
      allowedAffiliations: ['faculty'],
    });

    const result = await signIn({
      eppn: 'prof@u-bordeaux.fr',
      etab: '{UAI}0333298F',
      aff: 'faculty',
    });
    expect(JSON.parse(result.token).sub).toBe(
      'user:default/prof_u-bordeaux.fr',
    );
  });

  it('reads the claims of the ID token too, userinfo winning', async () => {
    const options = readFederationOptions(mockServices.rootConfig());
    const resolver = createFederationSignInResolver({
      settings: options,
      establishments: {
        find: async uai =>
          uai === '0597239Y' ? { name: 'etab-0597239y', uai } : undefined,
      },
      people: { record: async () => {} },
      logger: mockServices.logger.mock(),
    });
    const issueToken = jest.fn(async params => ({
      token: JSON.stringify(params.claims),
    }));
    const result = await resolver(
      {
        profile: {},
        result: {
          fullProfile: {
            tokenset: {
              claims: () => ({
                ...bordeauxStaff,
                supannEtablissement: '{UAI}0597239Y',
                displayName: 'From the ID token',
              }),
            },
            userinfo: { sub: 'x', displayName: 'Jean Martin' },
          },
        } as any,
      },
      { issueToken } as unknown as AuthResolverContext,
    );
    expect(JSON.parse(result.token).ent).toEqual([
      'user:default/jean.martin_u-bordeaux.fr',
      'group:default/etab-0597239y',
    ]);
  });

  it('signs in even when the person cannot be recorded', async () => {
    const options = readFederationOptions(mockServices.rootConfig());
    const resolver = createFederationSignInResolver({
      settings: options,
      establishments: {
        find: async () => ({ name: 'etab-0333298f', uai: '0333298F' }),
      },
      people: {
        record: async () => {
          throw new Error('cloud backend down');
        },
      },
      logger: mockServices.logger.mock(),
    });
    const issueToken = jest.fn(async () => ({ token: 't' }));
    await expect(
      resolver(
        {
          profile: {},
          result: { fullProfile: { userinfo: bordeauxStaff } } as any,
        },
        {
          issueToken,
        } as unknown as AuthResolverContext,
      ),
    ).resolves.toEqual({ token: 't' });
  });
});

describe('readFederationOptions', () => {
  it('has defaults', () => {
    expect(readFederationOptions(mockServices.rootConfig())).toEqual({
      claims: {
        principalName: 'eduPersonPrincipalName',
        email: 'mail',
        displayName: 'displayName',
        affiliation: 'eduPersonAffiliation',
        establishment: 'supannEtablissement',
      },
      allowedAffiliations: ['staff', 'employee'],
      catalogUserEmailDomains: ['amue.fr'],
      multipleEstablishments: 'refuse',
    });
  });

  it('names the wrong key', () => {
    expect(() =>
      readFederationOptions(
        mockServices.rootConfig({
          data: {
            auth: {
              federation: {
                multipleEstablishments: 'first',
                claims: { mail: 'x' },
              },
            },
          },
        }),
      ),
    ).toThrow(/auth\.federation\.(claims|multipleEstablishments)/);
  });
});
