// Debian's Chromium driven by playwright-core. Every page is guarded: requests
// that would leave 127.0.0.1 are aborted and recorded, and so are page errors,
// so a test can assert a package is self-contained and runs cleanly.
import { MissingTool, requireFile } from './env.mjs';

export const CHROMIUM = '/usr/bin/chromium';

const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export const VIEWPORTS = {
  phone: { width: 360, height: 740 },
  desktop: { width: 1280, height: 800 },
};

// launchBrowser starts Chromium, or throws MissingTool when it or
// playwright-core is not installed.
export async function launchBrowser() {
  requireFile(CHROMIUM, 'apt-get install chromium, or run scripts/install-deps.sh');
  let playwright;
  try {
    playwright = await import('playwright-core');
  } catch {
    throw new MissingTool('playwright-core is not installed (run: npm ci)');
  }
  return playwright.chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
}

// guardedPage opens a page in a fresh context. Its `traffic` records every
// request URL, every response of 400 or more, requests refused for leaving
// origin, page errors and console errors.
export async function guardedPage(browser, origin, { viewport = VIEWPORTS.desktop, ...options } = {}) {
  const context = await browser.newContext({ viewport, ...options });
  // Fail fast: a control the learner cannot reach in 10 s is not coming.
  context.setDefaultTimeout(10000);
  const page = await context.newPage();
  const traffic = { urls: [], badResponses: [], offsite: [], pageErrors: [], consoleErrors: [] };
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isLocal(url, origin)) return route.continue();
    traffic.offsite.push(url);
    return route.abort('blockedbyclient');
  });
  page.on('request', (req) => traffic.urls.push(req.url()));
  page.on('response', (res) => {
    if (res.status() >= 400) traffic.badResponses.push(`${res.status()} ${res.url()}`);
  });
  page.on('pageerror', (err) => traffic.pageErrors.push(String(err)));
  page.on('console', (msg) => {
    if (msg.type() === 'error') traffic.consoleErrors.push(msg.text());
  });
  page.traffic = traffic;
  return page;
}

function isLocal(url, origin) {
  return url.startsWith(origin + '/') || url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank';
}

// assertCleanTraffic checks that a page stayed on 127.0.0.1, loaded everything
// it asked for and threw no error.
export function assertCleanTraffic(assert, page) {
  const t = page.traffic;
  assert.deepEqual(t.offsite, [], 'requests left 127.0.0.1');
  assert.deepEqual(t.badResponses, [], 'requests failed');
  assert.deepEqual(t.pageErrors, [], 'uncaught errors in the page');
}
