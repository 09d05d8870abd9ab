import {
  cloudReportReadPermission,
  type AdoptionCsvView,
  ESTABLISHMENT_GROUP_TYPE,
  ESTABLISHMENT_LABELS,
  UAI_ANNOTATION,
} from '@amue/plugin-cloud-common';
import type {
  AuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { Knex } from 'knex';
import {
  adoptionApplicationsCsv,
  adoptionCsv,
  adoptionFundingCsv,
  adoptionOverdueCsv,
  adoptionTotalsCsv,
  blockedCsv,
  durationsCsv,
  funnelCsv,
} from '../reports/csv';
import {
  ReportApplication,
  ReportEstablishment,
  TenantReports,
} from '../reports/TenantReports';
import type { DefaultTenantService } from './DefaultTenantService';
import type { ReportName, ReportService } from './ReportService';
import type { Caller } from './types';

/**
 * {@link ReportService} over {@link TenantReports}: checks
 * `cloud.report.read`, restricts every figure to the tenants the caller may
 * read (the same database condition as the lists) and takes the member
 * establishments and the applications from the catalog.
 *
 * @internal
 */
export class DefaultReportService implements ReportService {
  private readonly reports: TenantReports;

  constructor(
    private readonly options: {
      /** The read-only store of the reports. */
      reports: TenantReports;
      tenants: DefaultTenantService;
      permissions: PermissionsService;
      catalog: CatalogService;
      auth: AuthService;
      /** The programme's incentive envelope (`cloud.funding.envelopeEur`). */
      envelopeEur?: number | null;
    },
  ) {
    this.reports = options.reports;
  }

  private async condition(credentials: Caller) {
    const [decision] = await this.options.permissions.authorize(
      [{ permission: cloudReportReadPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        'only Amue (product owners and administrators) may read the reports',
      );
    }
    const condition = await this.options.tenants.readCondition(credentials);
    // No readable tenant at all: a condition that lets nothing through.
    return condition === 'none'
      ? (q: Knex.QueryBuilder) => q.whereRaw('1 = 0')
      : condition;
  }

  private async catalogEntities(): Promise<{
    establishments: ReportEstablishment[];
    applications: ReportApplication[];
  }> {
    const credentials = await this.options.auth.getOwnServiceCredentials();
    const [groups, apps] = await Promise.all([
      this.options.catalog.getEntities(
        {
          filter: { kind: 'Group', 'spec.type': ESTABLISHMENT_GROUP_TYPE },
          fields: [
            'metadata.name',
            'metadata.title',
            'metadata.annotations',
            'metadata.labels',
          ],
        },
        { credentials },
      ),
      this.options.catalog.getEntities(
        {
          filter: { kind: 'Application' },
          fields: ['metadata.name', 'metadata.title'],
        },
        { credentials },
      ),
    ]);
    return {
      establishments: groups.items.map(g => ({
        name: g.metadata.name,
        title: g.metadata.title ?? g.metadata.name,
        uai: g.metadata.annotations?.[UAI_ANNOTATION] ?? '',
        region: g.metadata.labels?.[ESTABLISHMENT_LABELS.region] ?? null,
        type: g.metadata.labels?.[ESTABLISHMENT_LABELS.type] ?? null,
      })),
      applications: apps.items.map(a => ({
        name: a.metadata.name,
        title: a.metadata.title ?? a.metadata.name,
      })),
    };
  }

  /**
   * The adoption report within the caller's condition; the envelope's
   * remainder only when the condition lets every tenant through.
   */
  private async adoption(
    condition: Awaited<ReturnType<DefaultReportService['condition']>>,
  ) {
    return this.reports.adoption({
      condition,
      programme: condition === undefined,
      envelopeEur: this.options.envelopeEur ?? null,
      ...(await this.catalogEntities()),
    });
  }

  async adoptionSummary() {
    const report = await this.reports.adoption(await this.catalogEntities());
    return { applications: report.applications };
  }

  async json(report: ReportName, options: { credentials: Caller }) {
    const condition = await this.condition(options.credentials);
    switch (report) {
      case 'adoption':
        return this.adoption(condition);
      case 'funnel':
        return this.reports.funnel({ condition });
      case 'durations':
        return this.reports.durations({ condition });
      case 'blocked':
        return this.reports.blocked({ condition });
      default:
        throw new NotFoundError(`unknown report "${report}"`);
    }
  }

  async csv(
    report: ReportName,
    options: { credentials: Caller; view?: AdoptionCsvView },
  ) {
    const { view = 'establishments' } = options;
    if (report !== 'adoption' && options.view !== undefined) {
      throw new InputError('view is only known to the adoption report');
    }
    const condition = await this.condition(options.credentials);
    switch (report) {
      case 'adoption': {
        const adoption = await this.adoption(condition);
        switch (view) {
          case 'applications':
            return adoptionApplicationsCsv(adoption);
          case 'totals':
            return adoptionTotalsCsv(adoption);
          case 'overdue':
            return adoptionOverdueCsv(adoption);
          case 'funding':
            return adoptionFundingCsv(adoption);
          default:
            return adoptionCsv(adoption);
        }
      }
      case 'funnel':
        return funnelCsv(await this.reports.funnel({ condition }));
      case 'durations':
        return durationsCsv(await this.reports.durations({ condition }));
      case 'blocked':
        return blockedCsv(await this.reports.blocked({ condition }));
      default:
        throw new NotFoundError(`unknown report "${report}"`);
    }
  }
}
