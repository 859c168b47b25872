// The sample module with the most to do can be completed with the keyboard
// alone: Tab and Shift+Tab to reach each control, Space, Enter and the arrow
// keys to use it. No mouse event is sent.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertCleanTraffic } from './lib/browser.mjs';
import { exportSample } from './lib/cli.mjs';
import { loadSample, useHarness } from './lib/harness.mjs';
import { Learner, expectedScore, interactionCount, results, scorePattern } from './lib/learner.mjs';

const h = useHarness();
const sample = await loadSample();

test('the busiest sample module can be completed with the keyboard only', { skip: !sample }, async (t) => {
  if (!h.ready(t)) return;
  const module = sample.modules.reduce((a, b) => (interactionCount(b) > interactionCount(a) ? b : a));
  const pkg = (await exportSample('web')).find((p) => p.module === module.id);
  assert.ok(pkg, `export wrote no web package for module ${module.id}`);
  const url = h.server.mount(`${module.id}-web`, pkg.dir);
  const page = await h.page();
  try {
    await page.goto(url + 'index.html');

    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      const el = document.activeElement;
      const s = getComputedStyle(el);
      return { tag: el.tagName, outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0, shadow: s.boxShadow !== 'none' };
    });
    assert.notEqual(focus.tag, 'BODY', 'Tab moves focus into the page');
    assert.ok(focus.outline || focus.shadow, `the focused ${focus.tag} shows a visible focus indicator`);

    await new Learner(page, page, module, { keyboard: true }).work();
    const shown = await results(page);
    assert.ok(shown.shown, 'the results panel is shown at the end');
    const score = expectedScore(module, () => 'right');
    if (score !== undefined) assert.match(shown.score || shown.text, scorePattern(score));
    assertCleanTraffic(assert, page);
  } finally {
    await page.context().close();
  }
});
