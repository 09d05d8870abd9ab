import { createServiceFactory } from '@backstage/backend-plugin-api';
import { cloudServiceRef, type CloudService } from '../CloudService';

/**
 * A {@link CloudService} whose every method is a Jest mock.
 *
 * @public
 */
export type CloudServiceMock = {
  [Method in keyof CloudService]: jest.MockedFunction<CloudService[Method]>;
};

const METHODS: Array<keyof CloudService> = [
  'createRequest',
  'checkRequest',
  'listTenants',
  'getTenant',
  'changeVersion',
  'decommission',
  'recordPerson',
];

/**
 * A mock of the cloud service for the tests of other backend plugins: each
 * method runs the given implementation, or throws (a call the test did not
 * expect), and records its calls.
 *
 * @public
 */
export function cloudServiceMock(
  implementation: Partial<CloudService> = {},
): CloudServiceMock {
  const mock: Partial<Record<keyof CloudService, jest.Mock>> = {};
  for (const method of METHODS) {
    const given: ((...args: any[]) => Promise<unknown>) | undefined =
      implementation[method];
    mock[method] = jest.fn(
      given ??
        (async () => {
          throw new Error(`cloudServiceMock: ${method} is not mocked`);
        }),
    );
  }
  return mock as CloudServiceMock;
}

/**
 * @public
 */
export namespace cloudServiceMock {
  /** The mock as the service factory of a test backend. */
  export const factory = (implementation: Partial<CloudService> = {}) =>
    createServiceFactory({
      service: cloudServiceRef,
      deps: {},
      factory: () => cloudServiceMock(implementation),
    });
}
