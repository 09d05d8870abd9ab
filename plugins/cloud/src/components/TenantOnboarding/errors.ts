import { TranslationFunction } from '@backstage/frontend-plugin-api';
import { cloudTranslationRef } from '../../translation';

/** The portal's translation function (`useTranslationRef(...).t`). */
export type ErrorTranslations = TranslationFunction<
  (typeof cloudTranslationRef)['T']
>;

/**
 * The message to show for a failed call. What is not the user's mistake is
 * a translated sentence chosen by status (503: the service or its database
 * is unavailable; 413: too large; other 5xx: unexpected), never the
 * server's text. Otherwise the backend's own message, which names the field
 * and the rule (a `ResponseError` carries it in its body, e.g. `step
 * "go-live" cannot be completed before "acceptance" is done or skipped`),
 * else the error's.
 */
export function errorMessage(error: unknown, t: ErrorTranslations): string {
  const status = (error as { statusCode?: unknown })?.statusCode;
  if (status === 503) {
    return t('errors.unavailable');
  }
  if (status === 413) {
    return t('errors.tooLarge');
  }
  if (typeof status === 'number' && status >= 500) {
    return t('errors.unexpected');
  }
  const body = (error as { body?: { error?: { message?: unknown } } })?.body;
  if (typeof body?.error?.message === 'string') {
    return body.error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
