/**
 * @module answer-arena
 * Answers handed from a worker to the HTTP thread as bytes in shared memory. A worker's answer sent as
 * a string costs the HTTP thread twice for a 60 KB answer: the string is copied into its heap (and
 * often survives a scavenge while the socket writes it), and writing a two-byte string (Cyrillic and
 * Armenian treaty words) to a socket re-encodes it. Transferred buffers avoid the re-encoding but
 * count as external memory and set off mark-compacts at 2,000 answers a second. So the HTTP thread
 * owns a fixed set of slots in one SharedArrayBuffer: it gives a job a free slot, the worker writes
 * the answer's UTF-8 into it, and the HTTP thread writes a view of those bytes to the socket and
 * frees the slot once the response is closed. Nothing is allocated per answer.
 */

/** The slots, as the HTTP thread sees them. */
export interface AnswerArena {
  /** The memory, shared with the workers (pass it in their workerData). */
  readonly memory: SharedArrayBuffer;
  readonly slotBytes: number;
  /** A free slot, or -1 when every slot is in use (the answer then comes back as text). */
  acquire(): number;
  /** The first `length` bytes of `slot`: valid until the slot is released. */
  view(slot: number, length: number): Buffer;
  release(slot: number): void;
  /** Slots in use. */
  readonly inUse: number;
}

/**
 * Builds an arena of `slots` slots of `slotBytes` bytes each.
 * @example const arena = createAnswerArena(64, 256 * 1024)
 */
export function createAnswerArena(slots: number, slotBytes: number): AnswerArena {
  const memory = new SharedArrayBuffer(slots * slotBytes);
  const bytes = Buffer.from(memory);
  const free: number[] = Array.from({ length: slots }, (_, i) => slots - 1 - i);
  const used = new Uint8Array(slots);
  return {
    memory,
    slotBytes,
    acquire() {
      const slot = free.pop();
      if (slot === undefined) return -1;
      used[slot] = 1;
      return slot;
    },
    view: (slot, length) => bytes.subarray(slot * slotBytes, slot * slotBytes + length),
    release(slot) {
      // Twice would hand one slot to two jobs at once.
      if (slot < 0 || used[slot] !== 1) return;
      used[slot] = 0;
      free.push(slot);
    },
    get inUse() {
      return slots - free.length;
    },
  };
}

/** The worker's side: writes an answer into a slot. */
export interface ArenaWriter {
  /** Writes `text` as UTF-8 into `slot` and returns its length in bytes, or undefined when it does not fit. */
  write(slot: number, text: string): number | undefined;
  /** The slot's memory, for a writer that writes bytes itself. */
  slot(slot: number): Buffer;
}

/** The worker's view of an arena the HTTP thread created (from its workerData). */
export function arenaWriter(memory: SharedArrayBuffer, slotBytes: number): ArenaWriter {
  const encoder = new TextEncoder();
  const views: Buffer[] = [];
  const view = (slot: number) => (views[slot] ??= Buffer.from(memory, slot * slotBytes, slotBytes));
  return {
    slot: view,
    write(slot, text) {
      // Every UTF-16 unit takes at least one byte, so a longer text cannot fit.
      if (text.length > slotBytes) return undefined;
      const { read, written } = encoder.encodeInto(text, view(slot));
      return read === text.length ? written : undefined;
    },
  };
}
