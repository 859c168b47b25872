// Every module page of the sample, before and after a learner works through
// it, on a phone and on a desktop, in the source locale (English) and in
// Arabic (right to left): axe-core finds no serious or critical violation,
// and the layout runs in the locale's direction without scrolling sideways.
// Screenshots go to tmp/e2e/screenshots for people to look at.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { VIEWPORTS, assertCleanTraffic } from './lib/browser.mjs';
import { exportSample, localizeModule } from './lib/cli.mjs';
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

// layoutProblems checks what a right-to-left bug shows first: the page's
// language and direction, a page wider than the screen, player strings in
// another script, and the title or the header's logo starting on the wrong
// side. It returns one line per problem.
async function layoutProblems(page, { lang, dir, script }) {
  return page.evaluate(({ lang, dir, script }) => {
    const problems = [];
    const html = document.documentElement;
    if (html.getAttribute('lang') !== lang || html.getAttribute('dir') !== dir) {
      problems.push(`<html lang="${html.getAttribute('lang')}" dir="${html.getAttribute('dir')}">, want lang="${lang}" dir="${dir}"`);
    }
    const direction = getComputedStyle(document.body).direction;
    if (direction !== dir) problems.push(`the body runs ${direction}, want ${dir}`);
    if (html.scrollWidth > html.clientWidth) {
      problems.push(`the page is ${html.scrollWidth}px wide on a ${html.clientWidth}px screen: it scrolls sideways`);
    }
    const skip = document.querySelector('a.skip')?.textContent ?? '';
    if (!new RegExp(script, 'u').test(skip)) problems.push(`the skip link reads ${JSON.stringify(skip)}: not in the locale's script`);

    // The title's first line starts at the start edge of the title's box
    // (right in rtl). Bidi runs split a line into several rectangles.
    const h1 = document.querySelector('main h1');
    const range = document.createRange();
    range.selectNodeContents(h1);
    const rects = [...range.getClientRects()];
    const top = Math.min(...rects.map((r) => r.top));
    const first = rects.filter((r) => Math.abs(r.top - top) < 2);
    const box = h1.getBoundingClientRect();
    const cs = getComputedStyle(h1);
    const gap = dir === 'rtl'
      ? box.right - parseFloat(cs.paddingRight) - Math.max(...first.map((r) => r.right))
      : Math.min(...first.map((r) => r.left)) - box.left - parseFloat(cs.paddingLeft);
    if (Math.abs(gap) > 2) problems.push(`the title starts ${Math.round(gap)}px away from its ${dir === 'rtl' ? 'right' : 'left'} edge`);

    // The logo comes first in the header: on the right in rtl.
    const logo = document.querySelector('.top .logo')?.getBoundingClientRect();
    const name = document.querySelector('.top .project')?.getBoundingClientRect();
    if (!logo || !name) problems.push('the header has no logo or project name');
    else if (dir === 'rtl' ? logo.left < name.right - 1 : logo.right > name.left + 1) {
      problems.push(`the logo (${Math.round(logo.left)}-${Math.round(logo.right)}px) is not on the ${dir === 'rtl' ? 'right' : 'left'} of the project name (${Math.round(name.left)}-${Math.round(name.right)}px)`);
    }
    return problems;
  }, { lang, dir, script });
}

// The sample's source locale, and its right-to-left target.
const LOCALES = [
  { locale: undefined, lang: 'en', dir: 'ltr', script: '\\p{Script=Latin}' },
  { locale: 'ar', lang: 'ar', dir: 'rtl', script: '\\p{Script=Arabic}' },
];

describe('accessibility (axe-core), layout and screenshots', { skip: !sample }, () => {
  for (const { locale, ...expect } of LOCALES) {
    for (const source of sample?.modules ?? []) {
      const module = locale ? localizeModule(source, sample.translations[locale] ?? []) : source;
      const label = locale ? `${module.id}-${locale}` : module.id;
      for (const [device, viewport] of Object.entries(VIEWPORTS)) {
        test(`${module.id}${locale ? ` in ${locale}` : ''} on a ${device}`, async (t) => {
          if (!h.ready(t)) return;
          const pkg = (await exportSample('web', locale)).find((p) => p.module === module.id);
          assert.ok(pkg, `export wrote no web package for module ${module.id}`);
          assert.equal(pkg.locale, expect.lang, 'the package locale');
          const url = h.server.mount(`${label}-web`, pkg.dir);
          const page = await h.page({ viewport });
          const shots = artifactsDir('screenshots');
          try {
            await page.goto(url + 'index.html');
            await page.screenshot({ path: path.join(shots, `${label}-${device}-start.png`), fullPage: true });
            assert.deepEqual(await axeViolations(page), [], 'on first load');
            assert.deepEqual(await layoutProblems(page, expect), [], 'layout on first load');
            await new Learner(page, page, module).work();
            await page.screenshot({ path: path.join(shots, `${label}-${device}-done.png`), fullPage: true });
            assert.deepEqual(await axeViolations(page), [], 'after working through the module');
            assert.deepEqual(await layoutProblems(page, expect), [], 'layout after working through the module');
            assertCleanTraffic(assert, page);
          } finally {
            await page.context().close();
          }
        });
      }
    }
  }
});
