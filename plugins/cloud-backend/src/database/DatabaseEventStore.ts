import type { OnboardingStepId } from '@amue/plugin-cloud-common';
import type { Knex } from 'knex';
import { parseJson, Row, toIso, toJson, UUID_PATTERN } from './rows';
import { recordStepTime } from './stepTimes';
import type { TenantEvent, TenantEventType } from './TenantStore';

const EVENTS = 'cloud_events';

/** An event to append to a tenant's log. */
export interface NewTenantEvent {
  tenantId: string;
  at: Date;
  /** User entity ref of who acted. */
  actor: string;
  type: TenantEventType;
  stepId?: OnboardingStepId | null;
  comment?: string | null;
  before?: unknown;
  after?: unknown;
}

function toEvent(row: Row): TenantEvent {
  return {
    id: Number(row.id),
    tenantId: row.tenant_id,
    at: toIso(row.at),
    actor: row.actor,
    type: row.type,
    stepId: row.step_id ?? null,
    comment: row.comment ?? null,
    before: parseJson(row.before),
    after: parseJson(row.after),
  };
}

/**
 * The event log of the tenants (`cloud_events`): append-only. Each event is
 * appended in the transaction of the change it records, so a change and
 * its event are committed together or not at all.
 *
 * @internal
 */
export class DatabaseEventStore {
  constructor(private readonly db: Knex) {}

  /**
   * Appends an event within `tx`, and records it on its step's times
   * (stepTimes.ts); the event as stored.
   */
  async append(tx: Knex.Transaction, event: NewTenantEvent) {
    const [row] = await tx(EVENTS)
      .insert({
        tenant_id: event.tenantId,
        at: event.at,
        actor: event.actor,
        type: event.type,
        step_id: event.stepId ?? null,
        comment: event.comment ?? null,
        before: toJson(event.before),
        after: toJson(event.after),
      })
      .returning('*');
    await recordStepTime(tx, event);
    return toEvent(row);
  }

  /**
   * PostgreSQL: the log of the tenant whose id is the column `tenantId`
   * (oldest first) as one JSON array, the column `events_json`, so that a
   * tenant is read with its log in one round trip; read it back with
   * {@link DatabaseEventStore.fromJson}.
   */
  static jsonColumn(db: Knex, tenantId: string): Knex.Raw {
    return db.raw(
      `(select coalesce(json_agg(e order by e.at, e.id), '[]'::json) from ?? e where e.tenant_id = ??) as events_json`,
      [EVENTS, tenantId],
    );
  }

  /** The events of a row read with {@link DatabaseEventStore.jsonColumn}. */
  static fromJson(row: Row): TenantEvent[] {
    return (row.events_json as Row[]).map(toEvent);
  }

  /** A tenant's log, oldest first (read within `db` when given). */
  async list(
    tenantId: string,
    db: Knex | Knex.Transaction = this.db,
  ): Promise<TenantEvent[]> {
    if (!UUID_PATTERN.test(tenantId)) {
      return [];
    }
    const rows = await db(EVENTS)
      .where({ tenant_id: tenantId })
      .orderBy([
        { column: 'at', order: 'asc' },
        { column: 'id', order: 'asc' },
      ]);
    return rows.map(toEvent);
  }
}
