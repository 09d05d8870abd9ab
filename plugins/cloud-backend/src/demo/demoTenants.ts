import type {
  Environment,
  OnboardingStepId,
  TenantRequestContact,
} from '@amue/plugin-cloud-common';

/*
 * The demo data of the embedded default: a believable state of the "mode
 * service" programme, declared tenant by tenant. `seedDemoData` plays each
 * tenant through the store, so the rules of cloud-common hold and the event
 * log is real.
 *
 * Everything here must match the rest of the repository:
 * - UAI codes exist in the establishments dataset
 *   (plugins/catalog-backend-module-cloud/data/*.csv);
 * - applications, versions (status `supported`) and environments exist in
 *   catalog/applications/<application>/catalog-info.yaml;
 * - product owners are the demo personas of catalog/org/users.yaml, members
 *   of the team that owns the application.
 * The tests of seedDemoData check all three.
 *
 * Actors: Amue-side steps are acted on by the product owner of the
 * application; establishment-side steps by the establishment's demo
 * personas where catalog/org/users.yaml has some (Bordeaux, Lille,
 * Strasbourg), otherwise by `user:default/contact.<uai lowercase>`, a
 * plausible user ref that is not in the catalog (the UI shows the ref).
 */

/**
 * An establishment of the demo data.
 */
export interface DemoEstablishment {
  uai: string;
  /** Name, as in the establishments dataset. */
  label: string;
  /** Internet domain: identity provider and contact addresses. */
  domain: string;
  /**
   * User entity refs of the establishment's demo personas, the first one
   * submits the requests; absent: `user:default/contact.<uai lowercase>`.
   */
  users?: string[];
  /** Contacts given with the requests. */
  contacts?: TenantRequestContact[];
}

/**
 * How far a demo tenant went: the step it is at (all steps before it are
 * done or skipped), or `live` (go-live done; the decommissioning step as
 * {@link DemoTenant.decommissioning} says).
 */
export type DemoReach =
  | 'qualification'
  | 'provisioning'
  | 'identity'
  | 'data-migration'
  | 'acceptance'
  | 'training'
  | 'go-live'
  | 'live';

/**
 * A comment of the timeline, posted while its step is under way (after the
 * creation of the request when `step` is absent or `request`).
 */
export interface DemoComment {
  step?: OnboardingStepId;
  by: 'amue' | 'establishment';
  text: string;
}

/**
 * A past blocking of a step, resolved: the step is blocked with `reason`,
 * then unblocked with `resolution`.
 */
export interface DemoIncident {
  step: Exclude<OnboardingStepId, 'request' | 'qualification'>;
  reason: string;
  resolution: string;
}

/**
 * One tenant of the demo data and the state it reaches.
 */
export interface DemoTenant {
  application: string;
  uai: string;
  environment: Environment;
  version: string;
  /** Migration from an on-premise installation; false: new installation. */
  migration: boolean;
  /** Days between the request and `now`. */
  startedDaysAgo: number;
  /** Days since the last change (1 to 7 by default). */
  idleDays?: number;
  reach: DemoReach;
  /** Days since go-live, for a live tenant (required then). */
  liveDaysAgo?: number;
  /** The reached step is still `todo` (waiting) rather than in progress. */
  waiting?: boolean;
  /** The reached step is blocked with this reason. */
  blocked?: string;
  /** The request is rejected with this reason (reach `qualification`). */
  rejected?: string;
  /** Steps skipped (by their side) with their reason. */
  skip?: Partial<Record<'acceptance' | 'training', string>>;
  /**
   * Decommissioning of the on-premise installation of a live migration
   * (absent: not started). A live new installation has it skipped.
   */
  decommissioning?: 'in_progress' | 'done';
  incidents?: DemoIncident[];
  comments?: DemoComment[];
  /**
   * Incentive funding, whole euros: granted when the request is approved,
   * paid (when not 0) at go-live, or last for a tenant not live yet.
   */
  funding?: { grantedEur: number; paidEur: number };
  /** Training figures, recorded during the training step. */
  training?: { sessionsHeld: number; staffTrained: number };
  expectedUsers?: number;
  requestComment?: string;
}

