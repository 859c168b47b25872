// The credential a module earns, as a learner meets it: the player's "What
// you earn" section links to credential/index.html, which opens in a new tab,
// loads the player's stylesheets under the package's CSP, makes no outside
// request, passes axe-core and offers the machine-readable files.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { VIEWPORTS, assertCleanTraffic } from './lib/browser.mjs';
import { exportSample } from './lib/cli.mjs';
import { repoRoot } from './lib/env.mjs';
import { loadSample, useHarness } from './lib/harness.mjs';

const h = useHarness();
const sample = await loadSample();
const AXE = path.join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js');
const credential = sample?.project.credentials?.[0];

async function seriousViolations(page) {
  await page.evaluate(readFileSync(AXE, 'utf8'));
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id} (${v.targets.join(', ')})`);
}

describe('credential summary page', { skip: !sample }, () => {
  for (const format of ['web', 'scorm2004']) {
    for (const [device, viewport] of Object.entries(VIEWPORTS)) {
      test(`${format} on a ${device}: the player links to a readable credential page`, async (t) => {
        if (!h.ready(t)) return;
        const module = sample.modules[0];
        const pkg = (await exportSample(format)).find((p) => p.module === module.id);
        assert.ok(pkg, `no ${format} package for ${module.id}`);
        const url = h.server.mount(`${module.id}-${format}-credential`, pkg.dir);
        const page = await h.page({ viewport });
        try {
          await page.goto(url + 'index.html');
          const earn = page.locator('section.earn');
          await earn.waitFor();
          assert.equal(await earn.locator('h3').first().textContent(), credential.title);
          const link = earn.locator('a[href="credential/index.html"]');
          assert.equal(await link.getAttribute('target'), '_blank');
          const [summary] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
          const errors = []; // CSP violations are reported as console errors
          summary.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
          summary.on('pageerror', (err) => errors.push(String(err)));
          await summary.waitForLoadState('load');
          assert.equal(await summary.locator('h1').textContent(), credential.title);
          // player.css applied: the facts list is a grid, not a browser default.
          const display = await summary.locator('dl.facts').evaluate((el) => getComputedStyle(el).display);
          assert.equal(display, 'grid');
          const badge = summary.locator('img.badge');
          assert.ok(await badge.evaluate((img) => img.complete && img.naturalWidth > 0), 'badge did not load');
          for (const href of ['achievement.json', 'microcredential.jsonld']) {
            const res = await summary.request.get(new URL(href, summary.url()).href);
            assert.equal(res.status(), 200, href);
            assert.ok((await res.json()).id.startsWith('urn:uuid:'), `${href} has no id`);
          }
          assert.deepEqual(await seriousViolations(summary), []);
          assert.deepEqual(errors, [], 'errors on the credential page');
          assertCleanTraffic(assert, page);
        } finally {
          await page.context().close();
        }
      });
    }
  }
});
