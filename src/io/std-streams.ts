// Standard streams that cost nothing until a command needs them.
//
// Node builds process.stdout, process.stderr and process.stdin on first use,
// and for a pipe that loads its tty, net and stream modules: about 5 ms, a
// sixth of a bare `node -e 0`. A command whose output goes to a pipe or a file
// needs none of that: its text goes out with a synchronous write(2), which is
// what Node's own stdout does for pipes and files on Linux. Anything more than
// write(), and any terminal, gets the real stream, and from then on every write
// goes through it, so output never reorders.
import { fstatSync, writeSync } from 'node:fs';
import type { InStream, OutStream } from '../commands/context.js';

type Fd = 0 | 1 | 2;

/** True when the descriptor is a pipe, a socket or a file: never a terminal. */
function isPlainSink(fd: Fd): boolean {
  try {
    const st = fstatSync(fd);
    return st.isFIFO() || st.isFile() || st.isSocket();
  } catch {
    return false;
  }
}

/** Forwards every property but the given ones to the real stream, created on first use. */
function forwarding<T extends object>(real: () => T, own: Record<PropertyKey, unknown>): T {
  return new Proxy(own, {
    get(target, key) {
      if (Object.prototype.hasOwnProperty.call(target, key)) return target[key as keyof typeof target];
      const stream = real();
      const value = Reflect.get(stream, key, stream) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(stream) : value;
    },
    set(_target, key, value) {
      return Reflect.set(real(), key, value);
    },
    has(target, key) {
      return key in target || key in real();
    },
  }) as unknown as T;
}

export interface LazyOutputOptions {
  /** The reader closed the pipe (`pm-guide list | head`): stop quietly. */
  onBrokenPipe: () => void;
  /** Called once the real stream exists, to attach handlers to it. */
  onReal?: (stream: NodeJS.WriteStream) => void;
}

/** Output waiting to be written, per descriptor; any write flushes the others first, so stdout and stderr keep their order. */
const pending = new Map<1 | 2, () => void>();
const FLUSH_AT = 64 * 1024;

function flushOthers(fd: 1 | 2): void {
  for (const [other, flush] of pending) if (other !== fd) flush();
}

/**
 * stdout (fd 1) or stderr (fd 2), written directly when it is a pipe or a file.
 * Writes are gathered and go out in one write(2) once the code that made them
 * yields (a course list is thousands of lines, and each write(2) costs more
 * than the line), at 64 KiB, before any write to the other stream, and at exit.
 */
export function lazyOutput(fd: 1 | 2, options: LazyOutputOptions): OutStream {
  let stream: NodeJS.WriteStream | undefined;
  // Text is kept as strings and encoded once, when flushed (a Buffer per line cost more than the line).
  let chunks: Array<string | Uint8Array> = [];
  let size = 0;
  let scheduled = false;
  let broken = false;

  const writeAll = (bytes: Uint8Array): void => {
    let offset = 0;
    try {
      while (offset < bytes.length) offset += writeSync(fd, bytes, offset);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') {
        broken = true;
        options.onBrokenPipe();
        return;
      }
      // A non-blocking pipe that is full: the real stream knows how to wait for it.
      if (code === 'EAGAIN') {
        real().write(bytes.subarray(offset));
        return;
      }
      throw error;
    }
  };
  const flush = (): void => {
    if (size === 0 || broken) return;
    const parts = chunks;
    chunks = [];
    size = 0;
    writeAll(parts.every((p) => typeof p === 'string') ? Buffer.from(parts.join(''), 'utf8') : Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p))));
  };
  const real = (): NodeJS.WriteStream => {
    if (!stream) {
      flush();
      pending.delete(fd);
      stream = fd === 1 ? process.stdout : process.stderr;
      options.onReal?.(stream);
    }
    return stream;
  };
  if (!isPlainSink(fd)) return forwarding<OutStream>(real, {});

  pending.set(fd, flush);
  process.on('exit', flush);
  const write = (chunk: string | Uint8Array, encoding?: BufferEncoding | ((error?: Error | null) => void), callback?: (error?: Error | null) => void): boolean => {
    const done = typeof encoding === 'function' ? encoding : callback;
    if (stream) return stream.write(chunk, typeof encoding === 'string' ? encoding : 'utf8', done);
    flushOthers(fd);
    const part = typeof chunk === 'string' && typeof encoding === 'string' && encoding !== 'utf8' && encoding !== 'utf-8' ? Buffer.from(chunk, encoding) : chunk;
    chunks.push(part);
    size += part.length;
    if (size >= FLUSH_AT) flush();
    else if (!scheduled) {
      scheduled = true;
      queueMicrotask(() => {
        scheduled = false;
        flush();
      });
    }
    if (done) queueMicrotask(() => done(null));
    return true;
  };
  return forwarding<OutStream>(real, {
    write,
    isTTY: false,
    columns: undefined,
    rows: undefined,
  });
}

/** stdin, built on first use; whether it is a terminal is answered without building it when it is a pipe or a file. */
export function lazyInput(): InStream {
  return forwarding<InStream>(() => process.stdin, isPlainSink(0) ? { isTTY: false } : {});
}
