import {
  ESTABLISHMENT_GROUP_TYPE,
  UAI_ANNOTATION,
} from '@amue/plugin-cloud-common';
import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { TenantReports } from '../reports/TenantReports';
import { DefaultReportService } from './DefaultReportService';
import type { DefaultTenantService } from './DefaultTenantService';

const establishment = (uai: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: {
    name: `etab-${uai.toLowerCase()}`,
    title: `Établissement ${uai}`,
    annotations: { [UAI_ANNOTATION]: uai },
  },
  spec: { type: ESTABLISHMENT_GROUP_TYPE, children: [] },
});

/**
 * The catalog read shared by the reports: kept 30 s as it is, refreshed in
 * the background after that, and waited for after 5 minutes.
 */
describe('DefaultReportService catalog reads', () => {
  let now = Date.parse('2026-12-06T08:00:00Z');
  let groups: Entity[];
  let reads: number;
  let pending: Array<(ok: boolean) => void>;
  let service: DefaultReportService;

  beforeEach(() => {
    now = Date.parse('2026-12-06T08:00:00Z');
    jest.spyOn(Date, 'now').mockImplementation(() => now);
    groups = [establishment('0333298F')];
    reads = 0;
    pending = [];
    const catalog = {
      getEntities: async (request: { filter: Record<string, string> }) => {
        reads += 1;
        // each read answers when the test lets it, as the test says
        const ok = await new Promise<boolean>(resolve => pending.push(resolve));
        if (!ok) {
          throw new Error('catalog unavailable');
        }
        return {
          items: request.filter.kind === 'Group' ? [...groups] : [],
        };
      },
    } as unknown as CatalogService;
    service = new DefaultReportService({
      reports: {
        adoptionSummary: async (options: { establishments: unknown[] }) =>
          options.establishments.map(() => ({})),
      } as unknown as TenantReports,
      tenants: {} as DefaultTenantService,
      permissions: mockServices.permissions(),
      catalog,
      auth: mockServices.auth(),
    });
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  const settle = () => new Promise(resolve => setImmediate(resolve));

  /** Lets every catalog request under way answer (or fail), and settle. */
  async function answer(ok = true) {
    for (let i = 0; i < 10 && pending.length === 0; i++) {
      await settle();
    }
    const waiting = pending;
    pending = [];
    waiting.forEach(resolve => resolve(ok));
    await settle();
  }

  /** The number of establishments a summary was drawn for. */
  async function summary(): Promise<number> {
    const result = service.adoptionSummary();
    await answer();
    return (await result).applications.length;
  }

  it('shares one read between the reports asked at once', async () => {
    const first = service.adoptionSummary();
    const second = service.adoptionSummary();
    await answer();
    expect((await first).applications).toHaveLength(1);
    expect((await second).applications).toHaveLength(1);
    // one request for the groups and one for the applications
    expect(reads).toBe(2);
  });

  it('keeps a read 30 s, then refreshes it in the background', async () => {
    expect(await summary()).toBe(1);
    expect(reads).toBe(2);

    groups.push(establishment('0597239Y'));
    now += 29_000;
    // still the kept read: the catalog is not asked
    expect(await service.adoptionSummary()).toEqual({ applications: [{}] });
    expect(reads).toBe(2);

    now += 2_000;
    // served by the kept read while the catalog is read again
    expect((await service.adoptionSummary()).applications).toHaveLength(1);
    expect(reads).toBe(4);
    await answer();
    expect((await service.adoptionSummary()).applications).toHaveLength(2);
    expect(reads).toBe(4);
  });

  it('keeps the read when a refresh fails, and waits for a new one after 5 minutes', async () => {
    expect(await summary()).toBe(1);
    groups.push(establishment('0597239Y'));
    now += 60_000;
    expect((await service.adoptionSummary()).applications).toHaveLength(1);
    await answer(false);
    // the refresh failed: the kept read still serves, and the next report
    // tries again
    expect((await service.adoptionSummary()).applications).toHaveLength(1);
    expect(reads).toBe(6);
    await answer(false);

    now += 5 * 60_000;
    // too old to serve: the report waits for the new read
    const result = service.adoptionSummary();
    await answer();
    expect((await result).applications).toHaveLength(2);
    expect(reads).toBe(8);
  });
});
