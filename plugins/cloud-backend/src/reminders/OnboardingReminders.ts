import {
  daysUntilDue,
  Environment,
  getStepDefinition,
  isOnboardingStepId,
  OnboardingStepId,
  ownerGroupRef,
} from '@amue/plugin-cloud-common';
import type {
  AuthService,
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import {
  type Entity,
  parseEntityRef,
  RELATION_MEMBER_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import type { Knex } from 'knex';
import { toIso } from '../database/rows';
import { tenantPagePath } from '../service/notifier';
import {
  LANGUAGE_ANNOTATION,
  REMINDER_LANGUAGES,
  ReminderItem,
  ReminderKind,
  ReminderLanguage,
  reminderText,
} from './messages';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Topic of the reminders (people can mute it in their settings). */
export const REMINDER_NOTIFICATION_TOPIC = 'cloud.reminder';

/**
 * When reminders go and to whom they escalate (`cloud.reminders`).
 */
export interface ReminderSettings {
  /** A step due within this many days is "due soon". Default 3. */
  dueSoonDays: number;
  /** Days late after which the product owner is told. Default 7. */
  escalateToOwnerAfterDays: number;
  /** Days late after which the administrators are told. Default 14. */
  escalateToAdminsAfterDays: number;
  /** The administrators' Group. Default `group:default/amue-admins`. */
  administrators: string;
  /** Language of people whose User entity names none. Default `fr`. */
  language: ReminderLanguage;
}

/**
 * The settings of the reminders from the configuration; a clear error
 * naming the key for a wrong value.
 */
export function readReminderSettings(
  config: Pick<RootConfigService, 'getOptionalConfig'>,
): ReminderSettings {
  const section = config.getOptionalConfig('cloud.reminders');
  const days = (key: string, fallback: number) => {
    const value = section?.getOptionalNumber(key) ?? fallback;
    if (!Number.isInteger(value) || value < 0 || value > 365) {
      throw new Error(
        `cloud.reminders.${key} must be a whole number of days from 0 to 365, not ${value}`,
      );
    }
    return value;
  };
  const settings: ReminderSettings = {
    dueSoonDays: days('dueSoonDays', 3),
    escalateToOwnerAfterDays: days('escalateToOwnerAfterDays', 7),
    escalateToAdminsAfterDays: days('escalateToAdminsAfterDays', 14),
    administrators: stringifyEntityRef(
      parseEntityRef(
        section?.getOptionalString('administrators') ?? 'amue-admins',
        { defaultKind: 'group', defaultNamespace: 'default' },
      ),
    ),
    language: (section?.getOptionalString('language') ??
      'fr') as ReminderLanguage,
  };
  if (!(REMINDER_LANGUAGES as readonly string[]).includes(settings.language)) {
    throw new Error(
      `cloud.reminders.language must be one of ${REMINDER_LANGUAGES.join(
        ', ',
      )}, not ${settings.language}`,
    );
  }
  if (settings.escalateToAdminsAfterDays < settings.escalateToOwnerAfterDays) {
    throw new Error(
      'cloud.reminders.escalateToAdminsAfterDays must not be shorter than cloud.reminders.escalateToOwnerAfterDays',
    );
  }
  return settings;
}

/** The calendar day of an instant in France, `YYYY-MM-DD`. */
export function dayInFrance(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

/** What one run of the reminders did. */
export interface ReminderRun {
  /** Steps due soon or late, not blocked, of open tenants. */
  steps: number;
  /** Tenant and person pairs reminded (at most one a day each). */
  sent: number;
  /**
   * Notifications sent: one per tenant and text, to the people told the
   * same thing in the same language.
   */
  notifications: number;
  /** Tenant and person pairs already reminded today. */
  alreadySent: number;
  /** Notifications that could not be sent (retried on the next run). */
  failed: number;
  /** Tenants whose steps nobody could be told about (no member). */
  unreachable: number;
}

interface DueStep {
  tenantId: string;
  tenant: string;
  application: string;
  establishment: string;
  environment: Environment;
  stepId: OnboardingStepId;
  dueDate: string;
}

interface Person {
  ref: string;
  /** From the User entity's annotation; the default otherwise. */
  language?: ReminderLanguage;
  groups: Set<string>;
}

const KIND_RANK: Record<ReminderKind, number> = {
  'due-soon': 0,
  overdue: 1,
  'escalated-owner': 2,
  'escalated-admins': 3,
};

/**
 * The reminders and escalations of onboarding steps. A scheduled task of
 * global scope runs {@link OnboardingReminders.run} (once across
 * replicas); it reads the due dates of open tenants, works out who must be
 * told what, and sends at most one notification per tenant, person and day.
 *
 * - A step due within `dueSoonDays`, or late, is reminded to whoever must
 *   act: the establishment's members for an establishment step, the
 *   application's product team for an Amue step.
 * - Late by `escalateToOwnerAfterDays`: also the product owner (the
 *   application's `spec.productOwner`, else its product team).
 * - Late by `escalateToAdminsAfterDays`: also the administrators.
 * - Nothing about a blocked step (its blocker is known), a step done or
 *   skipped, a closed (decommissioned) or suspended tenant.
 */
export class OnboardingReminders {
  constructor(
    private readonly options: {
      db: Knex;
      catalog: CatalogService;
      auth: AuthService;
      notifications: NotificationService;
      logger: LoggerService;
      settings: ReminderSettings;
      /** The portal's base URL for absolute links (`app.baseUrl`). */
      baseUrl?: string;
    },
  ) {}

  /** Sends the reminders due at `now`. */
  async run(now: Date): Promise<ReminderRun> {
    const { settings, logger } = this.options;
    const day = dayInFrance(now);
    const steps = await this.dueSteps(now);
    const run: ReminderRun = {
      steps: steps.length,
      sent: 0,
      notifications: 0,
      alreadySent: 0,
      failed: 0,
      unreachable: 0,
    };
    if (!steps.length) {
      return run;
    }
    const credentials = await this.options.auth.getOwnServiceCredentials();
    const applications = await this.applications(
      [...new Set(steps.map(s => s.application))],
      credentials,
    );
    const establishmentRefs = [
      ...new Set(steps.map(s => groupRef(s.establishment))),
    ];
    const titles = await this.titles(establishmentRefs, credentials);
    const groups = new Set<string>([
      ...establishmentRefs,
      settings.administrators,
    ]);
    for (const application of applications.values()) {
      if (application.team) {
        groups.add(application.team);
      }
    }
    const people = await this.members([...groups], credentials);
    const members = new Map<string, string[]>();
    for (const person of people) {
      for (const group of person.groups) {
        members.set(group, [...(members.get(group) ?? []), person.ref]);
      }
    }
    const membersOf = (group: string) => members.get(group) ?? [];

    // tenant -> person -> step -> kind
    const plan = new Map<
      string,
      Map<string, Map<OnboardingStepId, ReminderItem>>
    >();
    const add = (step: DueStep, refs: string[], item: ReminderItem) => {
      let byPerson = plan.get(step.tenantId);
      if (!byPerson) {
        byPerson = new Map();
        plan.set(step.tenantId, byPerson);
      }
      for (const ref of refs) {
        let items = byPerson.get(ref);
        if (!items) {
          items = new Map();
          byPerson.set(ref, items);
        }
        const existing = items.get(step.stepId);
        if (!existing || KIND_RANK[existing.kind] < KIND_RANK[item.kind]) {
          items.set(step.stepId, item);
        }
      }
    };
    const tenants = new Map<string, DueStep>();
    for (const step of steps) {
      tenants.set(step.tenantId, step);
      const application = applications.get(step.application);
      const until = daysUntilDue(step, now) ?? 0;
      const late = Date.parse(step.dueDate) < now.getTime();
      const daysLate = late
        ? Math.floor((now.getTime() - Date.parse(step.dueDate)) / DAY_MS)
        : 0;
      const side = getStepDefinition(step.stepId).side;
      const team = application?.team ? membersOf(application.team) : [];
      const actors =
        side === 'establishment'
          ? membersOf(groupRef(step.establishment))
          : team;
      add(step, actors, {
        stepId: step.stepId,
        kind: late ? 'overdue' : 'due-soon',
        dueDate: step.dueDate,
        days: late ? daysLate : Math.max(until, 0),
      });
      if (late && daysLate >= settings.escalateToOwnerAfterDays) {
        const owners = application?.productOwner
          ? [application.productOwner]
          : team;
        add(step, owners, {
          stepId: step.stepId,
          kind: 'escalated-owner',
          dueDate: step.dueDate,
          days: daysLate,
        });
      }
      if (late && daysLate >= settings.escalateToAdminsAfterDays) {
        add(step, membersOf(settings.administrators), {
          stepId: step.stepId,
          kind: 'escalated-admins',
          dueDate: step.dueDate,
          days: daysLate,
        });
      }
    }
    run.unreachable = [...tenants.keys()].filter(
      id => !plan.get(id)?.size,
    ).length;

    const sentToday = new Set(
      (
        await this.options
          .db('cloud_reminders')
          .where({ day })
          .select('tenant_id', 'recipient')
      ).map(row => `${row.tenant_id} ${row.recipient}`),
    );
    const languages = new Map(people.map(p => [p.ref, p.language]));
    // (a product owner named by an application but in none of the groups
    // read has the default language)
    // What each person is told, grouped per tenant by identical text: the
    // members of a team told the same thing share one notification.
    const ledger: Array<Record<string, unknown>> = [];
    const sends: Array<{
      tenantId: string;
      recipients: string[];
      language: ReminderLanguage;
      items: ReminderItem[];
    }> = [];
    for (const [tenantId, byPerson] of plan) {
      const groupsOfTenant = new Map<string, (typeof sends)[number]>();
      for (const [recipient, itemsByStep] of byPerson) {
        if (sentToday.has(`${tenantId} ${recipient}`)) {
          run.alreadySent += 1;
          continue;
        }
        const items = [...itemsByStep.values()].sort(
          (a, b) =>
            getStepDefinition(a.stepId).order -
            getStepDefinition(b.stepId).order,
        );
        const language = languages.get(recipient) ?? settings.language;
        const content = JSON.stringify(items);
        ledger.push({
          tenant_id: tenantId,
          recipient,
          day,
          content,
          sent_at: now,
        });
        const key = `${language} ${content}`;
        const existing = groupsOfTenant.get(key);
        if (existing) {
          existing.recipients.push(recipient);
        } else {
          const send = { tenantId, recipients: [recipient], language, items };
          groupsOfTenant.set(key, send);
          sends.push(send);
        }
      }
    }
    // At most one a day: written before sending (a replica stopped in
    // between loses a reminder rather than sending it twice), removed
    // again when the notification cannot be sent.
    await this.options.db.transaction(async tx => {
      for (let i = 0; i < ledger.length; i += 500) {
        await tx('cloud_reminders')
          .insert(ledger.slice(i, i + 500))
          .onConflict(['tenant_id', 'recipient', 'day'])
          .ignore();
      }
    });
    for (const send of sends) {
      const step = tenants.get(send.tenantId)!;
      const application = applications.get(step.application);
      const text = reminderText(
        send.language,
        {
          application: application?.title ?? step.application,
          environment: step.environment,
          establishment:
            titles.get(groupRef(step.establishment)) ?? step.establishment,
        },
        send.items,
      );
      // the tenant's onboarding, at the first step the reminder names
      const path = `${tenantPagePath(step.tenant)}#step-${
        send.items[0].stepId
      }`;
      try {
        await this.options.notifications.send({
          recipients: { type: 'entity', entityRef: send.recipients },
          payload: {
            ...text,
            link: this.options.baseUrl
              ? `${this.options.baseUrl.replace(/\/+$/, '')}${path}`
              : path,
            severity: send.items.some(i => i.kind !== 'due-soon')
              ? 'high'
              : 'normal',
            topic: REMINDER_NOTIFICATION_TOPIC,
            scope: `${REMINDER_NOTIFICATION_TOPIC}:${step.tenant}:${day}`,
          },
        });
        run.sent += send.recipients.length;
        run.notifications += 1;
      } catch (error) {
        run.failed += send.recipients.length;
        await this.options
          .db('cloud_reminders')
          .where({ tenant_id: send.tenantId, day })
          .whereIn('recipient', send.recipients)
          .delete();
        logger.warn(
          `Could not send the reminder of tenant ${
            step.tenant
          } to ${send.recipients.join(
            ', ',
          )}; it is retried on the next run: ${error}`,
        );
      }
    }
    return run;
  }

  /** The steps due before the horizon, neither settled nor blocked. */
  private async dueSteps(now: Date): Promise<DueStep[]> {
    const horizon = new Date(
      now.getTime() + this.options.settings.dueSoonDays * DAY_MS,
    );
    const rows = await this.options
      .db('cloud_onboarding_steps as s')
      .join('cloud_tenants as t', 't.id', 's.tenant_id')
      .whereIn('s.status', ['todo', 'in_progress'])
      .whereNotNull('s.due_date')
      .where('s.due_date', '<=', horizon)
      .where('t.decommissioned', false)
      .where('t.suspended', false)
      .select(
        't.id as tenant_id',
        't.name',
        't.application',
        't.establishment',
        't.environment',
        's.step_id',
        's.due_date',
      );
    return rows
      .filter(row => isOnboardingStepId(row.step_id))
      .map(row => ({
        tenantId: row.tenant_id,
        tenant: row.name,
        application: row.application,
        establishment: row.establishment,
        environment: row.environment,
        stepId: row.step_id,
        dueDate: toIso(row.due_date),
      }));
  }

  private async applications(
    names: string[],
    credentials: Awaited<ReturnType<AuthService['getOwnServiceCredentials']>>,
  ) {
    const { items } = await this.options.catalog.getEntitiesByRefs(
      {
        entityRefs: names.map(name =>
          stringifyEntityRef({
            kind: 'application',
            namespace: 'default',
            name,
          }),
        ),
        fields: [
          'metadata.name',
          'metadata.title',
          'spec.owner',
          'spec.productOwner',
        ],
      },
      { credentials },
    );
    const result = new Map<
      string,
      { title?: string; team?: string; productOwner?: string }
    >();
    items.forEach((entity, index) => {
      if (!entity) {
        this.options.logger.warn(
          `Application ${names[index]} is not in the catalog: its tenants' Amue steps are reminded to nobody`,
        );
        return;
      }
      const productOwner = entity.spec?.productOwner;
      result.set(names[index], {
        title: entity.metadata.title,
        team: ownerGroupRef(entity.spec?.owner),
        productOwner:
          typeof productOwner === 'string' && productOwner
            ? stringifyEntityRef(
                parseEntityRef(productOwner, {
                  defaultKind: 'user',
                  defaultNamespace: 'default',
                }),
              )
            : undefined,
      });
    });
    return result;
  }

  private async titles(
    refs: string[],
    credentials: Awaited<ReturnType<AuthService['getOwnServiceCredentials']>>,
  ): Promise<Map<string, string>> {
    const { items } = await this.options.catalog.getEntitiesByRefs(
      {
        entityRefs: refs,
        fields: ['metadata.title', 'spec.profile.displayName'],
      },
      { credentials },
    );
    const titles = new Map<string, string>();
    items.forEach((entity, index) => {
      const title =
        (entity?.spec?.profile as { displayName?: string } | undefined)
          ?.displayName ?? entity?.metadata.title;
      if (title) {
        titles.set(refs[index], title);
      }
    });
    return titles;
  }

  /** The Users member of the groups, with their language. */
  private async members(
    groups: string[],
    credentials: Awaited<ReturnType<AuthService['getOwnServiceCredentials']>>,
  ): Promise<Person[]> {
    const people = new Map<string, Person>();
    for (let i = 0; i < groups.length; i += 100) {
      const chunk = groups.slice(i, i + 100);
      const { items } = await this.options.catalog.getEntities(
        {
          // One filter with the groups as its values (the catalog's IN),
          // not one filter per group: 50 filters joined by OR took the
          // catalog's PostgreSQL 7 s each, 3,481 establishments minutes.
          filter: { kind: 'User', 'relations.memberOf': chunk },
          fields: [
            'kind',
            'metadata.name',
            'metadata.namespace',
            'metadata.annotations',
            'relations',
          ],
        },
        { credentials },
      );
      for (const entity of items) {
        const person = toPerson(entity);
        people.set(person.ref, person);
      }
    }
    return [...people.values()];
  }
}

function groupRef(name: string): string {
  return stringifyEntityRef({ kind: 'group', namespace: 'default', name });
}

function toPerson(entity: Entity): Person {
  const annotated = entity.metadata.annotations?.[LANGUAGE_ANNOTATION];
  return {
    ref: stringifyEntityRef(entity),
    language: (REMINDER_LANGUAGES as readonly string[]).includes(
      annotated ?? '',
    )
      ? (annotated as ReminderLanguage)
      : undefined,
    groups: new Set(
      (entity.relations ?? [])
        .filter(r => r.type === RELATION_MEMBER_OF)
        .map(r => r.targetRef),
    ),
  };
}
