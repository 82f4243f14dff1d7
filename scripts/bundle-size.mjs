// Weighs the JavaScript a patient's first page loads (the entry chunk and everything the patient
// dashboard route pulls in), gzipped, and fails when it is over the budget.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const budgetBytes = 200 * 1024;
const outDir = join(import.meta.dirname, '..', 'dist', 'web');
const manifest = JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8'));

const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
const dashboardKey = Object.keys(manifest).find((key) => key.endsWith('patient-dashboard-page.tsx'));
if (!entryKey || !dashboardKey) {
  console.error('bundle-size: the manifest lacks the entry or the patient dashboard chunk');
  process.exit(1);
}

const files = new Set();
const visit = (key) => {
  const chunk = manifest[key];
  if (!chunk || files.has(chunk.file)) return;
  files.add(chunk.file);
  for (const imported of chunk.imports ?? []) visit(imported);
};
visit(entryKey);
visit(dashboardKey);

let total = 0;
for (const file of [...files].filter((name) => name.endsWith('.js'))) {
  const size = gzipSync(readFileSync(join(outDir, file)), { level: 9 }).length;
  total += size;
  console.log(`  ${file.padEnd(48)} ${(size / 1024).toFixed(1).padStart(7)} KB gz`);
}
const verdict = total <= budgetBytes ? 'within' : 'OVER';
console.log(
  `Patient's first page: ${(total / 1024).toFixed(1)} KB of JavaScript gzipped (${verdict} the ${budgetBytes / 1024} KB budget)`,
);
if (total > budgetBytes) process.exit(1);
