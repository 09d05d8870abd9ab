import {
  ONBOARDING_STEPS,
  type OnboardingStepId,
  type OnboardingStepStatus,
  type Tenant,
  type TenantEvent,
  type TenantStep,
} from '@amue/plugin-cloud-common';
import { ResponseError } from '@backstage/errors';
import { mockApis } from '@backstage/frontend-test-utils';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { signalApiRef } from '@backstage/plugin-signals-react';
import {
  cloudApiRef,
  type CloudApi,
  type TenantWithEvents,
} from '../../../api';

/*
 * Test data of the onboarding pages: tenants as the cloud backend returns
 * them, a mocked CloudApi, the personas' identities and a signals API the
 * tests can send through.
 */

/** A listed tenant named `<application>-<uai>-<environment>`. */
export function makeTenant(name: string, fields: Partial<Tenant> = {}): Tenant {
  const [application, uai, environment] = name.split('-');
  return {
    id: `id-${name}`,
    name,
    application,
    establishment: `etab-${uai}`,
    uai: uai.toUpperCase(),
    environment: environment as Tenant['environment'],
    version: '2026.1',
    status: 'onboarding',
    currentStep: 'identity',
    url: null,
    ssoProtocol: null,
    ssoIdpEntityId: null,
    suspended: false,
    decommissioned: false,
    request: { migration: true, wishedGoLiveDate: '2027-03-01' },
    createdBy: 'user:default/claire.dubois',
    createdAt: '2026-09-01T08:00:00.000Z',
    updatedAt: '2026-09-02T08:00:00.000Z',
    rowVersion: 3,
    ...fields,
  };
}

/**
 * The nine steps, with the statuses given and `todo` for the others; each
 * step's row version is its order + 10, so tests can tell them apart.
 */
export function makeSteps(
  statuses: Partial<Record<OnboardingStepId, OnboardingStepStatus>>,
  extra: Partial<Record<OnboardingStepId, Partial<TenantStep>>> = {},
): TenantStep[] {
  return ONBOARDING_STEPS.map(definition => ({
    id: definition.id,
    order: definition.order,
    side: definition.side,
    status: statuses[definition.id] ?? 'todo',
    reason: null,
    dueDate: null,
    updatedBy: 'user:default/sophie.bernard',
    updatedAt: '2026-09-02T08:00:00.000Z',
    rowVersion: definition.order + 10,
    ...extra[definition.id],
  }));
}

/** An event of the log. */
export function makeEvent(
  id: number,
  fields: Partial<TenantEvent> & Pick<TenantEvent, 'type'>,
): TenantEvent {
  return {
    id,
    tenantId: 'id',
    at: `2026-09-0${id}T08:00:00.000Z`,
    actor: 'user:default/sophie.bernard',
    stepId: null,
    comment: null,
    before: null,
    after: null,
    ...fields,
  };
}

/** A tenant with details, provisioning done, identity in progress. */
export function makeDetails(
  tenant: Tenant,
  steps: TenantStep[] = makeSteps({
    request: 'done',
    qualification: 'done',
    provisioning: 'done',
    identity: 'in_progress',
  }),
  events: TenantEvent[] = [],
): TenantWithEvents {
  return {
    ...tenant,
    steps,
    events,
    funding: {
      grantedEur: 40000,
      paidEur: 10000,
      updatedBy: 'user:default/sophie.bernard',
      updatedAt: '2026-09-02T08:00:00.000Z',
      rowVersion: 4,
    },
    training: {
      sessionsHeld: 2,
      staffTrained: 18,
      updatedBy: 'user:default/sophie.bernard',
      updatedAt: '2026-09-02T08:00:00.000Z',
      rowVersion: 5,
    },
  };
}

/** A CloudApi of jest mocks; unmocked methods reject. */
export function mockCloudApi(overrides: Partial<CloudApi> = {}) {
  const notMocked = (method: string) =>
    jest.fn(async () => {
      throw new Error(`${method} is not mocked`);
    });
  return {
    listTenants: notMocked('listTenants'),
    getTenant: notMocked('getTenant'),
    createRequest: notMocked('createRequest'),
    applyStepAction: notMocked('applyStepAction'),
    decideRequest: notMocked('decideRequest'),
    undoDecision: notMocked('undoDecision'),
    addComment: notMocked('addComment'),
    setStepDueDate: notMocked('setStepDueDate'),
    listTodo: notMocked('listTodo'),
    recordFunding: notMocked('recordFunding'),
    recordTraining: notMocked('recordTraining'),
    getAdoptionSummary: notMocked('getAdoptionSummary'),
    getReport: notMocked('getReport'),
    getReportCsv: notMocked('getReportCsv'),
    ...overrides,
  } as jest.Mocked<CloudApi>;
}

