// Summarises a V8 CPU profile (.cpuprofile): the share of samples of the
// busiest functions by self time, and by inclusive time grouped by package
// (node_modules/<package> or the repository's own code).
//   node packages/bench/src/profileSummary.js FILE [TOP]
const fs = require('node:fs');

const [file, topArg] = process.argv.slice(2);
const top = Number(topArg ?? 30);
const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map(n => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) {
  for (const c of n.children ?? []) parent.set(c, n.id);
}
const selfCount = new Map();
for (const id of profile.samples) {
  selfCount.set(id, (selfCount.get(id) ?? 0) + 1);
}
const total = profile.samples.length;
const idleIds = new Set(
  profile.nodes
    .filter(n => ['(idle)', '(program)'].includes(n.callFrame.functionName))
    .map(n => n.id),
);
let idle = 0;
for (const id of idleIds) idle += selfCount.get(id) ?? 0;

const packageOf = url => {
  if (!url) return '(native)';
  const m = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/g);
  if (m) return m[m.length - 1].replace('node_modules/', '');
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  const own = url.match(/(plugins|packages)\/([^/]+)/);
  return own ? `${own[1]}/${own[2]}` : url;
};
const label = n =>
  `${n.callFrame.functionName || '(anonymous)'} ${packageOf(n.callFrame.url)}:${
    n.callFrame.lineNumber + 1
  }`;

const bySelf = new Map();
const byPackageSelf = new Map();
const byPackageInclusive = new Map();
for (const [id, count] of selfCount) {
  if (idleIds.has(id)) continue;
  const n = nodes.get(id);
  bySelf.set(label(n), (bySelf.get(label(n)) ?? 0) + count);
  const pkg = packageOf(n.callFrame.url);
  byPackageSelf.set(pkg, (byPackageSelf.get(pkg) ?? 0) + count);
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const p = packageOf(nodes.get(cur).callFrame.url);
    if (!seen.has(p)) {
      seen.add(p);
      byPackageInclusive.set(p, (byPackageInclusive.get(p) ?? 0) + count);
    }
  }
}
const busy = total - idle;
const pct = c => `${((100 * c) / busy).toFixed(1)} %`;
const seconds = (profile.endTime - profile.startTime) / 1e6;
console.log(
  `${file}: ${seconds.toFixed(1)} s, ${total} samples, busy ${(
    (100 * busy) /
    total
  ).toFixed(1)} % (shares below are of the busy samples)`,
);
const print = (title, map) => {
  console.log(`\n${title}`);
  [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .forEach(([k, c]) => console.log(`  ${pct(c).padStart(7)}  ${k}`));
};
print('self time by function', bySelf);
print('self time by package', byPackageSelf);
print('inclusive time by package', byPackageInclusive);
