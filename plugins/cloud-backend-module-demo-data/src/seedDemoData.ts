import {
  getStepDefinition,
  ONBOARDING_STEP_IDS,
  OnboardingAction,
  OnboardingSide,
  OnboardingStepId,
  TenantDetails,
  tenantName,
} from '@amue/plugin-cloud-common';
import type { CloudSeedContext, CloudSeedStore } from '@amue/plugin-cloud-node';
import { LoggerService } from '@backstage/backend-plugin-api';
import {
  DEMO_APPROVAL_COMMENT,
  DEMO_NOTHING_TO_DECOMMISSION,
  DEMO_PRODUCT_OWNERS,
  demoData,
  DemoComment,
  DemoEstablishment,
  DemoTenant,
} from './demoTenants';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Relative time before an operation of the timeline (in "days of work"). */
const GAP = {
  comment: 1.5,
  block: 2,
  unblock: 4,
  skip: 1,
  counters: 0.3,
  start: 1,
};

/** Relative duration of each step, from its start to its completion. */
const DURATION: Record<OnboardingStepId, number> = {
  request: 0,
  qualification: 6,
  provisioning: 5,
  identity: 6,
  'data-migration': 14,
  acceptance: 12,
  training: 8,
  'go-live': 3,
  decommissioning: 10,
};

/** Index of a step; `live` stands at the decommissioning step. */
function reachIndex(tenant: DemoTenant): number {
  return ONBOARDING_STEP_IDS.indexOf(
    tenant.reach === 'live' ? 'decommissioning' : tenant.reach,
  );
}

function stepIndex(stepId: OnboardingStepId): number {
  return ONBOARDING_STEP_IDS.indexOf(stepId);
}

