import { taskFailureKey } from './taskFailure';

describe('taskFailureKey', () => {
  it('tells the kind of failure from the Backstage error name', () => {
    expect(taskFailureKey({ name: 'ConflictError', message: 'x' })).toBe(
      'scaffolder.task.failure.conflict',
    );
    expect(taskFailureKey({ name: 'NotAllowedError', message: 'x' })).toBe(
      'scaffolder.task.failure.notAllowed',
    );
    expect(taskFailureKey({ name: 'NotFoundError', message: 'x' })).toBe(
      'scaffolder.task.failure.notFound',
    );
    expect(taskFailureKey({ name: 'InputError', message: 'x' })).toBe(
      'scaffolder.task.failure.invalid',
    );
  });

  it('reads the message of a plain Error', () => {
    expect(
      taskFailureKey({
        name: 'Error',
        message:
          'the onboarding service refused POST /requests: tenant sifac-0333298f-test already exists',
      }),
    ).toBe('scaffolder.task.failure.conflict');
    expect(
      taskFailureKey({ name: 'Error', message: 'fetch failed: ECONNREFUSED' }),
    ).toBe('scaffolder.task.failure.unavailable');
    expect(taskFailureKey({ name: 'TypeError', message: 'oops' })).toBe(
      'scaffolder.task.failure.unknown',
    );
    expect(taskFailureKey({})).toBe('scaffolder.task.failure.unknown');
  });
});
