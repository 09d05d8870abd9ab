/**
 * The French words of the codes that the French CSV exports (`csv-fr`)
 * write instead of the codes: the same words as the portal's pages in
 * French (steps and environments from cloud-common's labels, which the
 * pages read too), for spreadsheet users.
 */
import {
  ENVIRONMENT_LABELS,
  ONBOARDING_STEP_LABELS,
  placeName,
  type AdoptionState,
  type OnboardingSide,
} from '@amue/plugin-cloud-common';

const STATES: Record<AdoptionState, string> = {
  live: 'En service',
  in_progress: 'En cours',
  not_started: 'Non démarré',
};

const SIDES: Record<OnboardingSide, string> = {
  amue: 'Amue',
  establishment: 'Établissement',
};

const ESTABLISHMENT_TYPES: Record<string, string> = {
  universite: 'Université',
  ecole: 'École',
  'grand-etablissement': 'Grand établissement',
  'autre-etablissement': 'Autre établissement',
};

const PLACES = {
  abroad: 'Étranger',
  overseasCollectivities: "Collectivités d'outre-mer",
} as const;

/** A word from a table, or the value itself when the table lacks it. */
function wordOf(table: Record<string, string>) {
  return (code: string): string =>
    Object.prototype.hasOwnProperty.call(table, code) ? table[code] : code;
}

/**
 * The French words of the report codes, by kind of code.
 *
 * @internal
 */
export const frenchWords = {
  state: wordOf(STATES),
  step: wordOf(ONBOARDING_STEP_LABELS.fr),
  side: wordOf(SIDES),
  establishmentType: wordOf(ESTABLISHMENT_TYPES),
  environment: wordOf(ENVIRONMENT_LABELS.fr),
  region: (slug: string): string => {
    const place = placeName('region', slug);
    return 'name' in place ? place.name : PLACES[place.translate];
  },
  scope: wordOf({ establishment: 'Établissement', application: 'Application' }),
};