/** A deterministic pseudo-random generator (mulberry32) seeded by a text. */
function randomOf(seedText: string): () => number {
  let seed = 0;
  for (const char of seedText) {
    seed = (Math.imul(seed, 31) + char.charCodeAt(0)) | 0;
  }
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Checks that a demo tenant can be played as declared; throws an error
 * naming the tenant and the inconsistency otherwise.
 */
export function checkDemoTenant(tenant: DemoTenant): void {
  const name = tenantName(tenant.application, tenant.uai, tenant.environment);
  const fail = (message: string) => {
    throw new Error(`demo tenant ${name}: ${message}`);
  };
  const reached = reachIndex(tenant);
  const live = tenant.reach === 'live';
  if (!DEMO_PRODUCT_OWNERS[tenant.application]) {
    fail(`no product owner for application "${tenant.application}"`);
  }
  if (!demoData().establishments.some(e => e.uai === tenant.uai)) {
    fail(`establishment ${tenant.uai} is not among the demo establishments`);
  }
  if (!(tenant.startedDaysAgo > 0) || tenant.startedDaysAgo > 380) {
    fail('startedDaysAgo must be within the past year');
  }
  if (
    tenant.idleDays !== undefined &&
    !(tenant.idleDays >= 0 && tenant.idleDays < tenant.startedDaysAgo)
  ) {
    fail('idleDays must be less than startedDaysAgo');
  }
  if (
    live !== (tenant.liveDaysAgo !== undefined) ||
    (live &&
      !(
        tenant.liveDaysAgo! > (tenant.idleDays ?? 0) &&
        tenant.liveDaysAgo! < tenant.startedDaysAgo
      ))
  ) {
    fail(
      'liveDaysAgo is required for a live tenant only, between idleDays and startedDaysAgo',
    );
  }
  if (tenant.reach === 'data-migration' && !tenant.migration) {
    fail('a new installation skips the data migration');
  }
  const states = [tenant.waiting, tenant.blocked, tenant.rejected].filter(
    Boolean,
  );
  if (states.length > 1) {
    fail('waiting, blocked and rejected exclude one another');
  }
  if (live && states.length > 0) {
    fail('a live tenant is not waiting, blocked or rejected');
  }
  if (tenant.rejected && tenant.reach !== 'qualification') {
    fail('only a request (reach qualification) can be rejected');
  }
  if (tenant.decommissioning && (!live || !tenant.migration)) {
    fail('decommissioning is for a live migration only');
  }
  for (const [stepId, reason] of Object.entries(tenant.skip ?? {})) {
    if (!reason || stepIndex(stepId as OnboardingStepId) >= reached) {
      fail(
        `skip of ${stepId} must come before the reached step, with a reason`,
      );
    }
  }
  const underWay = (stepId: OnboardingStepId) =>
    stepId === 'decommissioning'
      ? live && Boolean(tenant.decommissioning)
      : stepIndex(stepId) <= reached;
  for (const comment of tenant.comments ?? []) {
    if (comment.step && !underWay(comment.step)) {
      fail(`comment on step ${comment.step}, which is not reached`);
    }
  }
  for (const incident of tenant.incidents ?? []) {
    if (
      !underWay(incident.step) ||
      (incident.step === 'data-migration' && !tenant.migration) ||
      tenant.skip?.[incident.step as 'acceptance' | 'training'] ||
      (stepIndex(incident.step) === reached && tenant.waiting)
    ) {
      fail(`incident on step ${incident.step}, which is not started`);
    }
  }
  const training = stepIndex('training');
  if (
    tenant.training &&
    (reached < training ||
      tenant.skip?.training ||
      (reached === training && tenant.waiting))
  ) {
    fail('training figures need the training step started');
  }
  if (
    tenant.funding &&
    (reached === stepIndex('qualification') ||
      tenant.funding.paidEur > tenant.funding.grantedEur)
  ) {
    fail('funding needs an approved request and paid <= granted');
  }
}

/**
 * One write of a tenant's timeline: the relative time before it, or a
 * fixed date (days before now).
 */
interface Operation {
  gap: number;
  daysAgo?: number;
  run: () => Promise<void>;
}

/**
 * Plays one demo tenant through the store: its state (the tenant details
 * the store returned last) and its operations.
 */
class DemoTenantPlayer {
  private tenant?: TenantDetails;
  readonly name: string;
  private readonly establishment: DemoEstablishment;
  private readonly productOwner: string;

  constructor(
    private readonly store: CloudSeedStore,
    private readonly spec: DemoTenant,
  ) {
    this.name = tenantName(spec.application, spec.uai, spec.environment);
    this.establishment = demoData().establishments.find(
      e => e.uai === spec.uai,
    )!;
    this.productOwner = DEMO_PRODUCT_OWNERS[spec.application];
  }

  /** Who acts for a side; technical steps by the last establishment user. */
  actor(side: OnboardingSide, stepId?: OnboardingStepId): string {
    if (side === 'amue') {
      return this.productOwner;
    }
    const users = this.establishment.users ?? [
      `user:default/contact.${this.spec.uai.toLowerCase()}`,
    ];
    return stepId === 'identity' || stepId === 'decommissioning'
      ? users[users.length - 1]
      : users[0];
  }

  private get current(): TenantDetails {
    if (!this.tenant) {
      throw new Error(`demo tenant ${this.name} is not created yet`);
    }
    return this.tenant;
  }

  /** Creates the tenant; false when it already exists (seeded elsewhere). */
  async create(start: Date): Promise<boolean> {
    const { spec, establishment } = this;
    const wished = new Date(
      start.getTime() + (spec.environment === 'production' ? 180 : 90) * DAY,
    );
    const wishedGoLiveDate = new Date(
      Date.UTC(wished.getUTCFullYear(), wished.getUTCMonth() + 1, 1),
    )
      .toISOString()
      .slice(0, 10);
    const { tenant, created } = await this.store.createTenant(
      {
        application: spec.application,
        uai: spec.uai,
        environment: spec.environment,
        version: spec.version,
        url: `https://${this.name}.cloud.amue.fr`,
        ssoProtocol: 'saml',
        ssoIdpEntityId: `https://idp.${establishment.domain}/idp/shibboleth`,
        request: {
          migration: spec.migration,
          wishedGoLiveDate,
          ...(spec.expectedUsers === undefined
            ? {}
            : { expectedUsers: spec.expectedUsers }),
          ...(establishment.contacts
            ? { contacts: establishment.contacts }
            : {}),
          ...(spec.requestComment ? { comment: spec.requestComment } : {}),
        },
      },
      {
        actor: this.actor('establishment', 'request'),
        idempotencyKey: `demo-data:${this.name}`,
      },
    );
    this.tenant = tenant;
    return created;
  }

  async act(
    stepId: OnboardingStepId,
    action: OnboardingAction,
    reason?: string,
  ): Promise<void> {
    const tenant = this.current;
    const { side } = getStepDefinition(stepId);
    this.tenant = await this.store.applyStepAction(tenant.id, stepId, action, {
      actorSide: side,
      actor: this.actor(side, stepId),
      expectedVersion: this.stepVersion(stepId),
      reason,
    });
  }

  async decide(decision: 'approve' | 'reject', reason: string): Promise<void> {
    this.tenant = await this.store.decideRequest(this.current.id, decision, {
      actor: this.productOwner,
      expectedVersion: this.stepVersion('qualification'),
      reason,
    });
  }

  async comment(comment: DemoComment): Promise<void> {
    await this.store.addComment(this.current.id, comment.text, {
      actor: this.actor(comment.by, comment.step),
      ...(comment.step ? { stepId: comment.step } : {}),
    });
  }

  async fund(grantedEur: number, paidEur: number): Promise<void> {
    const tenant = this.current;
    const funding = await this.store.recordFunding(
      tenant.id,
      { grantedEur, paidEur },
      { actor: this.productOwner, expectedVersion: tenant.funding.rowVersion },
    );
    this.tenant = { ...tenant, funding };
  }

  async train(sessionsHeld: number, staffTrained: number): Promise<void> {
    const tenant = this.current;
    const training = await this.store.recordTraining(
      tenant.id,
      { sessionsHeld, staffTrained },
      { actor: this.productOwner, expectedVersion: tenant.training.rowVersion },
    );
    this.tenant = { ...tenant, training };
  }

  private stepVersion(stepId: OnboardingStepId): number {
    return this.current.steps.find(s => s.id === stepId)!.rowVersion;
  }

  /**
   * The writes after the creation, in order, each with the relative time
   * before it.
   */
  plan(): Operation[] {
    const { spec } = this;
    const ops: Operation[] = [];
    const add = (gap: number, run: () => Promise<void>, daysAgo?: number) =>
      ops.push({ gap, run, daysAgo });
    const commentsOf = (stepId: OnboardingStepId) => {
      for (const comment of spec.comments ?? []) {
        if ((comment.step ?? 'request') === stepId) {
          add(GAP.comment, () => this.comment(comment));
        }
      }
    };
    const reached = reachIndex(spec);
    const funding = spec.funding;
    let paid = !funding || funding.paidEur === 0;
    const pay = () => {
      if (!paid) {
        paid = true;
        add(GAP.counters, () =>
          this.fund(funding!.grantedEur, funding!.paidEur),
        );
      }
    };

    commentsOf('request');
    for (const stepId of ONBOARDING_STEP_IDS.slice(1)) {
      const index = stepIndex(stepId);
      if (index > reached) {
        break;
      }
      const isReached = index === reached;
      if (stepId === 'data-migration' && !spec.migration) {
        continue; // skipped from the start by the store
      }
      if (stepId === 'decommissioning') {
        if (!spec.migration) {
          add(GAP.skip, () =>
            this.act(stepId, 'skip', DEMO_NOTHING_TO_DECOMMISSION),
          );
        } else if (spec.decommissioning) {
          add(GAP.start, () => this.act(stepId, 'start'));
          commentsOf(stepId);
          if (spec.decommissioning === 'done') {
            add(DURATION[stepId], () => this.act(stepId, 'complete'));
          }
        }
        break;
      }
      const skipReason = spec.skip?.[stepId as 'acceptance' | 'training'];
      if (skipReason) {
        commentsOf(stepId);
        add(GAP.skip, () => this.act(stepId, 'skip', skipReason));
        continue;
      }
      if (isReached && spec.waiting) {
        commentsOf(stepId);
        break;
      }
      add(GAP.start, () => this.act(stepId, 'start'));
      for (const incident of spec.incidents ?? []) {
        if (incident.step === stepId) {
          add(GAP.block, () => this.act(stepId, 'block', incident.reason));
          add(GAP.unblock, () =>
            this.act(stepId, 'unblock', incident.resolution),
          );
        }
      }
      const training = spec.training;
      if (stepId === 'training' && training) {
        add(DURATION.training / 2, () =>
          this.train(training.sessionsHeld, training.staffTrained),
        );
      }
      commentsOf(stepId);
      if (isReached) {
        const { blocked, rejected } = spec;
        if (blocked) {
          add(GAP.block, () => this.act(stepId, 'block', blocked));
        } else if (rejected) {
          add(DURATION[stepId], () => this.decide('reject', rejected));
        }
        break;
      }
      if (stepId === 'qualification') {
        add(DURATION[stepId], () =>
          this.decide('approve', DEMO_APPROVAL_COMMENT),
        );
        if (funding) {
          add(GAP.counters, () => this.fund(funding.grantedEur, 0));
        }
      } else {
        add(
          DURATION[stepId],
          () => this.act(stepId, 'complete'),
          stepId === 'go-live' ? spec.liveDaysAgo : undefined,
        );
      }
      if (stepId === 'go-live') {
        pay();
      }
    }
    pay();
    return ops;
  }
}

/**
 * The moments of a timeline of writes (the first is the creation, at
 * `start`; the last is at `end` unless it has a fixed date): the writes
 * between two fixed moments are spread by their relative gaps. Then each
 * moment is moved to working days and hours (UTC 07:00-16:59, office hours
 * in Paris), the moments are made strictly increasing and kept before
 * `now`.
 */
function timeline(
  points: Array<{ gap: number; daysAgo?: number }>,
  start: Date,
  end: Date,
  now: Date,
  random: () => number,
): Date[] {
  const cumulated: number[] = [];
  let sum = 0;
  for (const point of points) {
    sum += point.gap;
    cumulated.push(sum);
  }
  const fixed = new Map<number, number>([[0, start.getTime()]]);
  points.forEach((point, i) => {
    if (i > 0 && point.daysAgo !== undefined) {
      fixed.set(i, now.getTime() - point.daysAgo * DAY);
    }
  });
  const last = points.length - 1;
  if (!fixed.has(last)) {
    fixed.set(last, Math.max(start.getTime(), end.getTime()));
  }
  const anchors = [...fixed.keys()].sort((a, b) => a - b);
  const raw: number[] = [];
  anchors.forEach((a, k) => {
    raw[a] = fixed.get(a)!;
    const b = anchors[k + 1];
    if (b === undefined) {
      return;
    }
    const [from, to] = [fixed.get(a)!, fixed.get(b)!];
    const weight = cumulated[b] - cumulated[a] || 1;
    for (let i = a + 1; i < b; i++) {
      raw[i] = from + ((cumulated[i] - cumulated[a]) / weight) * (to - from);
    }
  });
  const times = raw.map(t => {
    const at = new Date(t);
    const weekday = at.getUTCDay();
    // Days back to a working day: Sunday and Saturday move to Friday.
    const back = [2, 0, 0, 0, 0, 0, 1][weekday];
    return Date.UTC(
      at.getUTCFullYear(),
      at.getUTCMonth(),
      at.getUTCDate() - back,
      7 + Math.floor(random() * 10),
      Math.floor(random() * 60),
      Math.floor(random() * 60),
    );
  });
  for (let i = 1; i < times.length; i++) {
    if (times[i] <= times[i - 1]) {
      times[i] = times[i - 1] + (5 + Math.floor(random() * 40)) * MINUTE;
    }
  }
  let limit = now.getTime() - MINUTE;
  for (let i = times.length - 1; i >= 0; i--) {
    times[i] = Math.min(times[i], limit);
    limit = times[i] - MINUTE;
  }
  return times.map(t => new Date(t));
}

/**
 * Seeds the demo data of the embedded default: about forty tenants of
 * several applications and establishments at every stage of their
 * onboarding, with a year of history before `now` (the current time by
 * default). Every write goes through the cloud plugin's store (opened
 * through `cloudSeedingExtensionPoint`) with a clock set to the moment of
 * the write, so the rules of the onboarding hold
 * and the event log is the one the actions would have written.
 *
 * Only an empty database is seeded: when `cloud_tenants` has a row,
 * nothing is written and `seeded` is false. Two processes seeding at once
 * do not duplicate anything: the one that finds a demo tenant created by
 * the other stops.
 *
 * The tenants are written directly in the store, so no `cloud.tenant`
 * message is published for them: the tenant entity provider's scheduled
 * full sync brings them to the catalog.
 */
export async function seedDemoData(options: {
  openStore: CloudSeedContext['openStore'];
  logger: LoggerService;
  now?: Date;
}): Promise<{ seeded: boolean; tenants: number }> {
  const { openStore, logger } = options;
  const now = options.now ?? new Date();
  let moment = now;
  const store = await openStore({ clock: () => new Date(moment.getTime()) });
  const existing = await store.listTenants({ limit: 1 });
  if (existing.items.length) {
    logger.info('Demo data not seeded: the database already holds tenants');
    return { seeded: false, tenants: 0 };
  }
  const { tenants } = demoData();
  tenants.forEach(checkDemoTenant);

  const startedAt = Date.now();
  let count = 0;
  for (const [index, spec] of tenants.entries()) {
    const player = new DemoTenantPlayer(store, spec);
    const ops = player.plan();
    const start = new Date(now.getTime() - spec.startedDaysAgo * DAY);
    const idleDays =
      spec.idleDays ?? Math.min(1 + (index % 6), spec.startedDaysAgo / 3);
    const end = new Date(now.getTime() - idleDays * DAY);
    const [created, ...moments] = timeline(
      [{ gap: 0 }, ...ops],
      start,
      end,
      now,
      randomOf(player.name),
    );
    moment = created;
    if (!(await player.create(created))) {
      logger.info(
        `Demo data not seeded further: tenant ${player.name} already exists (seeded by another instance)`,
      );
      return { seeded: count > 0, tenants: count };
    }
    for (const [i, op] of ops.entries()) {
      moment = moments[i];
      await op.run();
    }
    count += 1;
  }
  logger.info(`Seeded the demo data: ${count} tenants`, {
    tenants: count,
    durationMs: Date.now() - startedAt,
  });
  return { seeded: true, tenants: count };
}
