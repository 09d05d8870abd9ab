import type { Knex } from 'knex';
import { Row, toIso } from './rows';
import type { TenantFunding, TenantTraining } from './TenantStore';

/** The figures recorded on a tenant, one row each, by table. */
const TABLES = {
  funding: 'cloud_funding',
  training: 'cloud_training',
} as const;

function toFunding(row: Row): TenantFunding {
  return {
    grantedEur: Number(row.granted_eur),
    paidEur: Number(row.paid_eur),
    updatedBy: row.updated_by,
    updatedAt: toIso(row.updated_at),
    rowVersion: Number(row.row_version),
  };
}

function toTraining(row: Row): TenantTraining {
  return {
    sessionsHeld: Number(row.sessions_held),
    staffTrained: Number(row.staff_trained),
    updatedBy: row.updated_by,
    updatedAt: toIso(row.updated_at),
    rowVersion: Number(row.row_version),
  };
}

/** The column of each figure. */
const COLUMNS: Record<string, string> = {
  grantedEur: 'granted_eur',
  paidEur: 'paid_eur',
  sessionsHeld: 'sessions_held',
  staffTrained: 'staff_trained',
};

/** The figures of one kind: funding or training. */
export type FiguresKind = keyof typeof TABLES;

/**
 * The figures recorded on each tenant (`cloud_funding`: incentive funding
 * granted and paid; `cloud_training`: sessions held, staff trained), one
 * row per tenant and kind, each with its own row version. Database rules
 * only: the row exists from the tenant's creation, an update applies to the
 * row version the caller saw or to nothing.
 *
 * @internal
 */
export class DatabaseFiguresStore {
  /** The rows of a new tenant, zero everywhere, within `tx`. */
  async create(
    tx: Knex.Transaction,
    tenantId: string,
    by: { actor: string; at: Date },
  ): Promise<void> {
    const counters = {
      updated_by: by.actor,
      updated_at: by.at,
      row_version: 1,
    };
    await tx(TABLES.funding).insert({
      tenant_id: tenantId,
      granted_eur: 0,
      paid_eur: 0,
      ...counters,
    });
    await tx(TABLES.training).insert({
      tenant_id: tenantId,
      sessions_held: 0,
      staff_trained: 0,
      ...counters,
    });
  }

  /**
   * PostgreSQL: the funding and training rows of the tenant whose id is the
   * column `tenantId`, each as a JSON column, so that a tenant is read with
   * its figures in one round trip; read them back with
   * {@link DatabaseFiguresStore.fromJson}.
   */
  static jsonColumns(db: Knex, tenantId: string): Knex.Raw[] {
    return Object.entries(TABLES).map(([kind, table]) =>
      db.raw(`(select row_to_json(f) from ?? f where f.tenant_id = ??) as ??`, [
        table,
        tenantId,
        `${kind}_json`,
      ]),
    );
  }

  /** The figures of a row read with {@link DatabaseFiguresStore.jsonColumns}. */
  static fromJson(row: Row): {
    funding: TenantFunding;
    training: TenantTraining;
  } {
    return {
      funding: toFunding(row.funding_json),
      training: toTraining(row.training_json),
    };
  }

  /** The funding and training of a tenant. */
  async read(
    db: Knex | Knex.Transaction,
    tenantId: string,
  ): Promise<{ funding: TenantFunding; training: TenantTraining }> {
    const read = (table: string) =>
      db(table).where({ tenant_id: tenantId }).first();
    // One connection runs a transaction's queries one after the other.
    const [funding, training] = db.isTransaction
      ? [await read(TABLES.funding), await read(TABLES.training)]
      : await Promise.all([read(TABLES.funding), read(TABLES.training)]);
    return { funding: toFunding(funding), training: toTraining(training) };
  }

  /**
   * Writes the figures of one kind (by field name) within `tx` if its row
   * is still at `expectedVersion`; false when someone else changed it
   * first (a stale version), and nothing is written.
   */
  async update(
    tx: Knex.Transaction,
    kind: FiguresKind,
    tenantId: string,
    values: Record<string, number>,
    by: { actor: string; at: Date; expectedVersion: number },
  ): Promise<boolean> {
    const updated = await tx(TABLES[kind])
      .where({ tenant_id: tenantId, row_version: by.expectedVersion })
      .update({
        ...Object.fromEntries(
          Object.entries(values).map(([field, value]) => [
            COLUMNS[field],
            value,
          ]),
        ),
        updated_by: by.actor,
        updated_at: by.at,
        row_version: by.expectedVersion + 1,
      });
    return updated === 1;
  }
}
