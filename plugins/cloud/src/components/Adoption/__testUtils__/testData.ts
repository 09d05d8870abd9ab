import type { CloudApi } from '../../../api';
import { mockCloudApi as mockOnboardingCloudApi } from '../../TenantOnboarding/__testUtils__/testData';
import {
  matchesEstablishmentFilters,
  type AdoptionReport,
  type BlockedReport,
  type DurationsReport,
  type FunnelReport,
  type ReportFilters,
} from '@amue/plugin-cloud-common';

/** Reports as the backend returns them, for the tests of the dashboard. */

export const adoptionReport: AdoptionReport = {
  filterOptions: {
    regions: [
      { value: 'hauts-de-france', count: 2 },
      { value: 'nouvelle-aquitaine', count: 2 },
    ],
    types: [
      { value: 'ecole', count: 1 },
      { value: 'grand-etablissement', count: 1 },
      { value: 'universite', count: 2 },
    ],
    applications: [
      { application: 'sifac', title: 'SIFAC' },
      { application: 'siham', title: 'SIHAM' },
    ],
    establishments: 4,
  },
  applications: [
    {
      application: 'sifac',
      title: 'SIFAC',
      live: 1,
      inProgress: 2,
      notStarted: 1,
      total: 4,
    },
    {
      application: 'siham',
      title: 'SIHAM',
      live: 0,
      inProgress: 1,
      notStarted: 3,
      total: 4,
    },
  ],
  establishments: [
    {
      establishment: 'etab-0333298f',
      title: 'Université de Bordeaux',
      uai: '0333298F',
      region: 'nouvelle-aquitaine',
      type: 'universite',
      location: { latitude: 44.809966, longitude: -0.596578 },
      cells: { sifac: 'live', siham: 'in_progress' },
    },
    {
      establishment: 'etab-0597239y',
      title: 'Université de Lille',
      uai: '0597239Y',
      region: 'hauts-de-france',
      type: 'universite',
      cells: { sifac: 'in_progress', siham: 'not_started' },
    },
    {
      establishment: 'etab-0330201p',
      title: 'Bordeaux INP',
      uai: '0330201P',
      region: 'nouvelle-aquitaine',
      type: 'grand-etablissement',
      cells: { sifac: 'in_progress', siham: 'not_started' },
    },
    {
      establishment: 'etab-0590000a',
      title: 'École centrale de Lille',
      uai: '0590000A',
      region: 'hauts-de-france',
      type: 'ecole',
      cells: { sifac: 'not_started', siham: 'not_started' },
    },
  ],
  funding: { grantedEur: 120000, paidEur: 45000 },
  training: { sessionsHeld: 7, staffTrained: 63 },
  overdue: {
    total: 4,
    steps: [
      { step: 'request', side: 'establishment', overdue: 0 },
      { step: 'qualification', side: 'amue', overdue: 1 },
      { step: 'provisioning', side: 'amue', overdue: 0 },
      { step: 'identity', side: 'establishment', overdue: 3 },
      { step: 'data-migration', side: 'amue', overdue: 0 },
      { step: 'acceptance', side: 'establishment', overdue: 0 },
      { step: 'training', side: 'amue', overdue: 0 },
      { step: 'go-live', side: 'amue', overdue: 0 },
      { step: 'decommissioning', side: 'establishment', overdue: 0 },
    ],
    applications: [
      { application: 'sifac', title: 'SIFAC', overdue: 3, tenants: 2 },
      { application: 'siham', title: 'SIHAM', overdue: 1, tenants: 1 },
    ],
  },
  envelope: {
    envelopeEur: 400000,
    programme: true,
    grantedEur: 120000,
    paidEur: 45000,
    remainingEur: 280000,
    consumedShare: 0.3,
    establishments: [
      {
        establishment: 'etab-0333298f',
        title: 'Université de Bordeaux',
        uai: '0333298F',
        grantedEur: 80000,
        paidEur: 30000,
      },
      {
        establishment: 'etab-0597239y',
        title: 'Université de Lille',
        uai: '0597239Y',
        grantedEur: 40000,
        paidEur: 15000,
      },
    ],
    applications: [
      {
        application: 'sifac',
        title: 'SIFAC',
        grantedEur: 100000,
        paidEur: 40000,
      },
      {
        application: 'siham',
        title: 'SIHAM',
        grantedEur: 20000,
        paidEur: 5000,
      },
    ],
  },
};

