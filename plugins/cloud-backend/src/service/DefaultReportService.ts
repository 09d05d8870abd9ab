import {
  cloudReportReadPermission,
  type AdoptionCsvView,
  ESTABLISHMENT_GROUP_TYPE,
  ESTABLISHMENT_LABELS,
  ESTABLISHMENT_LOCATION_ANNOTATION,
  matchesEstablishmentFilters,
  parseGeoPoint,
  REPORT_FILTER_NONE,
  type ReportCsvFormat,
  type ReportFilterOptions,
  type ReportFilters,
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
import type { TenantQueryCondition } from '../database/TenantStore';
import {
  adoptionApplicationsCsv,
  adoptionCsv,
  adoptionFundingCsv,
  adoptionMapCsv,
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

/** The catalog entities the reports are drawn for. */
interface CatalogEntities {
  establishments: ReportEstablishment[];
  applications: ReportApplication[];
}

/** How long a catalog read serves the reports as it is (ms). */
const CATALOG_FRESH_MS = 30_000;
/** The age past which a catalog read no longer serves a report (ms). */
const CATALOG_MAX_AGE_MS = 5 * 60_000;

/**
 * What a caller reports on, once its rights and the filters are applied:
 * the establishments and applications of the report, the tenant condition
 * that restricts every figure to them, and whether the figures cover the
 * whole programme.
 */
interface ReportScope {
  establishments: ReportEstablishment[];
  applications: ReportApplication[];
  condition: TenantQueryCondition | undefined;
  /**
   * Set when `condition` lets through exactly the tenants of these
   * applications (see `ReportOptions`): the reports may read their counts.
   */
  exactApplications?: string[];
  /** True when nothing narrows the figures (rights or filters). */
  programme: boolean;
  filterOptions: ReportFilterOptions;
}

/** The counts of the values of a field, `none` for the missing ones. */
function countsOf(values: Array<string | null | undefined>) {
  const counts = new Map<string, number>();
  for (const value of values) {
    const key = value || REPORT_FILTER_NONE;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => a.value.localeCompare(b.value));
}

/**
 * {@link ReportService} over {@link TenantReports}: checks
 * `cloud.report.read`, restricts every figure to the tenants the caller may
 * read (the same database condition as the lists) and to the applications
 * of its scope (a product owner's applications, from its permission
 * decision; every application for an administrator), applies the page's
 * filters (region, establishment type, words, application) to every report,
 * and takes the member establishments and the applications from the
 * catalog.
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

  /** The catalog read under way, shared by the reports asked meanwhile. */
  private catalogRead?: Promise<CatalogEntities>;
  /** The last catalog read and when it was answered. */
  private catalogKept?: { entities: CatalogEntities; readAt: number };

  /**
   * The member establishments and the applications, from the catalog. The
   * reports asked while a read is under way share it (the Adoption page
   * asks four at once; at 3,500 establishments a read is ≈ 2 MB of
   * entities). The answer is kept: for {@link CATALOG_FRESH_MS} it serves
   * the reports as it is; past that, the next report is served by it while
   * the catalog is read again in the background; past
   * {@link CATALOG_MAX_AGE_MS} (no report for that long, or the catalog
   * not answering) a report waits for a new read. A new establishment or
   * application thus shows in the reports within about 30 s of the next
   * one (docs/decisions.md, "Caches per process").
   */
  private catalogEntities(): Promise<CatalogEntities> {
    const kept = this.catalogKept;
    const age = kept ? Date.now() - kept.readAt : Number.POSITIVE_INFINITY;
    if (kept && age < CATALOG_MAX_AGE_MS) {
      if (age >= CATALOG_FRESH_MS) {
        // a failed refresh leaves the kept answer; the next report tries again
        this.sharedCatalogRead().catch(() => undefined);
      }
      return Promise.resolve(kept.entities);
    }
    return this.sharedCatalogRead();
  }

  private sharedCatalogRead(): Promise<CatalogEntities> {
    if (!this.catalogRead) {
      this.catalogRead = this.readCatalogEntities()
        .then(entities => {
          this.catalogKept = { entities, readAt: Date.now() };
          return entities;
        })
        .finally(() => {
          this.catalogRead = undefined;
        });
    }
    return this.catalogRead;
  }

  private async readCatalogEntities(): Promise<CatalogEntities> {
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
        name: g.metadata.name.toLocaleLowerCase('en-US'),
        title: g.metadata.title ?? g.metadata.name,
        uai: g.metadata.annotations?.[UAI_ANNOTATION] ?? '',
        region: g.metadata.labels?.[ESTABLISHMENT_LABELS.region] ?? null,
        type: g.metadata.labels?.[ESTABLISHMENT_LABELS.type] ?? null,
        location: parseGeoPoint(
          g.metadata.annotations?.[ESTABLISHMENT_LOCATION_ANNOTATION],
        ),
      })),
      applications: apps.items.map(a => ({
        name: a.metadata.name.toLocaleLowerCase('en-US'),
        title: a.metadata.title ?? a.metadata.name,
      })),
    };
  }

  /**
   * The scope of a report for a caller and filters. Throws 403 without
   * `cloud.report.read`, 400 for an application filter outside the
   * caller's applications.
   */
  private async scope(
    credentials: Caller,
    filters: ReportFilters = {},
  ): Promise<ReportScope> {
    const [decision] = await this.options.permissions.authorize(
      [{ permission: cloudReportReadPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        'only Amue (product owners and administrators) may read the reports',
      );
    }
    const [rights, catalog] = await Promise.all([
      this.options.tenants.reportScope(credentials),
      this.catalogEntities(),
    ]);
    const owned = rights.applications && new Set(rights.applications);
    const applicationsInScope = owned
      ? catalog.applications.filter(a => owned.has(a.name))
      : catalog.applications;
    const wanted = filters.application?.toLocaleLowerCase('en-US');
    if (wanted && !applicationsInScope.some(a => a.name === wanted)) {
      throw new InputError(
        `application: "${filters.application}" is not among the applications whose reports you may read`,
      );
    }
    const applications = wanted
      ? applicationsInScope.filter(a => a.name === wanted)
      : applicationsInScope;
    const establishments = catalog.establishments.filter(e =>
      matchesEstablishmentFilters(e, filters),
    );
    const narrowsEstablishments =
      establishments.length !== catalog.establishments.length;
    const narrowsApplications =
      applications.length !== catalog.applications.length;

    const { condition: rightsCondition } = rights;
    let condition: TenantQueryCondition | undefined;
    if (rightsCondition === 'none') {
      condition = q => q.whereRaw('1 = 0');
    } else if (narrowsEstablishments || narrowsApplications) {
      const names = {
        establishment: establishments.map(e => e.name),
        application: applications.map(a => a.name),
      };
      condition = (q: Knex.QueryBuilder) => {
        if (rightsCondition) {
          q.where(inner => {
            rightsCondition(inner);
          });
        }
        if (narrowsEstablishments) {
          q.whereIn('establishment', names.establishment);
        }
        if (narrowsApplications) {
          q.whereIn('application', names.application);
        }
      };
    } else {
      condition = rightsCondition;
    }
    // The applications the condition comes down to, when it names nothing
    // else: every application of the rights (none or exactly some), narrowed
    // by the filter of applications, and no filter of establishments.
    let exactApplications: string[] | undefined;
    const rightsApplications =
      rightsCondition === undefined ? undefined : rights.exactApplications;
    if (
      rightsCondition !== 'none' &&
      !narrowsEstablishments &&
      (rightsCondition === undefined || rightsApplications !== undefined)
    ) {
      const allowed = rightsApplications && new Set(rightsApplications);
      if (narrowsApplications) {
        exactApplications = applications
          .map(a => a.name)
          .filter(name => !allowed || allowed.has(name));
      } else if (rightsApplications) {
        exactApplications = rightsApplications;
      }
    }

    return {
      establishments,
      applications,
      condition,
      exactApplications,
      programme:
        rightsCondition === undefined &&
        !narrowsEstablishments &&
        !narrowsApplications,
      filterOptions: {
        regions: countsOf(catalog.establishments.map(e => e.region)),
        types: countsOf(catalog.establishments.map(e => e.type)),
        applications: applicationsInScope
          .map(a => ({ application: a.name, title: a.title }))
          .sort((a, b) => a.title.localeCompare(b.title, 'fr')),
        establishments: catalog.establishments.length,
      },
    };
  }

  /** The adoption report of a scope, with the choices of the filters. */
  private async adoption(scope: ReportScope) {
    const report = await this.reports.adoption({
      condition: scope.condition,
      programme: scope.programme,
      envelopeEur: this.options.envelopeEur ?? null,
      establishments: scope.establishments,
      applications: scope.applications,
    });
    return { filterOptions: scope.filterOptions, ...report };
  }

  async adoptionSummary() {
    return {
      applications: await this.reports.adoptionSummary(
        await this.catalogEntities(),
      ),
    };
  }

  async json(
    report: ReportName,
    options: { credentials: Caller; filters?: ReportFilters },
  ) {
    const scope = await this.scope(options.credentials, options.filters);
    const { condition, exactApplications } = scope;
    switch (report) {
      case 'adoption':
        return this.adoption(scope);
      case 'funnel':
        return this.reports.funnel({ condition, exactApplications });
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
    options: {
      credentials: Caller;
      view?: AdoptionCsvView;
      filters?: ReportFilters;
      format?: ReportCsvFormat;
    },
  ) {
    const { view = 'establishments', format = 'csv' } = options;
    if (report !== 'adoption' && options.view !== undefined) {
      throw new InputError('view is only known to the adoption report');
    }
    const scope = await this.scope(options.credentials, options.filters);
    const { condition, exactApplications } = scope;
    switch (report) {
      case 'adoption': {
        const adoption = await this.adoption(scope);
        switch (view) {
          case 'applications':
            return adoptionApplicationsCsv(adoption, format);
          case 'totals':
            return adoptionTotalsCsv(adoption, format);
          case 'overdue':
            return adoptionOverdueCsv(adoption, format);
          case 'funding':
            return adoptionFundingCsv(adoption, format);
          case 'map':
            return adoptionMapCsv(adoption, format);
          default:
            return adoptionCsv(adoption, format);
        }
      }
      case 'funnel':
        return funnelCsv(
          await this.reports.funnel({ condition, exactApplications }),
          format,
        );
      case 'durations':
        return durationsCsv(
          await this.reports.durations({ condition }),
          format,
        );
      case 'blocked':
        return blockedCsv(await this.reports.blocked({ condition }), format);
      default:
        throw new NotFoundError(`unknown report "${report}"`);
    }
  }
}
