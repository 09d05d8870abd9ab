/**
 * Display names of the regions and académies an establishment's labels
 * hold as slugs (`cloud.amue.fr/region: provence-alpes-cote-d-azur`), as
 * spelled by the ministry's dataset. Proper names, the same in every
 * language; the two that are not proper names are translated by the pages.
 */
const REGIONS: Record<string, string> = {
  'auvergne-rhone-alpes': 'Auvergne-Rhône-Alpes',
  'bourgogne-franche-comte': 'Bourgogne-Franche-Comté',
  bretagne: 'Bretagne',
  'centre-val-de-loire': 'Centre-Val de Loire',
  corse: 'Corse',
  'grand-est': 'Grand Est',
  guadeloupe: 'Guadeloupe',
  guyane: 'Guyane',
  'hauts-de-france': 'Hauts-de-France',
  'ile-de-france': 'Île-de-France',
  'la-reunion': 'La Réunion',
  martinique: 'Martinique',
  mayotte: 'Mayotte',
  normandie: 'Normandie',
  'nouvelle-aquitaine': 'Nouvelle-Aquitaine',
  occitanie: 'Occitanie',
  'pays-de-la-loire': 'Pays de la Loire',
  'provence-alpes-cote-d-azur': "Provence-Alpes-Côte d'Azur",
};

const ACADEMIES: Record<string, string> = {
  'aix-marseille': 'Aix-Marseille',
  amiens: 'Amiens',
  besancon: 'Besançon',
  bordeaux: 'Bordeaux',
  caen: 'Caen',
  'clermont-ferrand': 'Clermont-Ferrand',
  corse: 'Corse',
  creteil: 'Créteil',
  dijon: 'Dijon',
  grenoble: 'Grenoble',
  guadeloupe: 'Guadeloupe',
  guyane: 'Guyane',
  'la-reunion': 'La Réunion',
  lille: 'Lille',
  limoges: 'Limoges',
  lyon: 'Lyon',
  martinique: 'Martinique',
  mayotte: 'Mayotte',
  montpellier: 'Montpellier',
  'nancy-metz': 'Nancy-Metz',
  nantes: 'Nantes',
  nice: 'Nice',
  normandie: 'Normandie',
  'nouvelle-caledonie': 'Nouvelle-Calédonie',
  'orleans-tours': 'Orléans-Tours',
  paris: 'Paris',
  poitiers: 'Poitiers',
  'polynesie-francaise': 'Polynésie française',
  reims: 'Reims',
  rennes: 'Rennes',
  rouen: 'Rouen',
  'saint-pierre-et-miquelon': 'Saint-Pierre-et-Miquelon',
  strasbourg: 'Strasbourg',
  toulouse: 'Toulouse',
  versailles: 'Versailles',
  'wallis-et-futuna': 'Wallis-et-Futuna',
};

/**
 * Slugs whose name is not a proper name, translated by the pages.
 *
 * @public
 */
export type TranslatedPlace = 'abroad' | 'overseasCollectivities';

const TRANSLATED: Record<string, TranslatedPlace> = {
  etranger: 'abroad',
  'collectivites-d-outre-mer': 'overseasCollectivities',
};

const LOWERCASE_WORDS = new Set([
  'de',
  'du',
  'des',
  'la',
  'le',
  'les',
  'et',
  'sur',
]);

/** A readable name for an unknown slug: `saint-denis` -> `Saint-Denis`. */
function fromSlug(slug: string): string {
  return slug
    .split('-')
    .filter(Boolean)
    .map((word, index) =>
      index > 0 && LOWERCASE_WORDS.has(word)
        ? word
        : word.charAt(0).toUpperCase() + word.slice(1),
    )
    .join('-');
}

/**
 * The name of a region or académie slug: a proper name, a translation key
 * for the few that are not, or a name rebuilt from an unknown slug.
 *
 * @public
 */
export function placeName(
  kind: 'region' | 'academie',
  slug: string,
): { name: string } | { translate: TranslatedPlace } {
  const translated = TRANSLATED[slug];
  if (translated) {
    return { translate: translated };
  }
  const known = (kind === 'region' ? REGIONS : ACADEMIES)[slug];
  return { name: known ?? fromSlug(slug) };
}
