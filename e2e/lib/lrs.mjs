// A small cmi5 LMS and LRS test double on 127.0.0.1: it serves unzipped
// packages, answers the fetch URL once per launch, holds State API documents
// (LMS.LaunchData among them) and records every statement and xAPI request,
// so tests can assert what an AU reported and how it asked. A statement sent
// again with the same id and content is kept once, as an LRS does.
import { randomUUID } from 'node:crypto';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';

export const VERB = 'http://adlnet.gov/expapi/verbs/';
export const CATEGORY = {
  cmi5: 'https://w3id.org/xapi/cmi5/context/categories/cmi5',
  moveon: 'https://w3id.org/xapi/cmi5/context/categories/moveon',
};
export const EXT = {
  session: 'https://w3id.org/xapi/cmi5/context/extensions/sessionid',
  mastery: 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore',
};
const HOME = 'https://lms.example.test';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.mp3': 'audio/mpeg', '.mp4': 'video/mp4',
  '.vtt': 'text/vtt; charset=utf-8', '.xml': 'application/xml', '.json': 'application/json',
};

// startLRS listens on a random port. mount(name, dir) serves dir under
// /pkg/<name>/; launch(...) prepares one AU launch and returns its URL and
// Launch record.
export async function startLRS() {
  const lrs = { packages: new Map(), launches: new Map(), fetchPaths: new Map(), docs: new Map(), requests: [], statements: [],
    stored: new Map() }; // statement id -> its JSON
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => route(lrs, req, res, Buffer.concat(chunks).toString('utf8')));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    requests: lrs.requests,
    statements: lrs.statements,
    mount(name, dir) {
      lrs.packages.set(name, dir);
    },
    launch: (options) => newLaunch(lrs, origin, options),
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(resolve);
    }),
  };
}

// newLaunch registers a launch of the AU at /pkg/<name>/<au url> with
// LMS.LaunchData built from launchMode, masteryScore, moveOn and returnURL.
// registration may be reused to launch the same registration again. slow
// {verb, ms} makes the LRS slow once: it stores and answers the first
// statement POST carrying that verb ms late; L.held counts POSTs held now.
function newLaunch(lrs, origin, { name, auURL, publisherID, launchMode = 'Normal', masteryScore, moveOn = 'Passed',
  returnURL, registration = randomUUID(), slow }) {
  const L = {
    token: randomUUID().replace(/-/g, ''), sessionID: randomUUID(), registration,
    activityId: `${HOME}/activities/${registration}/${encodeURIComponent(name)}`,
    actor: { objectType: 'Agent', name: 'Ada Learner', account: { homePage: HOME, name: 'ada' } },
    fetchPosts: 0, fetchOther: 0, slow, held: 0,
  };
  lrs.launches.set(L.token, L);
  const data = {
    contextTemplate: {
      contextActivities: { grouping: [{ id: publisherID, objectType: 'Activity' }] },
      extensions: { [EXT.session]: L.sessionID },
    },
    launchMode, moveOn, launchMethod: 'AnyWindow',
  };
  if (masteryScore !== undefined) data.masteryScore = masteryScore;
  if (returnURL) data.returnURL = returnURL;
  L.launchData = data;
  lrs.docs.set(docKey('LMS.LaunchData', L.activityId, L.actor, registration), JSON.stringify(data));
  const id = L.token.slice(0, 8);
  lrs.fetchPaths.set(id, L);
  const url = new URL(`/pkg/${encodeURIComponent(name)}/${auURL}`, origin);
  url.searchParams.set('endpoint', `${origin}/xapi/`);
  url.searchParams.set('fetch', `${origin}/lms/fetch/${id}`);
  url.searchParams.set('actor', JSON.stringify(L.actor));
  url.searchParams.set('registration', registration);
  url.searchParams.set('activityId', L.activityId);
  L.url = url.href;
  L.statements = () => lrs.statements.filter((s) => s.context?.registration === registration &&
    s.context?.extensions?.[EXT.session] === L.sessionID);
  L.requests = () => lrs.requests.filter((r) => r.token === L.token);
  L.state = (stateId) => {
    const doc = lrs.docs.get(docKey(stateId, L.activityId, L.actor, registration));
    return doc === undefined ? undefined : JSON.parse(doc);
  };
  return L;
}

function docKey(stateId, activityId, agent, registration) {
  const a = typeof agent === 'string' ? JSON.parse(agent) : agent;
  return JSON.stringify([stateId, activityId, a?.account?.homePage, a?.account?.name, registration ?? '']);
}

function route(lrs, req, res, body) {
  const url = new URL(req.url, 'http://127.0.0.1');
  const parts = url.pathname.split('/').slice(1);
  const rec = { method: req.method, path: url.pathname, query: Object.fromEntries(url.searchParams), status: 0 };
  lrs.requests.push(rec);
  const reply = (status, json) => {
    rec.status = status;
    res.writeHead(status, json === undefined ? {} : { 'content-type': 'application/json' });
    res.end(json === undefined ? undefined : JSON.stringify(json));
  };
  if (parts[0] === 'lms' && parts[1] === 'fetch') return fetchToken(lrs, req, parts[2], reply);
  if (parts[0] === 'xapi') return xapi(lrs, req, rec, url, body, reply);
  if (parts[0] === 'bye') return page(res, rec);
  if (parts[0] === 'pkg') return serveFile(lrs, res, rec, parts);
  return reply(404);
}

