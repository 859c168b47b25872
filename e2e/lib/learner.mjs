// A simulated learner working through a module in the player, driven only
// through the DOM hooks of the player contract (notes/PLAYER.md). The answer
// keys come from the module's JSON (authoring.Module as dumped by the CLI).
//
// Two ways of operating the page share one learner: with the mouse (clicks),
// or with the keyboard only (Tab/Shift+Tab to reach a control, then Space,
// Enter or the arrow keys), which proves the module is keyboard operable.

export const QUESTION_KINDS = new Set([
  'single-choice', 'multiple-response', 'true-false', 'fill-blank', 'matching', 'ordering',
]);
const OPENABLE_KINDS = new Set(['accordion', 'tabs', 'flashcards', 'process']);

// INTERACTION_TYPES maps block kinds to the SCORM interaction type the
// player must report.
export const INTERACTION_TYPES = {
  'single-choice': 'choice',
  'multiple-response': 'choice',
  'true-false': 'true-false',
  'fill-blank': 'fill-in',
  matching: 'matching',
  ordering: 'sequencing',
};

export const isQuestion = (block) => QUESTION_KINDS.has(block.kind);
export const isGraded = (block) => isQuestion(block) && block.mode === 'graded';

// interactionCount counts the things a learner has to do in a module.
export function interactionCount(module) {
  return module.blocks.filter((b) => isQuestion(b) || OPENABLE_KINDS.has(b.kind) || b.kind === 'gate').length;
}

// expectedScore is the player's score rule: weights of correct graded
// questions over all graded weight, as a rounded percentage.
export function expectedScore(module, answers) {
  let total = 0;
  let earned = 0;
  for (const b of module.blocks.filter(isGraded)) {
    total += b.weight;
    if (answers(b) === 'right') earned += b.weight;
  }
  return total === 0 ? undefined : Math.round((earned / total) * 100);
}

export function blockSection(root, id) {
  return root.locator(`section.block[data-block-id="${cssString(id)}"]`);
}

