/**
 * The message to show for a failed call: the backend's own message (a
 * `ResponseError` carries it in its body, e.g. `step "go-live" cannot be
 * completed before "acceptance" is done or skipped`), else the error's.
 */
export function errorMessage(error: unknown): string {
  const body = (error as { body?: { error?: { message?: unknown } } })?.body;
  if (typeof body?.error?.message === 'string') {
    return body.error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