const stepIds = [
  ['request', 'establishment'],
  ['qualification', 'amue'],
  ['provisioning', 'amue'],
  ['identity', 'establishment'],
  ['data-migration', 'amue'],
  ['acceptance', 'establishment'],
  ['training', 'amue'],
  ['go-live', 'amue'],
  ['decommissioning', 'establishment'],
] as const;

export const funnelReport: FunnelReport = {
  tenants: 5,
  steps: stepIds.map(([step, side], index) => ({
    step,
    side,
    reached: Math.max(5 - index, 0),
    done: Math.max(4 - index, 0),
    skipped: 0,
    inProgress: index === 1 ? 1 : 0,
    blocked: step === 'identity' ? 1 : 0,
    todo: Math.min(index, 5),
    current: index === 1 ? 1 : 0,
  })),
};

export const durationsReport: DurationsReport = {
  steps: stepIds.map(([step, side], index) =>
    index < 3
      ? {
          step,
          side,
          count: 4 - index,
          medianDays: 2.5 * (index + 1),
          p90Days: 4 * (index + 1),
        }
      : { step, side, count: 0, medianDays: null, p90Days: null },
  ),
};

export const blockedReport: BlockedReport = {
  items: [
    {
      tenant: 'sifac-0597239y-production',
      application: 'sifac',
      establishment: 'etab-0597239y',
      environment: 'production',
      step: 'identity',
      side: 'establishment',
      reason: 'Certificat du fournisseur d’identité expiré',
      since: '2026-10-01T08:00:00.000Z',
      ageDays: 12.4,
    },
  ],
  total: 1,
};

/**
 * An adoption report narrowed by filters, as the backend narrows it (its
 * counts left as they are: the tests read the rows).
 */
export function filteredAdoption(
  report: AdoptionReport,
  filters: ReportFilters,
): AdoptionReport {
  const applications = filters.application
    ? report.applications.filter(a => a.application === filters.application)
    : report.applications;
  return {
    ...report,
    applications,
    establishments: report.establishments
      .filter(e =>
        matchesEstablishmentFilters({ ...e, name: e.establishment }, filters),
      )
      .map(e => ({
        ...e,
        cells: Object.fromEntries(
          applications.map(a => [a.application, e.cells[a.application]]),
        ),
      })),
  };
}

/**
 * A CloudApi whose reports are the data above and whose tenant list is
 * empty; the other methods reject (see the onboarding test data). Override
 * what a test needs.
 */
export function mockCloudApi(overrides: Partial<CloudApi> = {}) {
  const reports: Record<string, unknown> = {
    adoption: adoptionReport,
    funnel: funnelReport,
    durations: durationsReport,
    blocked: blockedReport,
  };
  return mockOnboardingCloudApi({
    getReport: jest.fn(async (name: string, filters?: ReportFilters) =>
      name === 'adoption' && filters
        ? filteredAdoption(adoptionReport, filters)
        : reports[name],
    ) as any,
    getReportCsv: jest.fn(
      async (name: string) =>
        new Blob([`establishment,title\r\netab-0333298f,${name}\r\n`], {
          type: 'text/csv',
        }),
    ),
    getAdoptionSummary: jest.fn(async () => ({
      applications: adoptionReport.applications,
    })),
    listTenants: jest.fn(async () => ({ items: [] })),
    ...overrides,
  });
}