function cssString(s) {
  return s.replace(/["\\]/g, '\\$&');
}

// Learner works through module on root (a Playwright Page or Frame).
// answers(block) says 'right' or 'wrong' for each question.
export class Learner {
  constructor(page, root, module, { keyboard = false, answers = () => 'right' } = {}) {
    this.page = page;
    this.root = root;
    this.module = module;
    this.answers = answers;
    this.ui = keyboard ? new KeyboardUI(page, root) : new MouseUI();
    this.answered = [];
  }

  // work does blocks [from, to): reads each, opens every panel, answers each
  // question and presses each gate.
  async work(from = 0, to = this.module.blocks.length) {
    for (let i = from; i < to; i++) {
      await this.doBlock(this.module.blocks[i], i);
    }
  }

  async doBlock(block, index) {
    const section = blockSection(this.root, block.id);
    try {
      await section.waitFor({ state: 'visible', timeout: 5000 });
    } catch {
      throw new Error(`block ${index + 1} (${block.kind}, id ${block.id}) is not shown: ` +
        'expected a visible section.block[data-block-id] (hidden behind a gate that was pressed?)');
    }
    await this.ui.read(section);
    await dwell(section);
    if (OPENABLE_KINDS.has(block.kind)) await this.openAll(section, block);
    else if (isQuestion(block)) await this.answer(section, block, this.answers(block));
    else if (block.kind === 'gate') await this.ui.press(section.locator('button[data-action=continue]'));
  }

  // openAll opens every panel, tab, card or step of an interactive block.
  async openAll(section, block) {
    const tabs = section.locator('[role=tab]');
    if (await tabs.count() > 0) {
      await this.ui.selectTabs(tabs);
      return;
    }
    const next = section.locator('button[data-action=next]');
    for (let guard = 0; guard < 100; guard++) {
      const target = await firstUnopened(section);
      if (target) {
        await this.ui.press(target);
        continue;
      }
      if (await next.count() > 0 && await next.first().isVisible() && await next.first().isEnabled()) {
        await this.ui.press(next.first());
        continue;
      }
      return;
    }
    throw new Error(`${block.kind} block ${block.id}: still unopened controls after 100 presses`);
  }

  // answer gives a right or wrong answer to a question and checks it. A
  // wrong answer is repeated with "Try again" until no attempt is left, so the
  // question's result is final (at most 3 tries when attempts are unlimited).
  async answer(section, block, how) {
    const right = how === 'right';
    const tries = this.module.attempts > 0 ? this.module.attempts : 3;
    for (let attempt = 1; ; attempt++) {
      await this.fill(section, block, right);
      await this.ui.press(section.locator('button[data-action=check]'));
      await section.locator('[data-role=feedback]').filter({ hasText: /\S/ }).first()
        .waitFor({ state: 'visible', timeout: 5000 });
      const retry = section.locator('button[data-action=retry]');
      if (right || attempt >= tries || !(await retry.isVisible())) break;
      await this.ui.press(retry);
    }
    this.answered.push({ block, how, attempts: right ? 1 : tries });
  }

  async fill(section, block, right) {
    switch (block.kind) {
      case 'single-choice': {
        const choice = block.choices.find((c) => Boolean(c.correct) === right);
        await this.ui.choose(section.getByRole('radio', { name: choice.text, exact: true }));
        break;
      }
      case 'multiple-response': {
        const picks = right ? block.choices.filter((c) => c.correct) : [block.choices.find((c) => !c.correct)];
        for (const c of picks) await this.ui.tick(section.getByRole('checkbox', { name: c.text, exact: true }));
        break;
      }
      case 'true-false': {
        // Radios valued "true"/"false"; otherwise True is the first of the two.
        const value = right ? block.answer : !block.answer;
        const byValue = section.locator(`input[type=radio][value="${value}"]`);
        await this.ui.choose(await byValue.count() === 1 ? byValue : section.locator('input[type=radio]').nth(value ? 0 : 1));
        break;
      }
      case 'fill-blank':
        await this.ui.type(section.locator('input[type=text], input:not([type])').first(),
          right ? block.accepted[0] : 'certainly-not-the-answer');
        break;
      case 'matching': {
        for (const [i, pair] of block.pairs.entries()) {
          const target = right ? pair : block.pairs[(i + 1) % block.pairs.length];
          await this.ui.select(section.getByRole('combobox', { name: pair.left, exact: true }), target.right);
        }
        break;
      }
      case 'ordering':
        if (right) await this.putInOrder(section, block);
        break;
      default:
        throw new Error(`unknown question kind ${block.kind}`);
    }
  }

  // putInOrder moves items with their "Move up" buttons until the list is in
  // the authored (right) order.
  async putInOrder(section, block) {
    const items = section.locator('li:has(button[data-action=up])');
    for (let want = 0; want < block.items.length; want++) {
      for (let guard = 0; guard < block.items.length; guard++) {
        const texts = await items.allInnerTexts();
        const at = texts.findIndex((t) => t.includes(block.items[want].text));
        if (at < 0) throw new Error(`ordering ${block.id}: no list item shows ${JSON.stringify(block.items[want].text)}`);
        if (at === want) break;
        await this.ui.press(items.nth(at).locator('button[data-action=up]'));
      }
    }
  }
}

// firstUnopened finds a button of an accordion or flashcard set that has not
// been opened yet (aria-expanded or aria-pressed false), or that was never
// pressed; pressed buttons are marked so each is pressed once. Step buttons
// (data-action next/prev) are left to openAll.
async function firstUnopened(section) {
  const buttons = section.locator('button:not([data-action=next]):not([data-action=prev]):not([data-e2e-pressed])');
  const n = await buttons.count();
  for (let i = 0; i < n; i++) {
    const b = buttons.nth(i);
    if (!(await b.isVisible()) || !(await b.isEnabled())) continue;
    const expanded = await b.getAttribute('aria-expanded');
    const pressed = await b.getAttribute('aria-pressed');
    const mark = String(++marks);
    await b.evaluate((el, m) => el.setAttribute('data-e2e-pressed', m), mark);
    if (expanded === 'true' || pressed === 'true') return firstUnopened(section);
    return section.locator(`[data-e2e-pressed="${mark}"]`);
  }
  return null;
}

let marks = 0;

class MouseUI {
  async read(section) {
    await section.scrollIntoViewIfNeeded();
  }

  async press(locator) {
    await locator.click();
  }

  async choose(radio) {
    await radio.check();
  }

  async tick(checkbox) {
    await checkbox.check();
  }

  async type(input, text) {
    await input.fill(text);
  }

  async select(select, label) {
    await select.selectOption({ label });
  }

  async selectTabs(tabs) {
    const n = await tabs.count();
    for (let i = 0; i < n; i++) await tabs.nth(i).click();
  }
}

// KeyboardUI reaches every control by Tab or Shift+Tab and operates it with
// keys, as a learner without a mouse does. It fails when a control cannot be
// reached.
class KeyboardUI {
  constructor(page, root) {
    this.page = page;
    this.root = root;
  }

  // read scrolls a block into view with Page Down (or Page Up), as a keyboard
  // user reads on.
  async read(section) {
    for (let i = 0; i < 60; i++) {
      const where = await viewportPosition(section);
      if (where === 'in') return;
      await this.page.keyboard.press(where === 'below' ? 'PageDown' : 'PageUp');
    }
    throw new Error('Page Down/Up did not bring the block into view');
  }

  // focus moves focus to locator with Tab (forwards) or Shift+Tab (when the
  // control is above the focused one). group widens the target: 'radio' is
  // any radio of the same group, 'tab' any tab of the same tab list, since
  // only one of those is in the tab order.
  async focus(locator, group = 'self') {
    const handle = await locator.elementHandle({ timeout: 5000 });
    for (let i = 0; i < 300; i++) {
      const where = await handle.evaluate((el, g) => {
        const a = document.activeElement;
        const hit = a === el ||
          (g === 'radio' && a && a.type === 'radio' && a.name === el.name && a.form === el.form) ||
          (g === 'tab' && a && a.getAttribute('role') === 'tab' &&
            a.closest('[role=tablist]') === el.closest('[role=tablist]'));
        if (hit) return 'here';
        if (!a || a === document.body) return 'after';
        return a.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING ? 'after' : 'before';
      }, group);
      if (where === 'here') return;
      await this.page.keyboard.press(where === 'after' ? 'Tab' : 'Shift+Tab');
    }
    const desc = await handle.evaluate((el) => el.outerHTML.slice(0, 200));
    throw new Error(`could not reach ${desc} with Tab/Shift+Tab`);
  }

  async press(locator) {
    await this.focus(locator);
    await this.page.keyboard.press('Enter');
  }

  // choose reaches a radio group with Tab and moves to the radio with the
  // arrow keys (only one radio of a group is in the tab order).
  async choose(radio) {
    await this.focus(radio, 'radio');
    for (let i = 0; i < 20 && !(await radio.evaluate((el) => el === document.activeElement)); i++) {
      await this.page.keyboard.press('ArrowDown');
    }
    await this.page.keyboard.press('Space');
    if (!(await radio.isChecked())) throw new Error('arrow keys and Space did not select the radio');
  }

  async tick(checkbox) {
    await this.focus(checkbox);
    if (!(await checkbox.isChecked())) await this.page.keyboard.press('Space');
  }

  async type(input, text) {
    await this.focus(input);
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.type(text);
  }

  // select moves a focused <select> to the option labelled label with the
  // arrow keys.
  async select(select, label) {
    await this.focus(select);
    const { current, wanted } = await select.evaluate((el, l) => ({
      current: el.selectedIndex,
      wanted: [...el.options].findIndex((o) => o.label === l || o.text === l),
    }), label);
    if (wanted < 0) throw new Error(`no option ${JSON.stringify(label)}`);
    const key = wanted > current ? 'ArrowDown' : 'ArrowUp';
    for (let i = 0; i < Math.abs(wanted - current); i++) await this.page.keyboard.press(key);
    const now = await select.evaluate((el) => el.selectedIndex);
    if (now !== wanted) throw new Error(`arrow keys left the select at option ${now}, not ${wanted}`);
  }

  // selectTabs goes through a tab list with the arrow keys (WAI-ARIA tabs:
  // only the selected tab is in the tab order).
  async selectTabs(tabs) {
    await this.focus(tabs.first(), 'tab');
    const n = await tabs.count();
    for (let i = 0; i < n; i++) {
      await this.page.keyboard.press('Home');
      for (let k = 0; k < i; k++) await this.page.keyboard.press('ArrowRight');
      await this.page.keyboard.press('Enter');
      const selected = await tabs.nth(i).getAttribute('aria-selected');
      if (selected !== 'true') throw new Error(`tab ${i + 1} is not selected after Home, ArrowRight × ${i}, Enter`);
    }
  }
}

// dwell lets two frames pass with a block in view, so the player's
// IntersectionObserver sees it as a reader's eyes would; without it a quick
// run scrolls some blocks in and out within one frame.
async function dwell(section) {
  await section.evaluate(() => new Promise((resolve) => {
    requestAnimationFrame(() => requestAnimationFrame(resolve));
  }));
}

// viewportPosition says whether a block is well in view (most of it, or most
// of the screen), or below or above it.
async function viewportPosition(locator) {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const visible = Math.min(r.bottom, window.innerHeight) - Math.max(r.top, 0);
    if (visible >= Math.min(r.height * 0.9, window.innerHeight * 0.5)) return 'in';
    return r.top + r.height / 2 > window.innerHeight / 2 ? 'below' : 'above';
  });
}

// results reads the results panel: whether it is shown and its score text.
export async function results(root) {
  const panel = root.locator('[data-role=results]');
  const shown = await panel.isVisible();
  const score = panel.locator('[data-role=score]');
  return { shown, text: shown ? await panel.innerText() : '', score: shown && await score.count() ? await score.innerText() : '' };
}

// scorePattern matches a score shown as a whole percentage ("80 %", "80%").
export function scorePattern(score) {
  return new RegExp(`(^|\\D)${score}\\s?%`);
}
