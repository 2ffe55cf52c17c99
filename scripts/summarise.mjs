// Adds up every suite's report in a folder and prints CI's closing line; exits 1 on any failure.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
let passed = 0;
let failed = 0;
for (const file of readdirSync(dir).sort()) {
  const report = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
  if (file.endsWith('.check.json')) {
    passed += report.passed;
    failed += report.failed;
    if (report.failed) console.log(`FAILED: ${report.name}`);
    continue;
  }
  // A vitest JSON report. A file that failed to load has no failed test but a failed suite.
  const brokenFiles = (report.testResults ?? []).filter(
    (r) => r.status === 'failed' && (r.assertionResults ?? []).every((a) => a.status !== 'failed'),
  );
  passed += report.numPassedTests;
  failed += report.numFailedTests + brokenFiles.length;
  for (const r of report.testResults ?? []) {
    for (const a of r.assertionResults ?? [])
      if (a.status === 'failed') {
        console.log(`FAILED: ${path.relative(process.cwd(), r.name)} > ${a.fullName}`);
        // CI keeps only the tail of the log, so the reason travels with the name.
        for (const line of (a.failureMessages ?? []).join('\n').split('\n').slice(0, 12)) console.log(`  ${line}`);
      }
  }
  for (const r of brokenFiles) console.log(`FAILED: ${r.name}: ${String(r.message).split('\n')[0]}`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