/** Product owner (user entity ref) of each application of the demo data. */
export const DEMO_PRODUCT_OWNERS: Readonly<Record<string, string>> = {
  sifac: 'user:default/sophie.bernard',
  'sifac-demat': 'user:default/sophie.bernard',
  siham: 'user:default/nathalie.moreau',
  pegase: 'user:default/thomas.girard',
  caplab: 'user:default/isabelle.fournier',
  geslab: 'user:default/isabelle.fournier',
  sinchro: 'user:default/isabelle.fournier',
  dialog: 'user:default/antoine.mercier',
  sinaps: 'user:default/camille.roux',
};

/** Comment of the approval of a request. */
export const DEMO_APPROVAL_COMMENT =
  'Demande éligible au mode service ; convention de service signée.';

/** Reason of the skipped decommissioning of a live new installation. */
export const DEMO_NOTHING_TO_DECOMMISSION =
  'Nouvelle installation : aucune installation sur site à arrêter';

const BORDEAUX = '0333298F';
const LILLE = '0597239Y';
const STRASBOURG = '0673021V';
const GRENOBLE = '0383546Y';
const RENNES = '0353074B';
const TOULOUSE3 = '0311384L';
const LYON1 = '0691774D';
const CLERMONT = '0632084Y';
const PARIS1 = '0751717J';
const NANTES = '0442953W';
const MONTPELLIER = '0342490X';
const LORRAINE = '0542493S';
const POITIERS = '0860856N';
const CAEN = '0141408E';
const FRANCHE_COMTE = '0251215K';
const TOURS = '0370800U';
const PICARDIE = '0801344B';
const CENTRALE_LYON = '0690187D';
const COTE_AZUR = '0062205P';
const PAU = '0640251A';

/** The establishments of the demo data. */
export const DEMO_ESTABLISHMENTS: readonly DemoEstablishment[] = [
  {
    uai: BORDEAUX,
    label: 'Université de Bordeaux',
    domain: 'u-bordeaux.fr',
    users: ['user:default/claire.dubois', 'user:default/nicolas.laurent'],
    contacts: [
      {
        name: 'Claire Dubois',
        email: 'claire.dubois@u-bordeaux.fr',
        role: 'Cheffe de projet DSI',
      },
      {
        name: 'Nicolas Laurent',
        email: 'nicolas.laurent@u-bordeaux.fr',
        role: 'Référent technique',
      },
    ],
  },
  {
    uai: LILLE,
    label: 'Université de Lille',
    domain: 'univ-lille.fr',
    users: ['user:default/julien.lefebvre'],
    contacts: [
      {
        name: 'Julien Lefebvre',
        email: 'julien.lefebvre@univ-lille.fr',
        role: 'Chef de projet DSI',
      },
    ],
  },
  {
    uai: STRASBOURG,
    label: 'Université de Strasbourg',
    domain: 'unistra.fr',
    users: ['user:default/elodie.schmitt'],
    contacts: [
      {
        name: 'Élodie Schmitt',
        email: 'elodie.schmitt@unistra.fr',
        role: 'Responsable des applications de gestion',
      },
    ],
  },
  {
    uai: GRENOBLE,
    label: 'Université Grenoble Alpes',
    domain: 'univ-grenoble-alpes.fr',
  },
  { uai: RENNES, label: 'Université de Rennes', domain: 'univ-rennes.fr' },
  {
    uai: TOULOUSE3,
    label: 'Université Toulouse III - Paul Sabatier',
    domain: 'univ-tlse3.fr',
  },
  {
    uai: LYON1,
    label: 'Université Claude Bernard - Lyon 1',
    domain: 'univ-lyon1.fr',
  },
  { uai: CLERMONT, label: 'Université Clermont Auvergne', domain: 'uca.fr' },
  {
    uai: PARIS1,
    label: 'Université Paris 1 - Panthéon Sorbonne',
    domain: 'univ-paris1.fr',
  },
  { uai: NANTES, label: 'Nantes Université', domain: 'univ-nantes.fr' },
  {
    uai: MONTPELLIER,
    label: 'Université de Montpellier',
    domain: 'umontpellier.fr',
  },
  {
    uai: LORRAINE,
    label: 'Université de Lorraine',
    domain: 'univ-lorraine.fr',
  },
  {
    uai: POITIERS,
    label: 'Université de Poitiers',
    domain: 'univ-poitiers.fr',
  },
  { uai: CAEN, label: 'Université de Caen Normandie', domain: 'unicaen.fr' },
  {
    uai: FRANCHE_COMTE,
    label: 'Université de Franche-Comté',
    domain: 'univ-fcomte.fr',
  },
  { uai: TOURS, label: 'Université de Tours', domain: 'univ-tours.fr' },
  {
    uai: PICARDIE,
    label: 'Université de Picardie Jules-Verne',
    domain: 'u-picardie.fr',
  },
  { uai: CENTRALE_LYON, label: 'Centrale Lyon', domain: 'ec-lyon.fr' },
  {
    uai: COTE_AZUR,
    label: "Université Côte d'Azur",
    domain: 'univ-cotedazur.fr',
  },
  {
    uai: PAU,
    label: "Université de Pau et des Pays de l'Adour",
    domain: 'univ-pau.fr',
  },
];

