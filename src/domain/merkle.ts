/**
 * The Merkle tree of RFC 9162 (Certificate Transparency 2.0) §2.1, over a
 * letter's record entries: leaf and node hashes, the tree's root, and
 * inclusion and consistency proofs, made and checked. Pure: no I/O.
 *
 * Hashes are SHA-256 (32 bytes). A tree of `size` leaves is described by its
 * complete subtrees: the node at (`level`, `index`) is the hash of leaves
 * [index·2^level, (index+1)·2^level), and level 0 holds the leaf hashes.
 * Every hash the RFC's recursive definitions use is either such a node or
 * a fold of a few of them (`rangeNodes`), so a server that keeps the
 * complete subtrees (storage/record.ts) answers any root or proof by
 * reading O(log n) of them.
 */

const encoder = new TextEncoder();

export type Hash = Uint8Array<ArrayBuffer>;

/** A complete subtree: the leaves [index·2^level, (index+1)·2^level). */
export interface NodeAddress {
  level: number;
  index: number;
}

async function sha256(...parts: Uint8Array[]): Promise<Hash> {
  const length = parts.reduce((sum, part) => sum + part.length, 0);
  const data = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    data.set(part, offset);
    offset += part.length;
  }
  return new Uint8Array(await crypto.subtle.digest("SHA-256", data));
}

const LEAF_PREFIX = Uint8Array.of(0x00);
const NODE_PREFIX = Uint8Array.of(0x01);

/** MTH({d}) = SHA-256(0x00 || d): RFC 9162 §2.1.1. A text is taken as its UTF-8 bytes. */
export function leafHash(data: string | Uint8Array): Promise<Hash> {
  return sha256(LEAF_PREFIX, typeof data === "string" ? encoder.encode(data) : data);
}

/** SHA-256(0x01 || left || right): RFC 9162 §2.1.1. */
export function nodeHash(left: Uint8Array, right: Uint8Array): Promise<Hash> {
  return sha256(NODE_PREFIX, left, right);
}

/** The hash of the empty tree: SHA-256 of nothing (RFC 9162 §2.1.1). */
export function emptyRoot(): Promise<Hash> {
  return sha256();
}

/** The largest power of two smaller than `n` (n ≥ 2): the RFC's k. */
function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * The complete subtrees whose fold is MTH(D[lo:hi]), left to right, for a
 * range the RFC's recursion produces (lo a multiple of the largest power of
 * two not above hi − lo): one per binary digit of hi − lo, largest first.
 */
export function rangeNodes(lo: number, hi: number): NodeAddress[] {
  const nodes: NodeAddress[] = [];
  let start = lo;
  for (let level = Math.floor(Math.log2(Math.max(1, hi - lo))) + 1; level >= 0; level--) {
    const width = 2 ** level;
    if (start + width <= hi) {
      nodes.push({ level, index: start / width });
      start += width;
    }
  }
  return nodes;
}

/** MTH of a range from its complete subtrees (as `rangeNodes` lists them): right to left, SHA-256(0x01 || left || right). */
export async function foldRange(nodes: readonly Hash[]): Promise<Hash> {
  if (nodes.length === 0) return emptyRoot();
  let hash = nodes[nodes.length - 1]!;
  for (let i = nodes.length - 2; i >= 0; i--) hash = await nodeHash(nodes[i]!, hash);
  return hash;
}

/** The ranges [lo, hi) whose MTH make PATH(m, D[0:n]), in the proof's order (RFC 9162 §2.1.3.1). */
export function inclusionProofRanges(m: number, n: number): Array<[number, number]> {
  if (!(Number.isSafeInteger(m) && Number.isSafeInteger(n) && m >= 0 && m < n)) {
    throw new RangeError(`No leaf ${m} in a tree of ${n}.`);
  }
  const ranges: Array<[number, number]> = [];
  let lo = 0;
  let hi = n;
  while (hi - lo > 1) {
    const k = split(hi - lo);
    if (m - lo < k) {
      ranges.push([lo + k, hi]);
      hi = lo + k;
    } else {
      ranges.push([lo, lo + k]);
      lo += k;
    }
  }
  return ranges.reverse();
}

