import type { Knex } from 'knex';

const TENANTS = 'cloud_tenants';
const COMMITS = 'cloud_gitops_commits';

/**
 * What a notification of the deployment engine did to a tenant: applied
 * (the provisioning step completed or blocked, in one transaction with its
 * event), or ignored with the reason (nothing written).
 *
 * @internal
 */
export type DeploymentOutcome =
  | {
      applied: true;
      tenantId: string;
      action: 'complete' | 'block';
      /** The reason of a block. */
      reason: string | null;
    }
  | { applied: false; tenantId?: string; ignored: string };

/**
 * The GitOps commits of the deployment read back (issue 14): the revision
 * committed for each tenant's descriptors, and the order of the portal's
 * commits. Database rules only; what a notification of the engine does to
 * the provisioning step is the service's rule (`rules/onboarding.ts`),
 * written through {@link DatabaseTenantStore}.
 *
 * @internal
 */
export class DatabaseDeploymentStore {
  constructor(private readonly db: Knex, private readonly clock: () => Date) {}

  /** Records the commit of tenants' descriptors; the count of tenants. */
  async recordRevision(names: string[], revision: string): Promise<number> {
    if (names.length === 0) {
      return 0;
    }
    await this.db(COMMITS)
      .insert({ revision: revision.toLowerCase(), recorded_at: this.clock() })
      .onConflict('revision')
      .ignore();
    return this.db(TENANTS)
      .whereIn(
        'name',
        names.map(n => n.trim().toLowerCase()),
      )
      .andWhere({ decommissioned: false })
      .update({ gitops_revision: revision.toLowerCase() });
  }

  /**
   * True when `revision` is a commit of the portal recorded after
   * `committed` (the branch then holds the tenant's descriptors too).
   */
  async isLaterCommit(
    tx: Knex.Transaction,
    revision: string | null | undefined,
    committed: string,
  ): Promise<boolean> {
    if (!revision) {
      return false;
    }
    const rows = await tx(COMMITS)
      .whereIn('revision', [revision.toLowerCase(), committed])
      .select('revision', 'id');
    const order = new Map(rows.map(r => [r.revision, Number(r.id)]));
    const later = order.get(revision.toLowerCase());
    const mine = order.get(committed);
    return later !== undefined && mine !== undefined && later > mine;
  }
}
