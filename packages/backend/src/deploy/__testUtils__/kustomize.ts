/*
 * A small, strict subset of Kustomize, enough to build deploy/ without the
 * kustomize binary (not available on the project's machines) in tests:
 * `resources` (files and directories), `namespace`, `labels` (metadata
 * labels only, as `pairs` without selectors), `images` and `patches` given
 * as strategic-merge files. Strategic merge follows Kubernetes' merge keys
 * for the lists the manifests patch (containers, env, volumes,
 * volumeMounts, ports by name); other lists are replaced, as Kustomize
 * does for lists without a merge key. Any other Kustomization field throws,
 * so a manifest change that needs more cannot pass unnoticed.
 */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';

export type Manifest = {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    [key: string]: unknown;
  };
  [key: string]: any;
};

const SUPPORTED = new Set([
  'apiVersion',
  'kind',
  'resources',
  'namespace',
  'labels',
  'images',
  'patches',
]);

/** Kinds that are not namespaced, among those deploy/ uses. */
const CLUSTER_SCOPED = new Set(['Namespace']);

const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  ports: 'name',
};

function readYamlDocuments(file: string): any[] {
  return YAML.parseAllDocuments(fs.readFileSync(file, 'utf8'))
    .map(d => d.toJS())
    .filter(Boolean);
}

/** Strategic merge of a patch into a target (both plain objects). */
export function strategicMerge(target: any, patch: any, key?: string): any {
  if (Array.isArray(patch)) {
    const mergeKey = key ? MERGE_KEYS[key] : undefined;
    if (!mergeKey || !Array.isArray(target)) {
      return structuredClone(patch);
    }
    const result = target.map(item => structuredClone(item));
    for (const item of patch) {
      const i = result.findIndex(r => r?.[mergeKey] === item?.[mergeKey]);
      if (i >= 0) {
        result[i] = strategicMerge(result[i], item);
      } else {
        result.push(structuredClone(item));
      }
    }
    return result;
  }
  if (patch && typeof patch === 'object') {
    const result =
      target && typeof target === 'object' && !Array.isArray(target)
        ? { ...target }
        : {};
    for (const [k, v] of Object.entries(patch)) {
      if (v === null) {
        delete result[k];
      } else {
        result[k] = strategicMerge(result[k], v, k);
      }
    }
    return result;
  }
  return patch;
}

function podSpecs(manifest: Manifest): any[] {
  const spec = manifest.spec?.template?.spec;
  return spec ? [spec] : [];
}

/** Builds the Kustomization in `dir`, as `kustomize build dir` would. */
export function kustomizeBuild(dir: string): Manifest[] {
  const [kustomization] = readYamlDocuments(
    path.join(dir, 'kustomization.yaml'),
  );
  for (const field of Object.keys(kustomization)) {
    if (!SUPPORTED.has(field)) {
      throw new Error(
        `${dir}/kustomization.yaml: "${field}" is not supported by the test's Kustomize subset`,
      );
    }
  }
  let manifests: Manifest[] = [];
  for (const resource of kustomization.resources ?? []) {
    const p = path.resolve(dir, resource);
    manifests.push(
      ...(fs.statSync(p).isDirectory()
        ? kustomizeBuild(p)
        : (readYamlDocuments(p) as Manifest[])),
    );
  }
  for (const { path: patchPath, ...rest } of kustomization.patches ?? []) {
    if (!patchPath || Object.keys(rest).length) {
      throw new Error(
        `${dir}: only patches given as a strategic-merge file (path) are supported`,
      );
    }
    for (const patch of readYamlDocuments(path.resolve(dir, patchPath))) {
      const i = manifests.findIndex(
        m => m.kind === patch.kind && m.metadata.name === patch.metadata.name,
      );
      if (i < 0) {
        throw new Error(
          `${patchPath}: no ${patch.kind} named ${patch.metadata.name} to patch`,
        );
      }
      manifests[i] = strategicMerge(manifests[i], patch);
    }
  }
  for (const { pairs, ...rest } of kustomization.labels ?? []) {
    if (Object.keys(rest).length) {
      throw new Error(`${dir}: only labels given as pairs are supported`);
    }
    manifests = manifests.map(m => ({
      ...m,
      metadata: { ...m.metadata, labels: { ...m.metadata.labels, ...pairs } },
    }));
  }
  for (const image of kustomization.images ?? []) {
    for (const spec of manifests.flatMap(podSpecs)) {
      for (const container of spec.containers ?? []) {
        const [name, tag] = String(container.image).split(':');
        if (name === image.name) {
          container.image = `${image.newName ?? name}:${image.newTag ?? tag}`;
        }
      }
    }
  }
  if (kustomization.namespace) {
    manifests = manifests.map(m =>
      CLUSTER_SCOPED.has(m.kind)
        ? m
        : {
            ...m,
            metadata: { ...m.metadata, namespace: kustomization.namespace },
          },
    );
  }
  return manifests;
}