/** The ranges whose MTH make PROOF(m, D[0:n]), in the proof's order (RFC 9162 §2.1.4.1); none when m is 0 or n. */
export function consistencyProofRanges(m: number, n: number): Array<[number, number]> {
  if (!(Number.isSafeInteger(m) && Number.isSafeInteger(n) && m >= 0 && m <= n)) {
    throw new RangeError(`No consistency proof from ${m} to ${n}.`);
  }
  if (m === 0 || m === n) return [];
  const ranges: Array<[number, number]> = [];
  let lo = 0;
  let hi = n;
  let mm = m;
  let whole = true;
  for (;;) {
    if (mm === hi - lo) {
      if (!whole) ranges.push([lo, hi]);
      break;
    }
    const k = split(hi - lo);
    if (mm <= k) {
      ranges.push([lo + k, hi]);
      hi = lo + k;
    } else {
      ranges.push([lo, lo + k]);
      mm -= k;
      lo += k;
      whole = false;
    }
  }
  return ranges.reverse();
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/**
 * Checks that the leaf hash at `index` (0-based) is in the tree of `size`
 * leaves whose root is `root`, by the algorithm of RFC 9162 §2.1.3.2.
 */
export async function verifyInclusion(
  index: number,
  size: number,
  leaf: Uint8Array,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): Promise<boolean> {
  if (!(Number.isSafeInteger(index) && Number.isSafeInteger(size) && index >= 0 && index < size)) return false;
  let fn = index;
  let sn = size - 1;
  let r: Uint8Array = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = await nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = await nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && equal(r, root);
}

/**
 * Checks that the tree of `size2` leaves with root `root2` extends the tree
 * of `size1` leaves with root `root1` (nothing in it removed, changed or
 * reordered), by the algorithm of RFC 9162 §2.1.4.2.
 */
export async function verifyConsistency(
  size1: number,
  size2: number,
  proof: readonly Uint8Array[],
  root1: Uint8Array,
  root2: Uint8Array,
): Promise<boolean> {
  if (!(Number.isSafeInteger(size1) && Number.isSafeInteger(size2) && size1 >= 0 && size1 <= size2)) return false;
  if (size1 === size2) return proof.length === 0 && equal(root1, root2);
  if (size1 === 0) return proof.length === 0;
  let path = [...proof];
  if ((size1 & (size1 - 1)) === 0) path = [root1, ...path];
  if (path.length === 0) return false;
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr: Uint8Array = path[0]!;
  let sr: Uint8Array = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = await nodeHash(c, fr);
      sr = await nodeHash(c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      sr = await nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && equal(fr, root1) && equal(sr, root2);
}

/**
 * The right edge of a growing tree: the complete subtrees of its size's
 * binary digits, largest first. Appending a leaf returns the complete
 * subtrees it finished (the leaf itself at level 0, then any parents), which
 * is what a server keeps; `root()` is the MTH of the leaves so far. The
 * verifier grows one over every downloaded entry, reading the root at any
 * size on the way.
 */
export class MerkleFrontier {
  #nodes: Array<NodeAddress & { hash: Hash }>;
  #size: number;

  /** A frontier of a tree of `size` leaves, from its complete subtrees `rangeNodes(0, size)` (their hashes, in that order). */
  constructor(size = 0, hashes: readonly Hash[] = []) {
    const addresses = rangeNodes(0, size);
    if (addresses.length !== hashes.length) {
      throw new RangeError(`A tree of ${size} leaves has ${addresses.length} edge nodes, not ${hashes.length}.`);
    }
    this.#size = size;
    this.#nodes = addresses.map((address, i) => ({ ...address, hash: hashes[i]! }));
  }

  get size(): number {
    return this.#size;
  }

  /** Adds a leaf hash; returns every complete subtree this finished, the leaf first. */
  async append(leaf: Hash): Promise<Array<NodeAddress & { hash: Hash }>> {
    const made = [{ level: 0, index: this.#size, hash: leaf }];
    this.#nodes.push(made[0]!);
    this.#size += 1;
    for (;;) {
      const right = this.#nodes.at(-1)!;
      const left = this.#nodes.at(-2);
      if (!left || left.level !== right.level) break;
      const parent = { level: left.level + 1, index: left.index / 2, hash: await nodeHash(left.hash, right.hash) };
      this.#nodes.splice(-2, 2, parent);
      made.push(parent);
    }
    return made;
  }

  /** The root hash of the leaves so far (RFC 9162 MTH). */
  root(): Promise<Hash> {
    return foldRange(this.#nodes.map((node) => node.hash));
  }
}

/** Lowercase hex of a hash. */
export function hashHex(hash: Uint8Array): string {
  return Array.from(hash, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** A hash from 64 hex digits; null for anything else. */
export function hashFromHex(hex: unknown): Hash | null {
  if (typeof hex !== "string" || !/^[0-9a-f]{64}$/.test(hex)) return null;
  return Uint8Array.from(hex.match(/../g)!, (pair) => parseInt(pair, 16));
}
