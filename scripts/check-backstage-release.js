#!/usr/bin/env node
/*
 * Checks that every @backstage/* package in yarn.lock resolves to exactly one
 * version, the one pinned in the root package.json "resolutions" (taken from
 * the release manifest of the Backstage version in backstage.json).
 */
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const pinned = JSON.parse(
  fs.readFileSync(path.join(root, 'package.json'), 'utf8'),
).resolutions;
const release = JSON.parse(
  fs.readFileSync(path.join(root, 'backstage.json'), 'utf8'),
).version;
const lock = fs.readFileSync(path.join(root, 'yarn.lock'), 'utf8');

const found = new Map();
for (const m of lock.matchAll(/^  resolution: "(@backstage\/[^@"]+)@npm:([^"]+)"$/gm)) {
  const versions = found.get(m[1]) ?? new Set();
  versions.add(m[2]);
  found.set(m[1], versions);
}

const problems = [];
for (const [name, versions] of [...found].sort()) {
  if (!pinned[name]) {
    problems.push(`${name} is not pinned in package.json resolutions (release ${release})`);
  } else if (versions.size !== 1 || !versions.has(pinned[name])) {
    problems.push(`${name} resolves to ${[...versions].join(', ')}, expected ${pinned[name]}`);
  }
}
if (problems.length) {
  console.error(`Backstage packages are not all on release ${release}:`);
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
console.log(`${found.size} @backstage packages, all on release ${release}`);
