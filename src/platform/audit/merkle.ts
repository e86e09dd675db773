/**
 * Merkle tree hashing of RFC 9162 section 2.1 (Certificate Transparency 2.0), pure: leaf and node
 * hashes, the tree head MTH, inclusion paths (PATH) and consistency proofs (PROOF), and their
 * verification. Proofs are built from the hashes of ranges of leaves; `rangeBlocks` splits a range
 * into the complete, aligned subtrees a store keeps, so a proof reads O(log n) stored nodes.
 */
import { createHash } from 'node:crypto';

export type Hash = Buffer;

/** A range of leaves [start, end). */
export interface Range {
  readonly start: number;
  readonly end: number;
}

/** A complete subtree: the 2^level leaves from index × 2^level. */
export interface Block {
  readonly level: number;
  readonly index: number;
}

export const leafHash = (leaf: Uint8Array): Hash => createHash('sha256').update(Buffer.from([0])).update(leaf).digest();
export const nodeHash = (left: Hash, right: Hash): Hash => createHash('sha256').update(Buffer.from([1])).update(left).update(right).digest();
/** MTH of the empty tree: the hash of the empty string. */
export const EMPTY_ROOT: Hash = createHash('sha256').digest();

/** The largest power of two smaller than n (n > 1). */
function split(n: number): number {
  let k = 1;
  while (k * 2 < n) {
    k *= 2;
  }
  return k;
}

/** MTH over the leaf hashes as RFC 9162 defines it, recursively: for tests and small trees. */
export function rootOf(leaves: readonly Hash[]): Hash {
  if (leaves.length === 0) {
    return EMPTY_ROOT;
  }
  if (leaves.length === 1) {
    return leaves[0] as Hash;
  }
  const k = split(leaves.length);
  return nodeHash(rootOf(leaves.slice(0, k)), rootOf(leaves.slice(k)));
}

/** The ranges whose hashes make the inclusion path of leaf m in a tree of n leaves, in proof order. */
export function inclusionRanges(m: number, n: number): Range[] {
  if (!(Number.isSafeInteger(m) && Number.isSafeInteger(n) && m >= 0 && m < n)) {
    throw new RangeError(`no leaf ${m} in a tree of ${n}`);
  }
  const path = (index: number, start: number, end: number): Range[] => {
    if (end - start <= 1) {
      return [];
    }
    const k = split(end - start);
    return index < k
      ? [...path(index, start, start + k), { start: start + k, end }]
      : [...path(index - k, start + k, end), { start, end: start + k }];
  };
  return path(m, 0, n);
}

/** The ranges whose hashes make the consistency proof from a tree of m leaves to one of n, in proof order. */
export function consistencyRanges(m: number, n: number): Range[] {
  if (!(Number.isSafeInteger(m) && Number.isSafeInteger(n) && m >= 0 && m <= n)) {
    throw new RangeError(`no consistency proof from ${m} to ${n} leaves`);
  }
  if (m === 0 || m === n) {
    return [];
  }
  const sub = (size: number, start: number, end: number, whole: boolean): Range[] => {
    if (size === end - start) {
      return whole ? [] : [{ start, end }];
    }
    const k = split(end - start);
    return size <= k
      ? [...sub(size, start, start + k, whole), { start: start + k, end }]
      : [...sub(size - k, start + k, end, false), { start, end: start + k }];
  };
  return sub(m, 0, n, true);
}

/**
 * The complete subtrees that make up a range, largest first. The ranges of proofs start at a multiple
 * of a power of two at least as large as their length, so the blocks are aligned; MTH of the range is
 * the blocks folded from the right: H(b1, H(b2, … bk)).
 */
export function rangeBlocks(range: Range): Block[] {
  const blocks: Block[] = [];
  let start = range.start;
  let remaining = range.end - range.start;
  while (remaining > 0) {
    let size = 1;
    let level = 0;
    while (size * 2 <= remaining) {
      size *= 2;
      level += 1;
    }
    if (start % size !== 0) {
      throw new RangeError(`the range [${range.start}, ${range.end}) is not aligned`);
    }
    blocks.push({ level, index: start / size });
    start += size;
    remaining -= size;
  }
  return blocks;
}

