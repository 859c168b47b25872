// A small zip reader (no dependencies): the central directory lists the
// entries; each is stored or deflated. Enough for the packages Stacklet writes,
// and strict about what it does not support, so a bad package fails loudly.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

// readZip returns the entries of a zip file as [{name, data}] in central
// directory order.
export function readZip(file) {
  const buf = readFileSync(file);
  const end = findEndRecord(buf, file);
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(at) !== CENTRAL) throw new Error(`${file}: bad central directory entry ${i}`);
    const flags = buf.readUInt16LE(at + 8);
    const method = buf.readUInt16LE(at + 10);
    const crc = buf.readUInt32LE(at + 16);
    const compSize = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLen);
    at += 46 + nameLen + extraLen + commentLen;
    if (flags & 1) throw new Error(`${file}: ${name} is encrypted`);
    if (compSize === 0xffffffff || local === 0xffffffff) throw new Error(`${file}: ${name} needs zip64`);
    if (name.endsWith('/')) continue;
    const data = entryData(buf, local, method, compSize, `${file}: ${name}`);
    if (data.length !== size || zlib.crc32(data) !== crc) throw new Error(`${file}: ${name} fails its size or CRC check`);
    entries.push({ name, data });
  }
  return entries;
}

function findEndRecord(buf, file) {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === EOCD) return i;
  }
  throw new Error(`${file} is not a zip file (no end of central directory record)`);
}

function entryData(buf, local, method, compSize, what) {
  if (buf.readUInt32LE(local) !== LOCAL) throw new Error(`${what}: bad local header`);
  const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
  const raw = buf.subarray(start, start + compSize);
  if (method === 0) return Buffer.from(raw);
  if (method === 8) return zlib.inflateRawSync(raw);
  throw new Error(`${what}: unsupported compression method ${method}`);
}

// unzip extracts a zip file into dir and returns the entry names. Names that
// would escape dir are refused.
export function unzip(file, dir) {
  const names = [];
  for (const { name, data } of readZip(file)) {
    const target = path.resolve(dir, name);
    if (path.isAbsolute(name) || !target.startsWith(path.resolve(dir) + path.sep)) {
      throw new Error(`${file}: entry ${JSON.stringify(name)} escapes the target folder`);
    }
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, data);
    names.push(name);
  }
  return names;
}
