/** The message key that tells a failed task's error in the reader's language. */
export type TaskFailureKey =
  | 'scaffolder.task.failure.conflict'
  | 'scaffolder.task.failure.notAllowed'
  | 'scaffolder.task.failure.notFound'
  | 'scaffolder.task.failure.invalid'
  | 'scaffolder.task.failure.unavailable'
  | 'scaffolder.task.failure.unknown';

/**
 * The kind of a scaffolder task's error, from the name of the Backstage
 * error the action threw (the task's completion event carries it), or its
 * message when the name is a plain `Error`.
 */
export function taskFailureKey(error: {
  name?: string;
  message?: string;
}): TaskFailureKey {
  const message = error.message ?? '';
  switch (error.name) {
    case 'ConflictError':
      return 'scaffolder.task.failure.conflict';
    case 'NotAllowedError':
    case 'AuthenticationError':
      return 'scaffolder.task.failure.notAllowed';
    case 'NotFoundError':
      return 'scaffolder.task.failure.notFound';
    case 'InputError':
      return 'scaffolder.task.failure.invalid';
    case 'ServiceUnavailableError':
      return 'scaffolder.task.failure.unavailable';
    default:
  }
  if (/already exists|existe déjà/i.test(message)) {
    return 'scaffolder.task.failure.conflict';
  }
  if (
    /ECONNREFUSED|ETIMEDOUT|fetch failed|unavailable|\b50[234]\b/i.test(message)
  ) {
    return 'scaffolder.task.failure.unavailable';
  }
  return 'scaffolder.task.failure.unknown';
}
