// A static HTTP server on 127.0.0.1 for the e2e tests. It serves the test LMS
// (e2e/lms), scorm-again from node_modules and the unzipped packages, and
// records every request so tests can assert nothing was missing.
import { createReadStream, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { repoRoot, requireFile } from './env.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.xsd': 'application/xml',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.ogg': 'audio/ogg',
  '.oga': 'audio/ogg',
  '.wav': 'audio/wav',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.ogv': 'video/ogg',
  '.vtt': 'text/vtt; charset=utf-8',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

export const scormAgainDir = path.join(repoRoot, 'node_modules', 'scorm-again', 'dist');
const lmsDir = path.join(repoRoot, 'e2e', 'lms');

// startServer listens on a random port of 127.0.0.1. mount(name, dir) serves
// dir under /pkg/<name>/. requests lists {method, path, status} in order.
// lmsLog(id) is the list of API calls the test LMS reported for session id
// (POST /lms/log?session=ID, sent with navigator.sendBeacon so that calls
// made while the page unloads arrive too).
export async function startServer() {
  requireFile(path.join(scormAgainDir, 'scorm12.js'), 'run: npm ci');
  const roots = new Map([['lms', lmsDir], ['vendor', scormAgainDir]]);
  const packages = new Map();
  const requests = [];
  const logs = new Map();
  const lmsLog = (id) => {
    if (!logs.has(id)) logs.set(id, []);
    return logs.get(id);
  };
  const server = http.createServer((req, res) => {
    if (req.method === 'POST') return receiveLog(req, res, lmsLog, requests);
    const status = serve(req, res, roots, packages);
    requests.push({ method: req.method, path: req.url, status });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    requests,
    lmsLog,
    mount(name, dir) {
      packages.set(name, dir);
      return `${origin}/pkg/${encodeURIComponent(name)}/`;
    },
    // failures returns the requests that did not succeed.
    failures() {
      return requests.filter((r) => r.status >= 400);
    },
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(resolve);
    }),
  };
}

// serve answers one request and returns its status. Routes: /lms/<file>,
// /vendor/<scorm-again dist file>, /pkg/<name>/<file>, /bye (an empty page
// to navigate away to).
function serve(req, res, roots, packages) {
  const url = new URL(req.url, 'http://127.0.0.1');
  const parts = decodeURIComponent(url.pathname).split('/').slice(1);
  if (parts[0] === 'bye') return send(res, 200, 'text/html; charset=utf-8', '<!doctype html><title>bye</title>');
  let root;
  if (parts[0] === 'pkg') root = packages.get(parts[1]), parts.splice(0, 2);
  else root = roots.get(parts[0]), parts.splice(0, 1);
  if (!root || parts.some((p) => p === '..' || p === '')) return send(res, 404, 'text/plain', 'not found');
  const file = path.join(root, ...parts);
  let st;
  try {
    st = statSync(file);
  } catch {
    return send(res, 404, 'text/plain', 'not found');
  }
  if (!st.isFile()) return send(res, 404, 'text/plain', 'not found');
  res.writeHead(200, {
    'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': st.size,
    'cache-control': 'no-store',
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
  return 200;
}

// receiveLog stores one reported API call, kept in call order.
function receiveLog(req, res, lmsLog, requests) {
  const url = new URL(req.url, 'http://127.0.0.1');
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const id = url.searchParams.get('session');
    let status = 204;
    try {
      if (url.pathname !== '/lms/log' || !id) throw new Error('not a log');
      const entry = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      const log = lmsLog(id);
      log.push(entry);
      log.sort((a, b) => a.seq - b.seq);
    } catch {
      status = 400;
    }
    requests.push({ method: req.method, path: url.pathname, status });
    res.writeHead(status).end();
  });
}

function send(res, status, type, body) {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
  return status;
}
