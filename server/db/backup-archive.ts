import { createReadStream, createWriteStream, openSync, readSync, closeSync, fstatSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

// A backup is a plain POSIX tar (ustar) file, so an administrator can look into it with `tar tf`: the database dump and
// the attachment files. Only what Lantu itself writes is read back: regular files with short relative names.

const BLOCK = 512;
const END = Buffer.alloc(BLOCK * 2);

/** One file of the archive: its name inside it and the file on disk to copy in, or its size and a stream of it. */
export type ArchiveEntry = { name: string; source: string } | { name: string; size: number; open: () => Promise<Readable> };

const octal = (value: number, width: number) => `${value.toString(8).padStart(width - 1, '0')}\0`;

function header(name: string, size: number): Buffer {
  if (Buffer.byteLength(name) > 100) throw new Error(`archive name too long: ${name}`);
  const block = Buffer.alloc(BLOCK);
  block.write(name, 0, 100, 'utf8');
  block.write(octal(0o600, 8), 100);
  block.write(octal(0, 8), 108);
  block.write(octal(0, 8), 116);
  block.write(octal(size, 12), 124);
  block.write(octal(Math.floor(Date.now() / 1000), 12), 136);
  block.write('        ', 148); // the checksum is computed with its own field as spaces
  block.write('0', 156); // a regular file
  block.write('ustar\u000000', 257);
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return block;
}

/** Writes the files into a new tar file, streaming each one (a database dump may be gigabytes). */
export async function writeArchive(file: string, entries: ArchiveEntry[]): Promise<void> {
  const out = createWriteStream(file, { mode: 0o600 });
  const write = (chunk: Buffer) => new Promise<void>((resolve, reject) => out.write(chunk, (error) => (error ? reject(error) : resolve())));
  try {
    for (const entry of entries) {
      let size: number;
      if ('source' in entry) {
        const fd = openSync(entry.source, 'r');
        size = fstatSync(fd).size;
        closeSync(fd);
      } else size = entry.size;
      await write(header(entry.name, size));
      const input = 'source' in entry ? createReadStream(entry.source) : await entry.open();
      let copied = 0;
      // Chunk by chunk, each write awaited (backpressure), no listeners left on the archive stream.
      for await (const chunk of input) {
        copied += (chunk as Buffer).length;
        await write(chunk as Buffer);
      }
      // A stream shorter or longer than its announced size would shift every member after it.
      if (copied !== size) throw new Error(`${entry.name}: ${copied} bytes read, ${size} expected`);
      const padding = (BLOCK - (size % BLOCK)) % BLOCK;
      if (padding) await write(Buffer.alloc(padding));
    }
    await write(END);
  } finally {
    await new Promise<void>((resolve) => out.end(resolve));
  }
}

/** Where one file of an archive lies in it. */
export type ArchiveMember = { name: string; offset: number; size: number };

/** The files of a tar file and where their contents lie; an empty list when the file is not a tar written by Lantu. */
export function readArchiveIndex(file: string): ArchiveMember[] {
  const fd = openSync(file, 'r');
  try {
    const total = fstatSync(fd).size;
    const members: ArchiveMember[] = [];
    const block = Buffer.alloc(BLOCK);
    let offset = 0;
    while (offset + BLOCK <= total) {
      readSync(fd, block, 0, BLOCK, offset);
      if (block.every((byte) => byte === 0)) break;
      if (block.toString('latin1', 257, 262) !== 'ustar') return [];
      const name = block.toString('utf8', 0, 100).replace(/\0.*$/s, '');
      const size = Number.parseInt(block.toString('latin1', 124, 136).replace(/\0.*$/s, '').trim(), 8);
      if (!Number.isFinite(size) || block.toString('latin1', 156, 157) !== '0') return [];
      members.push({ name, offset: offset + BLOCK, size });
      offset += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    }
    return members;
  } finally {
    closeSync(fd);
  }
}

/** Copies one member of an archive to a new file (never over an existing one). */
export async function extractMember(file: string, member: ArchiveMember, target: string): Promise<void> {
  const source =
    member.size === 0 ? Readable.from([]) : createReadStream(file, { start: member.offset, end: member.offset + member.size - 1 });
  await pipeline(source, createWriteStream(target, { flags: 'wx', mode: 0o600 }));
}
