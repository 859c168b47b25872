// The packages under test come from stacklet-cli, exactly as a user makes them:
// build the CLI (or use $STACKLET_CLI, which `make e2e` builds once per run),
// export the bundled sample and unzip each package.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './env.mjs';
import { unzip } from './unzip.mjs';

const exec = promisify(execFile);

// workDir is this process's scratch folder, removed when it exits.
export const workDir = mkdtempSync(path.join(os.tmpdir(), 'stacklet-e2e-'));
process.on('exit', () => rmSync(workDir, { recursive: true, force: true }));

let cliPromise;

// cliPath returns the stacklet-cli binary, building it on first use.
export function cliPath() {
  cliPromise ??= buildCLI();
  return cliPromise;
}

async function buildCLI() {
  if (process.env.STACKLET_CLI) return process.env.STACKLET_CLI;
  const bin = path.join(workDir, 'stacklet-cli');
  try {
    await exec('go', ['build', '-o', bin, './cmd/stacklet-cli'], { cwd: repoRoot, maxBuffer: 16 << 20 });
  } catch (err) {
    throw new Error(`go build ./cmd/stacklet-cli failed:\n${err.stderr || err.message}`);
  }
  return bin;
}

// runCLI runs stacklet-cli with args and returns its stdout.
export async function runCLI(...args) {
  const bin = await cliPath();
  try {
    const { stdout } = await exec(bin, args, { cwd: repoRoot, maxBuffer: 64 << 20 });
    return stdout;
  } catch (err) {
    throw new Error(`stacklet-cli ${args.join(' ')} exited ${err.code}:\n${err.stderr || err.message}`);
  }
}

const exported = new Map();

// exportSample exports every module of the bundled sample in format
// ("scorm12", "scorm2004" or "web"), in locale (a target locale of the
// sample such as "ar"; the source locale when omitted), and unzips each
// package. It returns [{module, format, locale, zip, dir, files}] in the
// project's module order.
export function exportSample(format, locale) {
  const key = locale ? `${format}-${locale}` : format;
  if (!exported.has(key)) exported.set(key, doExport(format, locale, key));
  return exported.get(key);
}

async function doExport(format, locale, key) {
  const out = path.join(workDir, 'export', key);
  const args = ['export', '--sample', '--format', format, '--module', 'all', '-o', out, '--json'];
  if (locale) args.push('--locale', locale);
  const stdout = await runCLI(...args);
  const rows = JSON.parse(stdout);
  if (!Array.isArray(rows) || rows.length === 0) throw new Error(`export --json printed no packages: ${stdout}`);
  return rows.map((row) => {
    if (row.error) throw new Error(`export of ${row.module} (${row.format}) failed: ${row.error}`);
    const zip = path.resolve(repoRoot, row.path);
    const dir = path.join(workDir, 'unzipped', locale ? `${row.module}-${row.format}-${locale}` : `${row.module}-${row.format}`);
    const files = unzip(zip, dir);
    return { module: row.module, format: row.format, locale: row.locale, zip, dir, files };
  });
}

let samplePromise;

// sampleProject returns the bundled sample in its dump form: the project.json
// object and its modules (authoring.Module JSON) in module order. The tests
// read answer keys and rules from here, the same source the player renders.
export function sampleProject() {
  samplePromise ??= (async () => {
    const dir = path.join(workDir, 'sample-dump');
    await runCLI('dump', '--sample', dir);
    const project = JSON.parse(readFileSync(path.join(dir, 'project.json'), 'utf8'));
    const modules = project.modules.map((id) =>
      JSON.parse(readFileSync(path.join(dir, 'modules', `${id}.json`), 'utf8')));
    const translations = {};
    for (const locale of project.targetLocales ?? []) {
      translations[locale] = JSON.parse(readFileSync(path.join(dir, 'translations', `${locale}.json`), 'utf8'));
    }
    return { project, modules, translations };
  })();
  return samplePromise;
}

// localizeModule returns a copy of module with each translated text of its
// blocks put in place, so a Learner finds the answers (choice texts, matching
// pairs, accepted answers, ordering items) the package shows in that locale.
// Segment ids are "m:<module>/b:<block>/<field>", a list item named by its id
// ("choices[a].text") or its 1-based position ("accepted[2]"). Like the
// exporter, a segment whose source is no longer the text is left out; fields
// that are not plain strings (rich text bodies) stay as they are, which the
// Learner does not read.
export function localizeModule(module, segments) {
  const copy = structuredClone(module);
  const prefix = `m:${module.id}/b:`;
  for (const seg of segments) {
    if (!seg.id.startsWith(prefix)) continue;
    const rest = seg.id.slice(prefix.length);
    const slash = rest.indexOf('/');
    const block = copy.blocks.find((b) => b.id === rest.slice(0, slash));
    const m = /^(\w+)(?:\[([^\]]+)\])?(?:\.(\w+))?$/.exec(rest.slice(slash + 1));
    if (!block || !m) continue;
    const [, name, key, field] = m;
    let holder = block;
    let prop = name;
    if (key !== undefined) {
      const list = block[name];
      if (!Array.isArray(list)) continue;
      const byID = list.findIndex((item) => item && typeof item === 'object' && item.id === key);
      const index = byID >= 0 ? byID : /^\d+$/.test(key) ? Number(key) - 1 : -1;
      if (index < 0 || index >= list.length) continue;
      if (field === undefined) [holder, prop] = [list, index];
      else [holder, prop] = [list[index], field];
    } else if (field !== undefined) {
      [holder, prop] = [block[name], field];
    }
    if (holder && typeof holder[prop] === 'string' && holder[prop] === seg.source) holder[prop] = seg.target;
  }
  return copy;
}
