// npm run licenses: lists every production dependency with its licence; fails on one that conflicts with EUPL-1.2.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isCompatible, productionDependencies } from './licenses/policy.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const own = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { license?: string };
const lock = JSON.parse(readFileSync(`${root}package-lock.json`, 'utf8'));
const dependencies = productionDependencies(lock);

const width = Math.max(...dependencies.map((d) => `${d.name}@${d.version}`.length));
const conflicts: typeof dependencies = [];
for (const dependency of dependencies) {
  const ok = isCompatible(dependency.license);
  if (!ok) conflicts.push(dependency);
  const id = `${dependency.name}@${dependency.version}`.padEnd(width);
  console.log(`${ok ? '  ' : '✗ '}${id}  ${dependency.license ?? '(no licence given)'}`);
}
console.log(
  `\n${dependencies.length} production dependencies; this project: ${own.license ?? '(none)'}`,
);
if (conflicts.length > 0) {
  console.error(
    `${conflicts.length} conflict with EUPL-1.2: ${conflicts.map((d) => d.name).join(', ')}`,
  );
  process.exitCode = 1;
} else {
  console.log('every licence is compatible with EUPL-1.2');
}