/**
 * The error of the backend for an HTTP status, as `CloudClient` throws it
 * (`ResponseError.fromResponse` of the backend's JSON error body).
 */
export function httpError(status: number, message = 'failed') {
  const statusText =
    ({ 404: 'Not Found', 409: 'Conflict', 400: 'Bad Request' } as const)[
      status as 404 | 409 | 400
    ] ?? 'Error';
  const body = JSON.stringify({
    error: { name: status === 409 ? 'ConflictError' : 'Error', message },
    request: { method: 'POST', url: '/api/cloud' },
    response: { statusCode: status },
  });
  return ResponseError.fromResponse({
    ok: false,
    status,
    statusText,
    url: 'http://localhost/api/cloud',
    headers: { get: () => 'application/json; charset=utf-8' },
    text: async () => body,
    json: async () => JSON.parse(body),
  } as unknown as Response);
}

/** The personas, by their ownership entity refs. */
export const personas = {
  claire: {
    userEntityRef: 'user:default/claire.dubois',
    ownershipEntityRefs: [
      'user:default/claire.dubois',
      'group:default/etab-0333298f',
    ],
  },
  julien: {
    userEntityRef: 'user:default/julien.lefebvre',
    ownershipEntityRefs: [
      'user:default/julien.lefebvre',
      'group:default/etab-0597239y',
    ],
  },
  sophie: {
    userEntityRef: 'user:default/sophie.bernard',
    ownershipEntityRefs: [
      'user:default/sophie.bernard',
      'group:default/amue-equipe-finance',
    ],
  },
  marc: {
    userEntityRef: 'user:default/marc.petit',
    ownershipEntityRefs: [
      'user:default/marc.petit',
      'group:default/amue-admins',
    ],
  },
};

/** The catalog of the tests: applications and establishments. */
export function testCatalog() {
  return catalogApiMock({
    entities: [
      {
        apiVersion: 'cloud.amue.fr/v1alpha1',
        kind: 'Application',
        metadata: { name: 'sifac', title: 'SIFAC' },
        spec: { owner: 'amue-equipe-finance' },
      },
      {
        apiVersion: 'cloud.amue.fr/v1alpha1',
        kind: 'Application',
        metadata: { name: 'siham', title: 'SIHAM' },
        spec: { owner: 'group:default/amue-equipe-rh' },
      },
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: {
          name: 'etab-0333298f',
          title: 'Université de Bordeaux',
          annotations: { 'cloud.amue.fr/uai': '0333298F' },
        },
        spec: { type: 'establishment', children: [] },
      },
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: {
          name: 'etab-0597239y',
          title: 'Université de Lille',
          annotations: { 'cloud.amue.fr/uai': '0597239Y' },
        },
        spec: { type: 'establishment', children: [] },
      },
    ],
  });
}

/** A signals API whose messages the test sends with `send`. */
export function mockSignals() {
  const listeners = new Map<string, Set<(message: any) => void>>();
  const api = {
    subscribe(channel: string, onMessage: (message: any) => void) {
      const set = listeners.get(channel) ?? new Set();
      set.add(onMessage);
      listeners.set(channel, set);
      return { unsubscribe: () => set.delete(onMessage) };
    },
  };
  return {
    pair: [signalApiRef, api] as const,
    send(channel: string, message: object) {
      listeners.get(channel)?.forEach(listener => listener(message));
    },
  };
}

/** The APIs of a persona on the onboarding pages. */
export function apisFor(
  persona: keyof typeof personas,
  cloudApi: CloudApi,
  signals = mockSignals(),
) {
  return [
    [cloudApiRef, cloudApi],
    mockApis.identity(personas[persona]),
    testCatalog(),
    signals.pair,
  ] as const;
}
