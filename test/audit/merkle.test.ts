/**
 * RFC 9162 tree hashing against a naive recomputation: the tree head of the spec's recursion, every
 * proof built from stored blocks verifies, and a proof for another leaf, tree or root does not.
 */
import { createHash } from 'node:crypto';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  CompactTree, consistencyRanges, EMPTY_ROOT, foldBlocks, type Hash, inclusionRanges, leafHash, nodeHash, type Range, rangeBlocks, rootOf, verifyConsistency, verifyInclusion,
} from '../../src/platform/audit/merkle.ts';

const leaves = (n: number): Hash[] => Array.from({ length: n }, (_, i) => leafHash(Buffer.from(`entry ${i}`)));
/** The hash of a range the naive way: the spec's recursion over its leaves. */
const naive = (all: readonly Hash[]) => (r: Range) => rootOf(all.slice(r.start, r.end));
/** The hash of a range the stored way: its complete blocks, each computed alone, folded. */
const fromBlocks = (all: readonly Hash[]) => (r: Range) =>
  foldBlocks(rangeBlocks(r).map((b) => rootOf(all.slice(b.index * 2 ** b.level, (b.index + 1) * 2 ** b.level))));

describe('RFC 9162 hashing', () => {
  it('hashes leaves with 0x00 and nodes with 0x01, and the empty tree as SHA-256 of nothing', () => {
    const sha = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();
    expect(leafHash(Buffer.from('a'))).toEqual(sha(Buffer.from([0]), Buffer.from('a')));
    const [a, b] = [leafHash(Buffer.from('a')), leafHash(Buffer.from('b'))];
    expect(nodeHash(a, b)).toEqual(sha(Buffer.from([1]), a, b));
    expect(EMPTY_ROOT.toString('hex')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    // Three leaves: MTH = H(H(l0, l1), l2), the right subtree not padded.
    const three = leaves(3);
    expect(rootOf(three)).toEqual(nodeHash(nodeHash(three[0] as Hash, three[1] as Hash), three[2] as Hash));
  });

  it('the compact tree has the root of the recursion at every size, and resumes from its blocks', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 200 }), (n, cut) => {
      const all = leaves(n);
      const tree = new CompactTree();
      const stored = new Map<string, Hash>();
      all.forEach((l) => tree.push(l).forEach((b) => stored.set(`${b.level}/${b.index}`, b.hash)));
      expect(tree.root()).toEqual(rootOf(all));
      const m = Math.min(cut, n);
      const blocks = rangeBlocks({ start: 0, end: m }).map((b) => stored.get(`${b.level}/${b.index}`) as Hash);
      const resumed = CompactTree.resume(m, blocks);
      all.slice(m).forEach((l) => resumed.push(l));
      expect(resumed.root()).toEqual(rootOf(all));
    }), { numRuns: 60 });
  });

  it('inclusion proofs from stored blocks verify, and fail for another leaf, index or root', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 300 }).chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 0, max: n - 1 }))), ([n, m]) => {
      const all = leaves(n);
      const root = rootOf(all);
      const proof = inclusionRanges(m, n).map(fromBlocks(all));
      expect(proof).toEqual(inclusionRanges(m, n).map(naive(all)));
      expect(proof.length).toBeLessThanOrEqual(Math.ceil(Math.log2(n)));
      expect(verifyInclusion(m, n, all[m] as Hash, proof, root)).toBe(true);
      expect(verifyInclusion(m, n, leafHash(Buffer.from('other')), proof, root)).toBe(false);
      expect(verifyInclusion(m, n, all[m] as Hash, proof, leafHash(Buffer.from('root')))).toBe(false);
      if (n > 1) {
        expect(verifyInclusion((m + 1) % n, n, all[m] as Hash, proof, root)).toBe(false);
      }
    }), { numRuns: 200 });
  });

  it('consistency proofs from stored blocks verify between any two sizes, and fail for a rewritten older tree', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 300 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))), ([m, n]) => {
      const all = leaves(n);
      const proof = consistencyRanges(m, n).map(fromBlocks(all));
      expect(proof).toEqual(consistencyRanges(m, n).map(naive(all)));
      expect(verifyConsistency(m, n, rootOf(all.slice(0, m)), rootOf(all), proof)).toBe(true);
      if (m > 0) {
        const rewritten = [...all.slice(0, m - 1), leafHash(Buffer.from('edited'))];
        expect(verifyConsistency(m, n, rootOf(rewritten), rootOf(all), proof)).toBe(false);
      }
      if (m > 0 && m < n) {
        expect(verifyConsistency(m, n, rootOf(all.slice(0, m)), rootOf([...all.slice(0, n - 1), leafHash(Buffer.from('x'))]), proof)).toBe(false);
      }
    }), { numRuns: 200 });
  });

  it('refuses ranges that are not aligned blocks', () => {
    expect(() => rangeBlocks({ start: 1, end: 3 })).toThrow(/not aligned/);
    expect(() => inclusionRanges(3, 3)).toThrow(RangeError);
  });
});
