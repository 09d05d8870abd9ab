import { appLanguageApiRef } from '@backstage/frontend-plugin-api';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { useFormatDate } from './labels';

function Dates() {
  const format = useFormatDate();
  return <p>{['2025-09-01', '2026-10-12', 'soon'].map(format).join(' | ')}</p>;
}

function languageApi(language: string) {
  return {
    getLanguage: () => ({ language }),
    getAvailableLanguages: () => ({ languages: [language] }),
    setLanguage: () => {},
    language$: () => ({ subscribe: () => ({ unsubscribe: () => {} }) }),
  } as unknown as typeof appLanguageApiRef.T;
}

describe('useFormatDate', () => {
  it('writes dates in French, first of the month included', async () => {
    renderInTestApp(<Dates />, {
      apis: [[appLanguageApiRef, languageApi('fr')]],
    });
    expect(
      screen.getByText('1er septembre 2025 | 12 octobre 2026 | soon'),
    ).toBeInTheDocument();
  });

  it('writes dates in English', async () => {
    renderInTestApp(<Dates />, {
      apis: [[appLanguageApiRef, languageApi('en')]],
    });
    expect(
      screen.getByText('September 1, 2025 | October 12, 2026 | soon'),
    ).toBeInTheDocument();
  });
});
