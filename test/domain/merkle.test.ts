/**
 * The Merkle tree against a direct transcription of RFC 9162 §2.1's
 * recursive definitions (MTH, PATH, PROOF): every root, inclusion proof and
 * consistency proof for trees of up to 40 leaves, made from stored complete
 * subtrees as the server makes them, and checked by the RFC's verification
 * algorithms; and proofs that must fail do.
 */
import { describe, expect, it } from "vitest";
import {
  consistencyProofRanges,
  foldRange,
  hashHex,
  inclusionProofRanges,
  leafHash,
  MerkleFrontier,
  nodeHash,
  rangeNodes,
  verifyConsistency,
  verifyInclusion,
  type Hash,
} from "../../src/domain/merkle";

async function mth(leaves: Hash[]): Promise<Hash> {
  if (leaves.length === 0) return new Uint8Array(await crypto.subtle.digest("SHA-256", new Uint8Array()));
  if (leaves.length === 1) return leaves[0]!;
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return nodeHash(await mth(leaves.slice(0, k)), await mth(leaves.slice(k)));
}

async function path(m: number, leaves: Hash[]): Promise<Hash[]> {
  if (leaves.length <= 1) return [];
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return m < k
    ? [...(await path(m, leaves.slice(0, k))), await mth(leaves.slice(k))]
    : [...(await path(m - k, leaves.slice(k))), await mth(leaves.slice(0, k))];
}

async function subproof(m: number, leaves: Hash[], whole: boolean): Promise<Hash[]> {
  if (m === leaves.length) return whole ? [] : [await mth(leaves)];
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return m <= k
    ? [...(await subproof(m, leaves.slice(0, k), whole)), await mth(leaves.slice(k))]
    : [...(await subproof(m - k, leaves.slice(k), false)), await mth(leaves.slice(0, k))];
}

const MAX = 40;

describe("the record's Merkle tree (RFC 9162)", async () => {
  const leaves = await Promise.all(Array.from({ length: MAX }, (_, i) => leafHash(`entry ${i}`)));
  // The complete subtrees, as the server stores them while the tree grows.
  const stored = new Map<string, Hash>();
  const frontier = new MerkleFrontier();
  const roots: Hash[] = [await frontier.root()];
  for (const leaf of leaves) {
    for (const node of await frontier.append(leaf)) stored.set(`${node.level}/${node.index}`, node.hash);
    roots.push(await frontier.root());
  }
  const rangeHash = ([lo, hi]: [number, number]) =>
    foldRange(rangeNodes(lo, hi).map(({ level, index }) => stored.get(`${level}/${index}`)!));

  it("grows to the roots of MTH, and a frontier rebuilt from stored nodes continues the same", async () => {
    for (let n = 0; n <= MAX; n++) expect(hashHex(roots[n]!)).toBe(hashHex(await mth(leaves.slice(0, n))));
    const rebuilt = new MerkleFrontier(
      13,
      rangeNodes(0, 13).map(({ level, index }) => stored.get(`${level}/${index}`)!),
    );
    await rebuilt.append(leaves[13]!);
    expect(hashHex(await rebuilt.root())).toBe(hashHex(roots[14]!));
  });

  it("makes and checks every inclusion proof", async () => {
    for (let n = 1; n <= MAX; n++) {
      for (let m = 0; m < n; m++) {
        const proof = await Promise.all(inclusionProofRanges(m, n).map(rangeHash));
        expect(proof.map(hashHex)).toEqual((await path(m, leaves.slice(0, n))).map(hashHex));
        expect(await verifyInclusion(m, n, leaves[m]!, proof, roots[n]!)).toBe(true);
        // The wrong leaf, the wrong index, or a shortened proof fail.
        expect(await verifyInclusion(m, n, leaves[(m + 1) % MAX]!, proof, roots[n]!)).toBe(false);
        if (n > 1) expect(await verifyInclusion((m + 1) % n, n, leaves[m]!, proof, roots[n]!)).toBe(false);
        if (proof.length > 0) expect(await verifyInclusion(m, n, leaves[m]!, proof.slice(1), roots[n]!)).toBe(false);
      }
    }
  });

  it("makes and checks every consistency proof", async () => {
    for (let n = 1; n <= MAX; n++) {
      for (let m = 1; m <= n; m++) {
        const proof = await Promise.all(consistencyProofRanges(m, n).map(rangeHash));
        expect(proof.map(hashHex)).toEqual((await subproof(m, leaves.slice(0, n), true)).map(hashHex));
        expect(await verifyConsistency(m, n, proof, roots[m]!, roots[n]!)).toBe(true);
        if (m < n) {
          // A rewritten past (another old root) or a proof for other sizes fail.
          expect(await verifyConsistency(m, n, proof, await leafHash("forged"), roots[n]!)).toBe(false);
          expect(await verifyConsistency(m, n, proof, roots[m]!, await leafHash("forged"))).toBe(false);
          if (m > 1) expect(await verifyConsistency(m - 1, n, proof, roots[m - 1]!, roots[n]!)).toBe(false);
        }
      }
    }
  });
});
