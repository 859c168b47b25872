// One place that sets up what every e2e test file needs: the sample project,
// the local server and Chromium, closed again when the file's tests end.
import { after, before, test } from 'node:test';
import { guardedPage, launchBrowser } from './browser.mjs';
import { sampleProject } from './cli.mjs';
import { MissingTool, inCI } from './env.mjs';
import { startServer } from './server.mjs';

// loadSample returns the sample project for defining tests, or, when the CLI
// cannot dump it, registers a failing test that says why and returns null.
export async function loadSample() {
  try {
    return await sampleProject();
  } catch (err) {
    test('stacklet-cli dumps the bundled sample', () => {
      throw err;
    });
    return null;
  }
}

// useHarness starts the server and the browser before the file's tests. A
// missing browser or npm module fails every test under CI=true and skips
// them elsewhere: call h.ready(t) first in each test.
export function useHarness() {
  const h = { server: null, browser: null, missing: null };
  before(async () => {
    h.server = await startServer().catch(keepMissing);
    h.browser = await launchBrowser().catch(keepMissing);
  });
  after(async () => {
    await h.browser?.close();
    await h.server?.close();
  });
  function keepMissing(err) {
    if (!(err instanceof MissingTool)) throw err;
    if (inCI) throw new Error(`${err.message}; CI=true, so this fails instead of skipping`);
    h.missing = err;
    return null;
  }
  h.ready = (t) => {
    if (!h.missing) return true;
    t.skip(`${h.missing.message}; under CI=true this fails`);
    return false;
  };
  h.page = (options) => guardedPage(h.browser, h.server.origin, options);
  return h;
}
