/*
 * The Kubernetes manifests of deploy/ (Kustomize base and production
 * overlay), built with the Kustomize subset of ./kustomize.ts, validated
 * against the Kubernetes schemas (npm kubernetes-models) and checked for the
 * invariants of a replicated deployment of the portal.
 */
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import YAML from 'yaml';
import { Deployment } from 'kubernetes-models/apps/v1';
import {
  ConfigMap,
  Namespace,
  Service,
  ServiceAccount,
} from 'kubernetes-models/v1';
import { Ingress, NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import {
  kustomizeBuild,
  Manifest,
  strategicMerge,
} from './__testUtils__/kustomize';

const root = path.resolve(__dirname, '../../../..');
const deployDir = path.join(root, 'deploy');

const MODELS: Record<string, new (data: any) => { validate(): void }> = {
  'apps/v1/Deployment': Deployment,
  'v1/ConfigMap': ConfigMap,
  'v1/Namespace': Namespace,
  'v1/Service': Service,
  'v1/ServiceAccount': ServiceAccount,
  'networking.k8s.io/v1/Ingress': Ingress,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
};

/** Custom resources of operators, checked by hand (no schema here). */
const CUSTOM = new Set(['postgresql.cnpg.io/v1/Cluster']);

const HEALTH_PATHS = [
  '/.backstage/health/v1/readiness',
  '/.backstage/health/v1/liveness',
];

const SECRET_NAME = /SECRET|PASSWORD|TOKEN|PRIVATE|CREDENTIAL|API_?KEY/i;

/** Environment variables app-config.production.yaml reads: name → has a default. */
function productionConfigVariables(): Map<string, boolean> {
  const text = fs.readFileSync(
    path.join(root, 'app-config.production.yaml'),
    'utf8',
  );
  const vars = new Map<string, boolean>();
  for (const line of text.split('\n')) {
    if (line.trim().startsWith('#')) continue;
    for (const m of line.matchAll(
      /\$\{([A-Za-z_][A-Za-z0-9_]*)(:-[^}]*)?\}/g,
    )) {
      vars.set(m[1], Boolean(m[2]) || vars.get(m[1]) === true);
    }
  }
  return vars;
}

function find(manifests: Manifest[], kind: string): Manifest[] {
  return manifests.filter(m => m.kind === kind);
}

function one(manifests: Manifest[], kind: string): Manifest {
  const found = find(manifests, kind);
  expect(found).toHaveLength(1);
  return found[0];
}

function matches(
  selector: Record<string, string>,
  labels: Record<string, string>,
) {
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}

function allStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach(v => allStrings(v, out));
  else if (value && typeof value === 'object')
    Object.values(value).forEach(v => allStrings(v, out));
  return out;
}

describe('the schema validation', () => {
  it('rejects a manifest that breaks the Kubernetes schema', () => {
    const [deployment] = kustomizeBuild(path.join(deployDir, 'base')).filter(
      m => m.kind === 'Deployment',
    );
    expect(() =>
      new Deployment({
        ...deployment,
        spec: { ...deployment.spec, replicas: 'two' },
      } as any).validate(),
    ).toThrow(/replicas/);
  });
});

describe('the Kustomize subset', () => {
  it('merges containers and env by name and replaces other lists', () => {
    const target = {
      spec: {
        tls: [{ hosts: ['a'] }],
        containers: [
          { name: 'x', image: 'i', env: [{ name: 'A', value: '1' }] },
        ],
      },
    };
    const merged = strategicMerge(target, {
      spec: {
        tls: [{ hosts: ['b'] }],
        containers: [{ name: 'x', env: [{ name: 'B', value: '2' }] }],
      },
    });
    expect(merged.spec.tls).toEqual([{ hosts: ['b'] }]);
    expect(merged.spec.containers).toEqual([
      {
        name: 'x',
        image: 'i',
        env: [
          { name: 'A', value: '1' },
          { name: 'B', value: '2' },
        ],
      },
    ]);
  });
});