// fetchToken: the first POST gets the token, everything after error 1 (§8.2.3).
function fetchToken(lrs, req, id, reply) {
  const L = lrs.fetchPaths.get(id);
  if (!L) return reply(404);
  if (req.method !== 'POST') {
    L.fetchOther++;
    return reply(405, { 'error-code': '3', 'error-text': 'fetch must be POSTed' });
  }
  L.fetchPosts++;
  if (L.fetchPosts > 1) return reply(200, { 'error-code': '1', 'error-text': 'the token was already handed out' });
  return reply(200, { 'auth-token': L.token });
}

// xapi checks the credentials and version of every request, then answers
// statements and the State and Agent Profile APIs.
function xapi(lrs, req, rec, url, body, reply) {
  const auth = /^Basic (\S+)$/.exec(req.headers.authorization ?? '');
  rec.token = auth?.[1];
  rec.version = req.headers['x-experience-api-version'];
  if (!auth || !lrs.launches.has(auth[1])) return reply(401, { error: 'unknown token' });
  if (rec.version !== '1.0.3') return reply(400, { error: 'X-Experience-API-Version must be 1.0.3' });
  const q = url.searchParams;
  switch (url.pathname) {
    case '/xapi/statements': return statements(lrs, lrs.launches.get(auth[1]), req, q, body, reply);
    case '/xapi/activities/state': return stateDoc(lrs, req, q, body, reply);
    case '/xapi/agents/profile': return reply(404); // no learner preferences stored
    default: return reply(404);
  }
}

function statements(lrs, L, req, q, body, reply) {
  if (req.method !== 'POST' && req.method !== 'PUT') return reply(405);
  let list;
  try {
    list = JSON.parse(body);
  } catch {
    return reply(400, { error: 'statements are not JSON' });
  }
  list = Array.isArray(list) ? list : [list];
  if (req.method === 'PUT') list[0].id ??= q.get('statementId');
  const store = () => {
    // A known id with other content is a conflict, and the batch is refused whole.
    if (list.some((s) => s.id && lrs.stored.has(s.id) && lrs.stored.get(s.id) !== JSON.stringify(s))) {
      return reply(409, { error: 'a statement with this id and other content is stored' });
    }
    for (const s of list.filter((x) => !x.id || !lrs.stored.has(x.id))) {
      s.id ??= randomUUID();
      lrs.stored.set(s.id, JSON.stringify(s));
      lrs.statements.push({ ...s, stored: new Date().toISOString() });
    }
    return req.method === 'PUT' ? reply(204) : reply(200, list.map((s) => s.id));
  };
  if (!L.slow || L.slowUsed || !list.some((s) => s.verb?.id === VERB + L.slow.verb)) return store();
  L.slowUsed = true;
  L.held++;
  setTimeout(() => {
    L.held--;
    store();
  }, L.slow.ms);
}

function stateDoc(lrs, req, q, body, reply) {
  const stateId = q.get('stateId');
  let key;
  try {
    key = docKey(stateId, q.get('activityId'), q.get('agent'), q.get('registration'));
  } catch {
    return reply(400, { error: 'agent is not JSON' });
  }
  if (req.method === 'GET') {
    const doc = lrs.docs.get(key);
    return doc === undefined ? reply(404) : reply(200, JSON.parse(doc));
  }
  if (req.method !== 'PUT' && req.method !== 'POST') return reply(405);
  if (stateId === 'LMS.LaunchData') return reply(403, { error: 'LMS.LaunchData is the LMS\'s' });
  lrs.docs.set(key, body);
  return reply(204);
}

function page(res, rec) {
  rec.status = 200;
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end('<!doctype html><title>bye</title>');
}

function serveFile(lrs, res, rec, parts) {
  const root = lrs.packages.get(decodeURIComponent(parts[1] ?? ''));
  const rest = parts.slice(2).map(decodeURIComponent);
  let st;
  const file = root && !rest.some((p) => p === '..' || p === '') ? path.join(root, ...rest) : '';
  try {
    st = file && statSync(file);
  } catch {
    st = null;
  }
  rec.status = st?.isFile() ? 200 : 404;
  if (rec.status === 404) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
  createReadStream(file).pipe(res);
}

// cmi5Defined returns the statements with the cmi5 category, in arrival order.
export function cmi5Defined(statements) {
  return statements.filter((s) => categories(s).includes(CATEGORY.cmi5));
}

export function categories(s) {
  return (s.context?.contextActivities?.category ?? []).map((c) => c.id);
}

export const verbOf = (s) => s.verb.id.replace(VERB, '');

// courseAUs reads the AUs of a package's cmi5.xml: [{id, url, moveOn, masteryScore}].
export function courseAUs(dir) {
  const xml = readFileSync(path.join(dir, 'cmi5.xml'), 'utf8');
  return [...xml.matchAll(/<au\b([^>]*)>([\s\S]*?)<\/au>/g)].map(([, attrs, inner]) => {
    const attr = (n) => new RegExp(`\\b${n}="([^"]*)"`).exec(attrs)?.[1];
    const score = attr('masteryScore');
    return { id: attr('id'), url: /<url>([^<]*)<\/url>/.exec(inner)?.[1], moveOn: attr('moveOn'),
      masteryScore: score === undefined ? undefined : Number(score) };
  });
}
