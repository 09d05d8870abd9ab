import {
  ApiHolder,
  TranslationFunction,
  translationApiRef,
} from '@backstage/frontend-plugin-api';
import { cloudTranslationRef } from '../translation';

type CloudMessages = (typeof cloudTranslationRef)['T'];

/**
 * The portal's messages for code that runs outside React (the form fields'
 * validators), in the user's language. Falls back to the message key while
 * the translations load (they are loaded before any form is shown).
 */
export function messagesOf(
  apiHolder: Pick<ApiHolder, 'get'>,
): TranslationFunction<CloudMessages> {
  const snapshot = apiHolder
    .get(translationApiRef)
    ?.getTranslation(cloudTranslationRef);
  if (snapshot?.ready) {
    return snapshot.t as TranslationFunction<CloudMessages>;
  }
  return ((key: string) =>
    key) as unknown as TranslationFunction<CloudMessages>;
}