describe.each(['base', 'production'])('deploy/%s', variant => {
  const manifests = kustomizeBuild(path.join(deployDir, variant));
  const deployment = one(manifests, 'Deployment');
  const pod = deployment.spec.template;
  const container = pod.spec.containers[0];
  const envNames = new Set<string>(container.env.map((e: any) => e.name));

  it('is valid against the Kubernetes schemas', () => {
    for (const manifest of manifests) {
      const id = `${manifest.apiVersion}/${manifest.kind}`;
      if (CUSTOM.has(id)) continue;
      const Model = MODELS[id];
      expect({ id, known: Boolean(Model) }).toEqual({ id, known: true });
      expect(() => new Model(manifest).validate()).not.toThrow();
    }
  });

  it('runs at least two replicas, rolling one at a time without losing capacity', () => {
    expect(deployment.spec.replicas).toBeGreaterThanOrEqual(2);
    expect(deployment.spec.strategy).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { maxSurge: 1, maxUnavailable: 0 },
    });
    expect(
      matches(deployment.spec.selector.matchLabels, pod.metadata.labels),
    ).toBe(true);
  });

  it('gives the graceful shutdown of the backend time to finish', () => {
    const config = YAML.parse(
      fs.readFileSync(path.join(root, 'app-config.production.yaml'), 'utf8'),
    );
    const delay = config.backend.lifecycle.serverShutdownDelay.seconds;
    expect(delay).toBeGreaterThanOrEqual(5);
    expect(pod.spec.terminationGracePeriodSeconds).toBeGreaterThan(delay + 15);
  });

  it('probes the health endpoints of the backend on its port', () => {
    const port = container.ports.find((p: any) => p.name === 'http');
    expect(port.containerPort).toBe(
      Number(container.env.find((e: any) => e.name === 'PORT').value),
    );
    for (const probe of ['startupProbe', 'readinessProbe', 'livenessProbe']) {
      expect(HEALTH_PATHS).toContain(container[probe].httpGet.path);
      expect(container[probe].httpGet.port).toBe('http');
    }
    expect(container.readinessProbe.httpGet.path).toBe(HEALTH_PATHS[0]);
    expect(container.livenessProbe.httpGet.path).toBe(HEALTH_PATHS[1]);
  });

  it('runs the command of the container image', () => {
    const dockerfile = fs.readFileSync(
      path.join(root, 'packages/backend/Dockerfile'),
      'utf8',
    );
    const cmd = JSON.parse(/^CMD (.*)$/m.exec(dockerfile)![1]);
    expect([...container.command, ...container.args]).toEqual(cmd);
  });

  it('provides every environment variable app-config.production.yaml reads without a default', () => {
    const vars = productionConfigVariables();
    expect(vars.size).toBeGreaterThan(5);
    const missing = [...vars]
      .filter(([name, hasDefault]) => !hasDefault && !envNames.has(name))
      .map(([name]) => name);
    expect(missing).toEqual([]);
    const configMap = one(manifests, 'ConfigMap');
    const refs = container.env
      .map((e: any) => e.valueFrom?.configMapKeyRef)
      .filter(Boolean);
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.filter((r: any) => r.name !== configMap.metadata.name)).toEqual(
      [],
    );
    expect(
      refs.filter((r: any) => !Object.keys(configMap.data).includes(r.key)),
    ).toEqual([]);
  });

  it('holds no secret value: secrets are referenced from Secrets', () => {
    expect(find(manifests, 'Secret')).toEqual([]);
    const secretEnv = container.env.filter(
      (e: any) => SECRET_NAME.test(e.name) || e.name === 'POSTGRES_USER',
    );
    expect(secretEnv.length).toBeGreaterThanOrEqual(5);
    expect(
      secretEnv
        .filter(
          (e: any) =>
            e.value !== undefined ||
            !/^portail-amue-cloud-/.test(e.valueFrom?.secretKeyRef?.name),
        )
        .map((e: any) => e.name),
    ).toEqual([]);
    for (const configMap of find(manifests, 'ConfigMap')) {
      expect(
        Object.keys(configMap.data).filter(k => SECRET_NAME.test(k)),
      ).toEqual([]);
    }
    // Nothing that looks like a credential anywhere: no long random token,
    // no password in a URL.
    for (const s of allStrings(manifests)) {
      expect(s).not.toMatch(/:\/\/[^/\s:@]+:[^/\s@]+@/);
      expect(s).not.toMatch(/^[A-Za-z0-9+/_=-]{32,}$/);
    }
  });

  it('runs as non-root with a read-only root file system and writable scratch volumes', () => {
    expect(pod.spec.securityContext.runAsNonRoot).toBe(true);
    expect(pod.spec.securityContext.runAsUser).toBeGreaterThan(0);
    expect(container.securityContext).toMatchObject({
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
    });
    const mounts = Object.fromEntries(
      container.volumeMounts.map((m: any) => [m.mountPath, m.name]),
    );
    expect(Object.keys(mounts).sort()).toEqual(['/app/data', '/tmp']);
    for (const name of Object.values(mounts)) {
      const volume = pod.spec.volumes.find((v: any) => v.name === name);
      expect(volume.emptyDir).toBeDefined();
    }
    expect(container.resources.requests.cpu).toBeDefined();
    expect(container.resources.requests.memory).toBeDefined();
    expect(container.resources.limits.memory).toBeDefined();
  });

  it('routes the Service, the Ingress, the budget and the network policy to the backend pods', () => {
    const service = one(manifests, 'Service');
    expect(matches(service.spec.selector, pod.metadata.labels)).toBe(true);
    expect(service.spec.ports[0].targetPort).toBe('http');
    const ingress = one(manifests, 'Ingress');
    for (const rule of ingress.spec.rules) {
      for (const p of rule.http.paths) {
        expect(p.backend.service).toEqual({
          name: service.metadata.name,
          port: { name: service.spec.ports[0].name },
        });
      }
    }
    const pdb = one(manifests, 'PodDisruptionBudget');
    expect(matches(pdb.spec.selector.matchLabels, pod.metadata.labels)).toBe(
      true,
    );
    expect(pdb.spec.maxUnavailable).toBe(1);
    const policy = one(manifests, 'NetworkPolicy');
    expect(
      matches(policy.spec.podSelector.matchLabels, pod.metadata.labels),
    ).toBe(true);
    expect(policy.spec.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(
      policy.spec.ingress.flatMap((i: any) => i.ports.map((p: any) => p.port)),
    ).toEqual(['http', 'metrics']);
    // Metrics are scraped from the pods, never exposed by the Service.
    expect(service.spec.ports.map((p: any) => p.targetPort)).toEqual(['http']);
  });

  it('serves metrics from the instrumentation the container loads first', () => {
    const args = [...container.command, ...container.args];
    expect(args.slice(0, 3)).toEqual([
      'node',
      '--require',
      './instrumentation.js',
    ]);
    const metrics = container.ports.find((p: any) => p.name === 'metrics');
    expect(String(metrics.containerPort)).toBe(
      container.env.find((e: any) => e.name === 'METRICS_PORT').value,
    );
    expect(pod.metadata.annotations['prometheus.io/port']).toBe(
      String(metrics.containerPort),
    );
    const dockerfile = fs.readFileSync(
      path.join(root, 'packages/backend/Dockerfile'),
      'utf8',
    );
    expect(dockerfile).toContain(
      'COPY --chown=node:node packages/backend/src/instrumentation.js ./instrumentation.js',
    );
  });

  if (variant === 'production') {
    it('takes PostgreSQL from the operator, whose Secret the Deployment reads', () => {
      const cluster = one(manifests, 'Cluster');
      expect(cluster.apiVersion).toBe('postgresql.cnpg.io/v1');
      expect(cluster.spec.instances).toBeGreaterThanOrEqual(2);
      const owner = cluster.spec.bootstrap.initdb.owner;
      expect(cluster.spec.managed.roles).toContainEqual(
        expect.objectContaining({ name: owner, createdb: true, login: true }),
      );
      const dbSecret = `${cluster.metadata.name}-app`;
      for (const name of [
        'POSTGRES_HOST',
        'POSTGRES_USER',
        'POSTGRES_PASSWORD',
      ]) {
        const env = container.env.find((e: any) => e.name === name);
        expect(env.valueFrom.secretKeyRef.name).toBe(dbSecret);
      }
      expect(container.image).toMatch(
        /^registry\.amue\.fr\/portail-amue-cloud:\d/,
      );
      const namespace = one(manifests, 'Namespace').metadata.name;
      for (const m of manifests.filter(x => x.kind !== 'Namespace')) {
        expect(m.metadata.namespace).toBe(namespace);
      }
    });
  }
});

describe('the probe paths', () => {
  it('answer on a backend', async () => {
    const { server } = await startTestBackend({
      features: [mockServices.rootConfig.factory({ data: {} })],
    });
    for (const p of HEALTH_PATHS) {
      const res = await request(server).get(p);
      expect({ path: p, status: res.status }).toEqual({ path: p, status: 200 });
    }
  });
});