/** The tenants of the demo data, in the order they are played. */
export const DEMO_TENANTS: readonly DemoTenant[] = [
  // --- Université de Bordeaux (persona establishment) ---
  {
    application: 'sifac',
    uai: BORDEAUX,
    environment: 'production',
    version: '2026.1',
    migration: true,
    startedDaysAgo: 330,
    reach: 'live',
    liveDaysAgo: 150,
    decommissioning: 'in_progress',
    expectedUsers: 450,
    requestComment:
      'Bascule de notre installation SIFAC sur site (version 2025.2) vers le mode service, avant la fin du contrat de maintenance de nos serveurs.',
    funding: { grantedEur: 60000, paidEur: 60000 },
    training: { sessionsHeld: 6, staffTrained: 48 },
    incidents: [
      {
        step: 'identity',
        reason:
          "Attribut eduPersonPrincipalName absent des assertions SAML envoyées par le fournisseur d'identité",
        resolution:
          "Règle de diffusion des attributs corrigée sur le fournisseur d'identité, connexion validée.",
      },
    ],
    comments: [
      {
        step: 'qualification',
        by: 'amue',
        text: "Éligibilité confirmée. Merci de nous retourner la convention de service signée par le président et l'agent comptable.",
      },
      {
        step: 'qualification',
        by: 'establishment',
        text: 'Convention signée transmise ce matin par le service juridique.',
      },
      {
        step: 'data-migration',
        by: 'amue',
        text: "Première extraction chargée : 1,2 million d'écritures reprises, rapprochement des balances en cours avec l'agence comptable.",
      },
      {
        step: 'acceptance',
        by: 'establishment',
        text: 'Recette terminée par la direction financière : 142 cas de test passés, 3 anomalies mineures acceptées.',
      },
      {
        step: 'go-live',
        by: 'amue',
        text: 'Bascule planifiée sur un week-end : gel des saisies sur site le vendredi à 18 h, ouverture du service le lundi à 8 h.',
      },
      {
        step: 'decommissioning',
        by: 'establishment',
        text: "Serveurs sur site conservés en lecture seule jusqu'à la clôture de l'exercice, puis arrêt définitif.",
      },
    ],
  },
  {
    application: 'siham',
    uai: BORDEAUX,
    environment: 'preproduction',
    version: '2026.1',
    migration: true,
    startedDaysAgo: 200,
    reach: 'acceptance',
    expectedUsers: 60,
    requestComment:
      'Préproduction demandée pour préparer la bascule de la paie SIHAM en mode service.',
    funding: { grantedEur: 40000, paidEur: 0 },
    comments: [
      {
        step: 'data-migration',
        by: 'amue',
        text: 'Reprise des dossiers agents terminée (7 812 dossiers) ; contrôle des carrières en cours côté DRH.',
      },
      {
        step: 'acceptance',
        by: 'establishment',
        text: 'Campagne de recette sur la paie de septembre en cours avec la DRH, retour prévu sous trois semaines.',
      },
    ],
  },
  {
    application: 'pegase',
    uai: BORDEAUX,
    environment: 'formation',
    version: '2026.2',
    migration: false,
    startedDaysAgo: 6,
    reach: 'qualification',
    waiting: true,
    expectedUsers: 40,
    requestComment:
      'Environnement de formation pour les gestionnaires de scolarité avant le déploiement de Pégase.',
  },
  {
    application: 'sifac-demat',
    uai: BORDEAUX,
    environment: 'production',
    version: '2026.1',
    migration: false,
    startedDaysAgo: 150,
    reach: 'training',
    expectedUsers: 120,
    funding: { grantedEur: 15000, paidEur: 0 },
    training: { sessionsHeld: 2, staffTrained: 18 },
    comments: [
      {
        step: 'training',
        by: 'amue',
        text: 'Deux sessions tenues avec les services facturiers ; une troisième est proposée aux composantes.',
      },
    ],
  },

  // --- Université de Lille (persona establishment) ---
  {
    application: 'pegase',
    uai: LILLE,
    environment: 'production',
    version: '2026.2',
    migration: true,
    startedDaysAgo: 360,
    reach: 'live',
    liveDaysAgo: 120,
    decommissioning: 'done',
    expectedUsers: 1200,
    requestComment:
      "Remplacement d'Apogée par Pégase pour l'ensemble des composantes.",
    funding: { grantedEur: 80000, paidEur: 80000 },
    training: { sessionsHeld: 12, staffTrained: 140 },
    incidents: [
      {
        step: 'data-migration',
        reason:
          'Codes de diplômes locaux non reconnus par le référentiel de l’offre de formation',
        resolution:
          'Table de correspondance des diplômes fournie par la direction des études, reprise relancée.',
      },
    ],
    comments: [
      {
        step: 'data-migration',
        by: 'amue',
        text: 'Reprise des inscriptions des cinq dernières années validée sur un échantillon de 2 000 dossiers étudiants.',
      },
      {
        step: 'acceptance',
        by: 'establishment',
        text: 'Recette des inscriptions administratives validée par la direction des études.',
      },
      {
        step: 'decommissioning',
        by: 'establishment',
        text: "Apogée arrêté après la clôture de l'année universitaire ; base archivée en lecture seule.",
      },
    ],
  },
  {
    application: 'pegase',
    uai: LILLE,
    environment: 'preproduction',
    version: '2026.2',
    migration: false,
    startedDaysAgo: 340,
    idleDays: 190,
    reach: 'live',
    liveDaysAgo: 200,
    skip: {
      training:
        "Instance réservée à l'équipe projet : la formation des utilisateurs se fait sur la production",
    },
  },
  {
    application: 'sifac',
    uai: LILLE,
    environment: 'production',
    version: '2026.1',
    migration: true,
    startedDaysAgo: 160,
    idleDays: 18,
    reach: 'data-migration',
    blocked:
      "Extraction des données de l'exercice 2025 incomplète : écritures d'inventaire manquantes dans le fichier transmis",
    expectedUsers: 600,
    funding: { grantedEur: 60000, paidEur: 0 },
    comments: [
      {
        step: 'data-migration',
        by: 'establishment',
        text: 'Nouvelle extraction demandée à notre prestataire, livraison attendue sous quinze jours.',
      },
    ],
  },
  {
    application: 'siham',
    uai: LILLE,
    environment: 'formation',
    version: '2026.2',
    migration: false,
    startedDaysAgo: 20,
    reach: 'provisioning',
    expectedUsers: 30,
  },
  {
    application: 'dialog',
    uai: LILLE,
    environment: 'production',
    version: '2026.1',
    migration: false,
    startedDaysAgo: 12,
    reach: 'qualification',
    waiting: true,
    requestComment:
      'Candidature pour la vague pilote de Dialog en mode service.',
    comments: [
      {
        step: 'qualification',
        by: 'amue',
        text: "Dialog n'est pas encore ouvert en mode service : votre demande est retenue pour la vague pilote.",
      },
    ],
  },

  // --- Université de Strasbourg (persona establishment) ---
  {
    application: 'sifac',
    uai: STRASBOURG,
    environment: 'production',
    version: '2026.1',
    migration: true,
    startedDaysAgo: 280,
    idleDays: 45,
    reach: 'live',
    liveDaysAgo: 60,
    expectedUsers: 520,
    funding: { grantedEur: 60000, paidEur: 30000 },
    training: { sessionsHeld: 5, staffTrained: 36 },
    comments: [
      {
        step: 'go-live',
        by: 'amue',
        text: 'Mise en production effectuée ; première clôture mensuelle réalisée sans incident.',
      },
      {
        step: 'go-live',
        by: 'amue',
        text: "Le solde de l'aide à la migration sera versé après l'arrêt de l'installation sur site.",
      },
    ],
  },
  {
    application: 'sinchro',
    uai: STRASBOURG,
    environment: 'production',
    version: '2026.1',
    migration: false,
    startedDaysAgo: 120,
    idleDays: 9,
    reach: 'identity',
    blocked:
      "Certificat SAML du fournisseur d'identité expiré : renouvellement en attente",
    comments: [
      {
        step: 'identity',
        by: 'establishment',
        text: 'Nouveau certificat commandé ; publication dans les métadonnées de la fédération RENATER attendue sous 48 h.',
      },
    ],
  },
  {
    application: 'sinaps',
    uai: STRASBOURG,
    environment: 'production',
    version: '2026.1',
    migration: false,
    startedDaysAgo: 40,
    reach: 'qualification',
    comments: [
      {
        step: 'qualification',
        by: 'amue',
        text: 'Demande en cours d’examen : pouvez-vous préciser les référentiels (structures, personnes) à synchroniser ?',
      },
      {
        step: 'qualification',
        by: 'establishment',
        text: 'Structures et personnes dans un premier temps, les nomenclatures ensuite.',
      },
    ],
  },
  {
    application: 'caplab',
    uai: STRASBOURG,
    environment: 'preproduction',
    version: '2026.2',
    migration: false,
    startedDaysAgo: 25,
    reach: 'provisioning',
    waiting: true,
  },

  // --- Other establishments ---
  {
    application: 'sifac',
    uai: GRENOBLE,
    environment: 'production',
    version: '2026.1',
    migration: true,
    startedDaysAgo: 300,
    reach: 'live',
    liveDaysAgo: 130,
    decommissioning: 'done',
    expectedUsers: 700,
    funding: { grantedEur: 60000, paidEur: 60000 },
    training: { sessionsHeld: 7, staffTrained: 52 },
    comments: [
      {
        step: 'decommissioning',
        by: 'establishment',
        text: 'Serveurs SAP sur site arrêtés et restitués à la DSI.',
      },
    ],
  },
  {
    application: 'siham',
    uai: GRENOBLE,
    environment: 'production',
    version: '2026.1',
    migration: true,
    startedDaysAgo: 230,
    reach: 'go-live',
    expectedUsers: 180,
    funding: { grantedEur: 50000, paidEur: 0 },
    training: { sessionsHeld: 8, staffTrained: 64 },
    comments: [
      {
        step: 'go-live',
        by: 'amue',
        text: 'Ouverture prévue après la paie du mois : calendrier validé avec la DRH.',
      },
    ],
  },
  {
    application: 'pegase',
    uai: RENNES,
    environment: 'production',
    version: '2026.2',
    migration: true,
    startedDaysAgo: 270,
    reach: 'training',
    expectedUsers: 900,
    funding: { grantedEur: 70000, paidEur: 0 },
    training: { sessionsHeld: 4, staffTrained: 55 },
  },
  {
    application: 'pegase',
    uai: RENNES,
    environment: 'test',
    version: '2026.3',
    migration: false,
    startedDaysAgo: 60,
    reach: 'identity',
  },
  {
    application: 'sifac',
    uai: TOULOUSE3,
    environment: 'production',
    version: '2026.1',
    migration: true,
    startedDaysAgo: 250,
    idleDays: 12,
    reach: 'acceptance',
    blocked:
      "Anomalie bloquante sur l'édition des mandats de paiement (ticket ouvert auprès de l'Amue)",
    expectedUsers: 480,
    funding: { grantedEur: 60000, paidEur: 0 },
    comments: [
      {
        step: 'acceptance',
        by: 'amue',
        text: 'Correctif identifié, livraison prévue dans le prochain correctif de la version 2026.1.',
      },
    ],
  },
  {
    application: 'sifac-demat',
    uai: TOULOUSE3,
    environment: 'production',
    version: '2026.1',
    migration: false,
    startedDaysAgo: 90,
    reach: 'identity',
  },
  {
    application: 'siham',
    uai: LYON1,
    environment: 'production',
    version: '2026.1',
    migration: true,
    startedDaysAgo: 260,
    reach: 'live',
    liveDaysAgo: 90,
    decommissioning: 'in_progress',
    expectedUsers: 220,
    requestComment:
      'Candidature comme établissement pilote de SIHAM en mode service.',
    funding: { grantedEur: 50000, paidEur: 50000 },
    training: { sessionsHeld: 9, staffTrained: 70 },
  },
  {
    application: 'pegase',
    uai: LYON1,
    environment: 'production',
    version: '2026.2',
    migration: true,
    startedDaysAgo: 100,
    reach: 'data-migration',
    expectedUsers: 1000,
    funding: { grantedEur: 80000, paidEur: 0 },
  },
  {
    application: 'geslab',
    uai: LYON1,
    environment: 'production',
    version: '2026.1',
    migration: true,
    startedDaysAgo: 8,
    reach: 'qualification',
    waiting: true,
    requestComment:
      'Nous souhaitons rejoindre la vague pilote de GESLAB en mode service dès son ouverture.',
  },
  {
    application: 'sifac',
    uai: CLERMONT,
    environment: 'production',
    version: '2026.1',
    migration: true,
    startedDaysAgo: 45,
    idleDays: 20,
    reach: 'qualification',
    blocked: "Convention non signée par l'agent comptable",
    comments: [
      {
        step: 'qualification',
        by: 'establishment',
        text: "La convention est à la signature de l'agent comptable, retour prévu après le conseil d'administration.",
      },
    ],
  },
  {
    application: 'sinchro',
    uai: CLERMONT,
    environment: 'formation',
    version: '2026.1',
    migration: false,
    startedDaysAgo: 75,
    reach: 'acceptance',
  },
  {
    application: 'pegase',
    uai: PARIS1,
    environment: 'production',
    version: '2026.2',
    migration: true,
    startedDaysAgo: 320,
    idleDays: 70,
    reach: 'live',
    liveDaysAgo: 100,
    expectedUsers: 1100,
    funding: { grantedEur: 80000, paidEur: 40000 },
    training: { sessionsHeld: 10, staffTrained: 120 },
  },
  {
    application: 'sifac-demat',
    uai: PARIS1,
    environment: 'production',
    version: '2026.1',
    migration: false,
    startedDaysAgo: 28,
    reach: 'provisioning',
  },
  {
    application: 'sifac',
    uai: NANTES,
    environment: 'production',
    version: '2026.1',
    migration: true,
    startedDaysAgo: 210,
    reach: 'go-live',
    waiting: true,
    expectedUsers: 500,
    funding: { grantedEur: 60000, paidEur: 0 },
    training: { sessionsHeld: 6, staffTrained: 40 },
    comments: [
      {
        step: 'go-live',
        by: 'amue',
        text: "Date de bascule à confirmer par l'établissement après la clôture des comptes.",
      },
    ],
  },
  {
    application: 'caplab',
    uai: NANTES,
    environment: 'production',
    version: '2026.2',
    migration: false,
    startedDaysAgo: 30,
    reach: 'qualification',
  },
  {
    application: 'siham',
    uai: MONTPELLIER,
    environment: 'production',
    version: '2026.1',
    migration: true,
    startedDaysAgo: 180,
    reach: 'data-migration',
    expectedUsers: 250,
    funding: { grantedEur: 50000, paidEur: 0 },
    incidents: [
      {
        step: 'identity',
        reason: "Fournisseur d'identité absent de la fédération RENATER",
        resolution:
          'Fournisseur d’identité déclaré dans la fédération RENATER, connexion validée.',
      },
    ],
  },
  {
    application: 'sinaps',
    uai: MONTPELLIER,
    environment: 'production',
    version: '2026.1',
    migration: false,
    startedDaysAgo: 70,
    idleDays: 10,
    reach: 'provisioning',
    blocked:
      "Quota de stockage du cluster de production atteint : extension commandée auprès de l'hébergeur",
  },
  {
    application: 'sifac',
    uai: LORRAINE,
    environment: 'production',
    version: '2026.1',
    migration: true,
    startedDaysAgo: 310,
    reach: 'live',
    liveDaysAgo: 160,
    decommissioning: 'done',
    expectedUsers: 800,
    funding: { grantedEur: 60000, paidEur: 60000 },
    training: { sessionsHeld: 8, staffTrained: 75 },
  },
  {
    application: 'sifac',
    uai: LORRAINE,
    environment: 'formation',
    version: '2026.1',
    migration: false,
    startedDaysAgo: 95,
    reach: 'training',
    training: { sessionsHeld: 1, staffTrained: 12 },
  },
  {
    application: 'pegase',
    uai: POITIERS,
    environment: 'production',
    version: '2026.2',
    migration: true,
    startedDaysAgo: 140,
    reach: 'acceptance',
    expectedUsers: 650,
    funding: { grantedEur: 70000, paidEur: 0 },
  },
  {
    application: 'sinchro',
    uai: CAEN,
    environment: 'production',
    version: '2026.1',
    migration: false,
    startedDaysAgo: 200,
    reach: 'go-live',
    waiting: true,
    skip: {
      training:
        'Outil déjà connu des gestionnaires : prise en main accompagnée par la documentation en ligne',
    },
  },
  {
    application: 'pegase',
    uai: CAEN,
    environment: 'production',
    version: '2026.3',
    migration: true,
    startedDaysAgo: 3,
    reach: 'qualification',
    waiting: true,
    expectedUsers: 700,
  },
  {
    application: 'siham',
    uai: FRANCHE_COMTE,
    environment: 'production',
    version: '2026.1',
    migration: true,
    startedDaysAgo: 15,
    reach: 'qualification',
    waiting: true,
    expectedUsers: 200,
  },
  {
    application: 'sifac-demat',
    uai: TOURS,
    environment: 'production',
    version: '2026.1',
    migration: false,
    startedDaysAgo: 190,
    reach: 'acceptance',
    incidents: [
      {
        step: 'acceptance',
        reason:
          'Flux Chorus Pro rejetés en recette : compte technique non reconnu',
        resolution:
          'Compte technique Chorus Pro recréé, flux de test acceptés.',
      },
    ],
  },
  {
    application: 'sinaps',
    uai: PICARDIE,
    environment: 'preproduction',
    version: '2026.1',
    migration: false,
    startedDaysAgo: 50,
    reach: 'qualification',
    rejected:
      "L'établissement n'a pas encore adhéré au groupement SINAPS : la demande pourra être présentée de nouveau après le vote du conseil d'administration.",
  },
  {
    application: 'pegase',
    uai: CENTRALE_LYON,
    environment: 'production',
    version: '2026.2',
    migration: false,
    startedDaysAgo: 65,
    reach: 'identity',
    expectedUsers: 150,
  },
  {
    application: 'sifac',
    uai: COTE_AZUR,
    environment: 'production',
    version: '2026.1',
    migration: true,
    startedDaysAgo: 120,
    reach: 'data-migration',
    expectedUsers: 550,
    funding: { grantedEur: 60000, paidEur: 0 },
  },
  {
    application: 'sifac-demat',
    uai: PAU,
    environment: 'production',
    version: '2026.1',
    migration: false,
    startedDaysAgo: 35,
    reach: 'provisioning',
  },
];
