// Every module page of the sample, before and after a learner works through
// it, on a phone and on a desktop: axe-core finds no serious or critical
// violation. Screenshots go to tmp/e2e/screenshots for people to look at.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { VIEWPORTS, assertCleanTraffic } from './lib/browser.mjs';
import { exportSample } from './lib/cli.mjs';
import { artifactsDir, repoRoot } from './lib/env.mjs';
import { loadSample, useHarness } from './lib/harness.mjs';
import { Learner } from './lib/learner.mjs';

const h = useHarness();
const sample = await loadSample();
const AXE = path.join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js');

// axeViolations runs axe-core in the page (evaluated through the DevTools
// protocol, so the package's CSP stays untouched) and returns the serious and
// critical violations, one line each.
async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.evaluate(readFileSync(AXE, 'utf8'));
  }
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.targets.join(', ')})`);
}

describe('accessibility (axe-core) and screenshots', { skip: !sample }, () => {
  for (const module of sample?.modules ?? []) {
    for (const [device, viewport] of Object.entries(VIEWPORTS)) {
      test(`${module.id} on a ${device}`, async (t) => {
        if (!h.ready(t)) return;
        const pkg = (await exportSample('web')).find((p) => p.module === module.id);
        assert.ok(pkg, `export wrote no web package for module ${module.id}`);
        const url = h.server.mount(`${module.id}-web`, pkg.dir);
        const page = await h.page({ viewport });
        const shots = artifactsDir('screenshots');
        try {
          await page.goto(url + 'index.html');
          await page.screenshot({ path: path.join(shots, `${module.id}-${device}-start.png`), fullPage: true });
          assert.deepEqual(await axeViolations(page), [], 'on first load');
          await new Learner(page, page, module).work();
          await page.screenshot({ path: path.join(shots, `${module.id}-${device}-done.png`), fullPage: true });
          assert.deepEqual(await axeViolations(page), [], 'after working through the module');
          assertCleanTraffic(assert, page);
        } finally {
          await page.context().close();
        }
      });
    }
  }
});
