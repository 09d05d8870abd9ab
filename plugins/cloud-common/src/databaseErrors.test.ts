import { isDatabaseUnavailable } from './databaseErrors';

describe('isDatabaseUnavailable', () => {
  it.each([
    [{ code: 'ECONNREFUSED' }],
    [
      {
        code: '57P01',
        message: 'terminating connection due to administrator command',
      },
    ],
    [{ code: '08006' }],
    [
      {
        name: 'KnexTimeoutError',
        message: 'Knex: Timeout acquiring a connection.',
      },
    ],
    [new Error('Connection terminated unexpectedly')],
    [{ code: 'SQLITE_BUSY' }],
    [new Error('wrapped', { cause: { code: 'ECONNRESET' } })],
    [new AggregateError([new Error('x'), { code: 'ECONNREFUSED' }])],
  ])('is true for %p', error => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    [
      {
        code: '23505',
        message: 'duplicate key value violates unique constraint',
      },
    ],
    [{ code: '42P01', message: 'relation "x" does not exist' }],
    [new Error('Request failed')],
    [undefined],
    ['ECONNREFUSED'],
  ])('is false for %p', error => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
