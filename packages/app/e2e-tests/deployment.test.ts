import { expect, test } from '@playwright/test';
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { signInAs } from './personas';
import { api, tokenOf } from './support';

/*
 * Provisioning read back from the deployment (issue 14), on the running
 * portal: Claire requests an instance through the scaffolder (the task
 * commits its descriptors to the GitOps repository), Marc approves it; with
 * Claire's onboarding page open, Argo CD's recorded "Synced and Healthy"
 * notification for that commit, signed with the secret of
 * app-config.e2e.yaml, arrives on the events backend's HTTP ingress: the
 * provisioning step turns done without a reload, signed by the deployment,
 * and the instance's address shows. A forged notification is refused.
 *
 * Its own data: a CapLab instance of Bordeaux that does not exist yet
 * (the demo data and the other journeys leave them unused).
 */

const BORDEAUX_UAI = '0333298F';
const CANDIDATES = ['preproduction', 'formation', 'production'];

const ROOT = path.resolve(__dirname, '../../..');
/** The shared secret of app-config.e2e.yaml. */
const SECRET = /webhookSecret:\s*(\S+)/.exec(
  fs.readFileSync(path.join(ROOT, 'app-config.e2e.yaml'), 'utf8'),
)![1];
/** Argo CD's recorded notification, as the portal's template renders it. */
const RECORDED = JSON.parse(
  fs.readFileSync(
    path.join(
      ROOT,
      'plugins/cloud-common/src/__fixtures__/argocd/synced-healthy.json',
    ),
    'utf8',
  ),
);

const sign = (body: string, secret = SECRET) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

test('a signed Argo CD "Healthy" notification completes provisioning, live', async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(180_000);
  const claire = await tokenOf(request, 'claire.dubois');
  const marc = await tokenOf(request, 'marc.petit');

  // A tenant of its own.
  const existing = await request.get(
    api(`/api/cloud/tenants?establishment=etab-0333298f&limit=500`),
    { headers: { Authorization: marc } },
  );
  expect(existing.status()).toBe(200);
  const names = new Set(
    (await existing.json()).items.map((t: { name: string }) => t.name),
  );
  const environment = CANDIDATES.find(
    e => !names.has(`caplab-${BORDEAUX_UAI.toLowerCase()}-${e}`),
  );
  if (!environment) {
    throw new Error(
      'Every CapLab instance of Bordeaux exists already: run on a fresh database (a new AMUE_DATA_DIR).',
    );
  }
  const name = `caplab-${BORDEAUX_UAI.toLowerCase()}-${environment}`;
  const url = `https://caplab-${BORDEAUX_UAI.toLowerCase()}.${
    environment === 'production' ? '' : `${environment}.`
  }cloud.amue.fr/`;

  // Claire's request, through the template: its descriptors are committed.
  const task = await request.post(api('/api/scaffolder/v2/tasks'), {
    headers: { Authorization: claire },
    data: {
      templateRef: 'template:default/demander-une-instance',
      values: {
        uai: BORDEAUX_UAI,
        application: 'application:default/caplab',
        environments: [environment],
        version: '2026.2',
        migration: false,
        contacts: [
          { name: 'Claire Dubois', email: 'claire.dubois@u-bordeaux.fr' },
        ],
      },
    },
  });
  expect(task.status(), await task.text()).toBe(201);
  const { id } = await task.json();
  await expect
    .poll(
      async () =>
        (
          await (
            await request.get(api(`/api/scaffolder/v2/tasks/${id}`), {
              headers: { Authorization: claire },
            })
          ).json()
        ).status,
      { timeout: 90_000 },
    )
    .toBe('completed');
  const events = await request.get(
    api(`/api/scaffolder/v2/tasks/${id}/events`),
    { headers: { Authorization: claire } },
  );
  const revision = /commit `([0-9a-f]{40})`/.exec(
    JSON.stringify(await events.json()),
  )?.[1];
  expect(revision).toMatch(/^[0-9a-f]{40}$/);

  // Marc (administrator) approves it: provisioning may start.
  const details = await request.get(api(`/api/cloud/tenants/${name}`), {
    headers: { Authorization: marc },
  });
  const qualification = (await details.json()).steps.find(
    (s: { id: string }) => s.id === 'qualification',
  );
  const decision = await request.post(
    api(`/api/cloud/tenants/${name}/decision`),
    {
      headers: { Authorization: marc },
      data: { decision: 'approve', rowVersion: qualification.rowVersion },
    },
  );
  expect(decision.status(), await decision.text()).toBe(200);

  // Claire's page is open, provisioning waiting.
  await signInAs(page, 'Claire Dubois');
  await page.goto(`/cloud/tenants/${name}`);
  const provisioning = page.getByRole('listitem').filter({
    has: page.getByRole('heading', { level: 3, name: '3. Provisionnement' }),
  });
  await expect(provisioning.locator('[data-step-status]')).toHaveAttribute(
    'data-step-status',
    'todo',
  );
  await expect(page.getByText('Pas encore déployée')).toBeVisible();
  let reloads = 0;
  page.on('framenavigated', frame => {
    if (frame === page.mainFrame()) {
      reloads += 1;
    }
  });

  // A forged notification (signed with another secret) is refused.
  const body = JSON.stringify({
    ...RECORDED,
    app: name,
    revision,
    externalURLs: [url],
  });
  const forged = await request.post(api('/api/events/http/argocd'), {
    headers: {
      'content-type': 'application/json',
      'x-amue-signature': sign(body, `${SECRET}-forged`),
    },
    data: body,
  });
  expect(forged.status()).toBe(403);
  await expect(provisioning.locator('[data-step-status]')).toHaveAttribute(
    'data-step-status',
    'todo',
  );

  // Argo CD's notification, signed.
  const notified = await request.post(api('/api/events/http/argocd'), {
    headers: {
      'content-type': 'application/json',
      'x-amue-signature': sign(body),
    },
    data: body,
  });
  expect(notified.status(), await notified.text()).toBe(202);

  // Live: done, signed by the deployment, the address shown.
  await expect(provisioning.locator('[data-step-status]')).toHaveAttribute(
    'data-step-status',
    'done',
  );
  await expect(provisioning).toContainText('Déploiement (Argo CD)');
  await expect(page.getByRole('link', { name: url })).toBeVisible();
  await expect(
    page
      .getByRole('list', { name: 'Historique' })
      .getByText('Déploiement (Argo CD)'),
  ).toBeVisible();
  expect(reloads).toBe(0);
  await page.screenshot({ path: testInfo.outputPath('address.png') });
  await provisioning.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('provisioning-done.png') });
});