/** MTH of a range from the hashes of its blocks (as `rangeBlocks` lists them). */
export function foldBlocks(hashes: readonly Hash[]): Hash {
  if (hashes.length === 0) {
    return EMPTY_ROOT;
  }
  let acc = hashes[hashes.length - 1] as Hash;
  for (let i = hashes.length - 2; i >= 0; i -= 1) {
    acc = nodeHash(hashes[i] as Hash, acc);
  }
  return acc;
}

/**
 * A tree growing one leaf at a time, holding only the roots of its complete subtrees (at most
 * log2 n + 1 hashes): constant memory for a log of any length. `push` returns the complete subtrees
 * the new leaf closed, which a store keeps for proofs.
 */
export class CompactTree {
  private readonly stack: Array<{ level: number; hash: Hash }> = [];
  private count = 0;

  /** Resumes a tree of `size` leaves from the hashes of its blocks (`rangeBlocks({ start: 0, end: size })`, in order). */
  static resume(size: number, blockHashes: readonly Hash[]): CompactTree {
    const tree = new CompactTree();
    const blocks = rangeBlocks({ start: 0, end: size });
    if (blocks.length !== blockHashes.length) {
      throw new RangeError(`a tree of ${size} leaves has ${blocks.length} blocks, not ${blockHashes.length}`);
    }
    blocks.forEach((b, i) => tree.stack.push({ level: b.level, hash: blockHashes[i] as Hash }));
    tree.count = size;
    return tree;
  }

  get size(): number {
    return this.count;
  }

  push(leaf: Hash): Array<Block & { hash: Hash }> {
    const closed: Array<Block & { hash: Hash }> = [{ level: 0, index: this.count, hash: leaf }];
    let top = { level: 0, hash: leaf };
    let last = this.stack[this.stack.length - 1];
    while (last !== undefined && last.level === top.level) {
      this.stack.pop();
      top = { level: top.level + 1, hash: nodeHash(last.hash, top.hash) };
      closed.push({ level: top.level, index: Math.floor(this.count / 2 ** top.level), hash: top.hash });
      last = this.stack[this.stack.length - 1];
    }
    this.stack.push(top);
    this.count += 1;
    return closed;
  }

  root(): Hash {
    return foldBlocks(this.stack.map((s) => s.hash));
  }
}

/** RFC 9162 2.1.3.2: whether `proof` shows the leaf at `index` in the tree of `size` leaves with `root`. */
export function verifyInclusion(index: number, size: number, leaf: Hash, proof: readonly Hash[], root: Hash): boolean {
  if (!(index >= 0 && index < size)) {
    return false;
  }
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) {
      return false;
    }
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.equals(root);
}

/** RFC 9162 2.1.4.2: whether `proof` shows the tree of `size2` leaves with `root2` extends the tree of `size1` with `root1`. */
export function verifyConsistency(size1: number, size2: number, root1: Hash, root2: Hash, proof: readonly Hash[]): boolean {
  if (size1 > size2 || size1 < 0) {
    return false;
  }
  if (size1 === size2) {
    return proof.length === 0 && root1.equals(root2);
  }
  if (size1 === 0) {
    return proof.length === 0; // the empty tree is a prefix of every tree
  }
  if (proof.length === 0) {
    return false;
  }
  const path = [...proof];
  if (isPowerOfTwo(size1)) {
    path.unshift(root1);
  }
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0] as Hash;
  let sr = path[0] as Hash;
  for (const c of path.slice(1)) {
    if (sn === 0) {
      return false;
    }
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return fr.equals(root1) && sr.equals(root2) && sn === 0;
}

function isPowerOfTwo(n: number): boolean {
  let k = 1;
  while (k < n) {
    k *= 2;
  }
  return k === n;
}
