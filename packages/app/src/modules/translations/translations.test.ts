import { createElement } from 'react';
import {
  PageBlueprint,
  TranslationMessages,
  TranslationRef,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { renderTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { coreComponentsTranslationRef } from '@backstage/core-components/alpha';
import { catalogTranslationRef } from '@backstage/plugin-catalog/alpha';
import { catalogReactTranslationRef } from '@backstage/plugin-catalog-react/alpha';
import { scaffolderReactTranslationRef } from '@backstage/plugin-scaffolder-react/alpha';
import { searchReactTranslationRef } from '@backstage/plugin-search-react/alpha';
import { catalogGraphTranslationRef } from '@backstage/plugin-catalog-graph/alpha';
import { notificationsTranslationRef } from '@backstage/plugin-notifications/alpha';
import { orgTranslationRef } from '@backstage/plugin-org/alpha';
import { scaffolderTranslationRef } from '@backstage/plugin-scaffolder/alpha';
import { searchTranslationRef } from '@backstage/plugin-search/alpha';
import { techdocsTranslationRef } from '@backstage/plugin-techdocs/alpha';
import { userSettingsTranslationRef } from '@backstage/plugin-user-settings/alpha';
import { coreComponentsMessages } from './coreComponents';
import { catalogMessages } from './catalog';
import { catalogReactMessages } from './catalogReact';
import { scaffolderReactMessages } from './scaffolderReact';
import { searchReactMessages } from './searchReact';
import { catalogGraphMessages } from './catalogGraph';
import { notificationsMessages } from './notifications';
import { orgMessages } from './org';
import { scaffolderMessages } from './scaffolder';
import { searchMessages } from './search';
import { techdocsMessages } from './techdocs';
import { userSettingsMessages } from './userSettings';
import { frenchTranslations, translationsModule } from '.';

type Entry = { ref: TranslationRef; french: TranslationMessages };

const entries: Entry[] = [
  { ref: coreComponentsTranslationRef, french: coreComponentsMessages },
  { ref: catalogTranslationRef, french: catalogMessages },
  { ref: catalogGraphTranslationRef, french: catalogGraphMessages },
  { ref: scaffolderTranslationRef, french: scaffolderMessages },
  { ref: techdocsTranslationRef, french: techdocsMessages },
  { ref: userSettingsTranslationRef, french: userSettingsMessages },
  { ref: searchTranslationRef, french: searchMessages },
  { ref: notificationsTranslationRef, french: notificationsMessages },
  { ref: orgTranslationRef, french: orgMessages },
  { ref: catalogReactTranslationRef, french: catalogReactMessages },
  { ref: scaffolderReactTranslationRef, french: scaffolderReactMessages },
  { ref: searchReactTranslationRef, french: searchReactMessages },
];

/**
 * The English (default) messages of a translation ref, flattened to dotted
 * keys. `getDefaultMessages` is not part of the public type, so fail loudly
 * if a Backstage upgrade removes it rather than silently checking nothing.
 */
function englishMessages(ref: TranslationRef): Record<string, string> {
  const internal = ref as unknown as {
    getDefaultMessages?: () => Record<string, string>;
  };
  if (typeof internal.getDefaultMessages !== 'function') {
    throw new Error(`Cannot read the default messages of ${ref.id}`);
  }
  return internal.getDefaultMessages();
}

/** Interpolation placeholders: i18next `{{name}}` and material-table `{name}`. */
function placeholders(message: string): string[] {
  return [...(message.match(/\{\{[^{}]*\}\}|\{[^{}]*\}/g) ?? [])].sort();
}

function frenchEntries(entry: Entry): [string, string][] {
  return Object.entries(entry.french.messages).filter(
    (e): e is [string, string] => typeof e[1] === 'string',
  );
}

/** A key whose French message differs from the English one. */
function probeKey(entry: Entry): string {
  const english = englishMessages(entry.ref);
  const found = frenchEntries(entry).find(([key, fr]) => english[key] !== fr);
  if (!found) {
    throw new Error(`No translated message for ${entry.ref.id}`);
  }
  return found[0];
}

describe('French translations of Backstage plugins', () => {
  it('covers each translation ref once', () => {
    const ids = entries.map(e => e.ref.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('installs exactly these translations, each loading its own messages', async () => {
    expect(frenchTranslations.map(t => t.ref.id).sort()).toEqual(
      entries.map(e => e.ref.id).sort(),
    );
    for (const t of frenchTranslations) {
      expect((await t.load()).default.id).toBe(t.ref.id);
    }
  });

  describe.each(entries.map(e => [e.ref.id, e] as const))('%s', (_, entry) => {
    const english = englishMessages(entry.ref);

    it('targets the right translation ref', () => {
      expect(entry.french.id).toBe(entry.ref.id);
      expect(frenchEntries(entry).length).toBeGreaterThan(0);
    });

    it('only uses keys that exist in the English messages', () => {
      const unknownKeys = Object.keys(entry.french.messages).filter(
        key => !(key in english),
      );
      expect(unknownKeys).toEqual([]);
    });

    it('keeps the interpolation placeholders of the English messages', () => {
      const mismatches = frenchEntries(entry)
        .filter(([key]) => key in english)
        .filter(
          ([key, fr]) =>
            placeholders(fr).join(' ') !== placeholders(english[key]).join(' '),
        )
        .map(([key, fr]) => ({ key, english: english[key], french: fr }));
      expect(mismatches).toEqual([]);
    });
  });
});

describe('translationsModule', () => {
  function Probe(props: { entry: Entry; messageKey: string }) {
    const { t } = useTranslationRef(props.entry.ref);
    const translate = t as unknown as (key: string) => string;
    return createElement(
      'p',
      { 'data-testid': props.entry.ref.id },
      translate(props.messageKey),
    );
  }

  const probes = entries.map(entry => ({ entry, messageKey: probeKey(entry) }));

  // The app remembers the selected language in local storage.
  beforeEach(() => window.localStorage.clear());

  function renderWithLanguage(defaultLanguage: string) {
    renderTestApp({
      features: [translationsModule],
      extensions: [
        PageBlueprint.make({
          name: 'translations-probe',
          params: {
            path: '/',
            noHeader: true,
            loader: async () =>
              createElement(
                'div',
                null,
                ...probes.map(p =>
                  createElement(Probe, { key: p.entry.ref.id, ...p }),
                ),
              ),
          },
        }),
      ],
      config: {
        app: {
          baseUrl: 'http://localhost:3000',
          extensions: [
            {
              'api:app/app-language': {
                config: { defaultLanguage, availableLanguages: ['fr', 'en'] },
              },
            },
          ],
        },
        backend: { baseUrl: 'http://localhost:7007' },
      },
    });
  }

  it('serves the French messages when the language is French', async () => {
    renderWithLanguage('fr');
    for (const { entry, messageKey } of probes) {
      const expected = entry.french.messages[messageKey];
      expect(
        await screen.findByTestId(entry.ref.id, {}, { timeout: 5000 }),
      ).toHaveTextContent(expected!);
    }
  });

  it('keeps the English messages when the language is English', async () => {
    renderWithLanguage('en');
    for (const { entry, messageKey } of probes) {
      const expected = englishMessages(entry.ref)[messageKey];
      expect(await screen.findByTestId(entry.ref.id)).toHaveTextContent(
        expected,
      );
    }
  });
});
