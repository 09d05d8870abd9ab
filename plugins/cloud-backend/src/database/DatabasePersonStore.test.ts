import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { DatabasePersonStore } from './DatabasePersonStore';

jest.setTimeout(60_000);

describe('DatabasePersonStore', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function createStore(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    const database = mockServices.database({
      knex,
      migrations: { skip: false },
    });
    return DatabasePersonStore.create({ database });
  }

  it.each(databases.eachSupportedId())(
    'records sign-ins, lists, removes and expires people, %p',
    async databaseId => {
      const store = await createStore(databaseId);
      const first = new Date('2026-01-10T08:00:00.000Z');
      const later = new Date('2026-06-01T09:30:00.000Z');

      await store.record(
        'jean.martin_u-bordeaux.fr',
        {
          displayName: 'Jean Martin',
          email: 'jean.martin@u-bordeaux.fr',
          establishments: ['etab-0333298f'],
        },
        first,
      );
      await store.record(
        'anne.roux_univ-lille.fr',
        { displayName: 'Anne Roux', establishments: ['etab-0597239y'] },
        first,
      );
      // a second sign-in updates the same person
      const updated = await store.record(
        'jean.martin_u-bordeaux.fr',
        {
          displayName: 'Jean Martin-Durand',
          email: 'jean.martin@u-bordeaux.fr',
          establishments: ['etab-0597239y', 'etab-0333298f'],
        },
        later,
      );

      expect(updated).toEqual({
        name: 'jean.martin_u-bordeaux.fr',
        displayName: 'Jean Martin-Durand',
        email: 'jean.martin@u-bordeaux.fr',
        establishments: ['etab-0333298f', 'etab-0597239y'],
        lastSignInAt: later.toISOString(),
      });
      expect((await store.list()).map(p => p.name)).toEqual([
        'anne.roux_univ-lille.fr',
        'jean.martin_u-bordeaux.fr',
      ]);
      expect(
        (await store.get('anne.roux_univ-lille.fr'))?.email,
      ).toBeUndefined();

      // retention: Anne last signed in before the cutoff
      expect(
        await store.removeIdleSince(new Date('2026-03-01T00:00:00.000Z')),
      ).toEqual(['anne.roux_univ-lille.fr']);
      expect((await store.list()).map(p => p.name)).toEqual([
        'jean.martin_u-bordeaux.fr',
      ]);

      expect(await store.remove('jean.martin_u-bordeaux.fr')).toBe(true);
      expect(await store.remove('jean.martin_u-bordeaux.fr')).toBe(false);
      expect(await store.list()).toEqual([]);
    },
  );
});
