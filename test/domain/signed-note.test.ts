/**
 * Checkpoints signed as C2SP signed notes: made with Web Crypto's Ed25519,
 * checked by another implementation (@noble/ed25519), and refused when the
 * text, the signature or the key differ.
 */
import * as noble from "@noble/ed25519";
import { describe, expect, it } from "vitest";
import { leafHash } from "../../src/domain/merkle";
import {
  checkpointText,
  fromBase64,
  generateSignerKey,
  openCheckpoint,
  parseSignerKey,
  parseVerifierKey,
  signedMessage,
  signNote,
  webCryptoVerify,
  type Ed25519Verify,
} from "../../src/domain/signed-note";

const nobleVerify: Ed25519Verify = (signature, message, publicKey) => noble.verifyAsync(signature, message, publicKey);

describe("signed checkpoints", () => {
  it("signs a checkpoint that an independent Ed25519 implementation verifies", async () => {
    const signer = await parseSignerKey(await generateSignerKey("undersigned.test"));
    expect(signer.verifierKey.text).toMatch(/^undersigned\.test\+[0-9a-f]{8}\+[A-Za-z0-9+/]{44}$/);
    const root = await leafHash("x");
    const text = checkpointText({
      origin: "undersigned.test/letters/a",
      size: 3,
      root,
      time: "2026-11-30T00:00:00.000Z",
    });
    const note = await signNote(text, signer);
    expect(note).toMatch(
      /^undersigned\.test\/letters\/a\n3\n[A-Za-z0-9+/]{43}=\ntime 2026-11-30T00:00:00.000Z\n\n— undersigned\.test [A-Za-z0-9+/]{91}=\n$/,
    );

    // @noble/ed25519, on its own: the signature line's bytes after the 4-byte key ID, over the text.
    const signature = fromBase64(note.trim().split(" ").at(-1)!)!.slice(4);
    expect(await noble.verifyAsync(signature, signedMessage(note)!, signer.verifierKey.publicKey)).toBe(true);

    const key = await parseVerifierKey(signer.verifierKey.text);
    for (const verify of [nobleVerify, webCryptoVerify]) {
      const opened = await openCheckpoint(note, key, verify);
      expect(opened).toEqual({
        checkpoint: { origin: "undersigned.test/letters/a", size: 3, root, time: "2026-11-30T00:00:00.000Z" },
      });
    }
  });

  it("refuses an altered text, a forged signature, and another key", async () => {
    const signer = await parseSignerKey(await generateSignerKey("undersigned.test"));
    const key = signer.verifierKey;
    const note = await signNote(
      checkpointText({ origin: "o/letters/a", size: 3, root: await leafHash("x"), time: null }),
      signer,
    );
    const altered = note.replace("\n3\n", "\n2\n");
    expect(await openCheckpoint(altered, key, nobleVerify)).toEqual({
      problem: "The checkpoint's signature by undersigned.test does not verify: the checkpoint was altered or forged.",
    });
    const other = await parseSignerKey(await generateSignerKey("undersigned.test"));
    const forged = await signNote(
      checkpointText({ origin: "o/letters/a", size: 2, root: await leafHash("y"), time: null }),
      other,
    );
    expect("problem" in (await openCheckpoint(forged, key, nobleVerify))).toBe(true);
    expect("problem" in (await openCheckpoint("no note", key, nobleVerify))).toBe(true);
  });

  it("refuses malformed keys with a sentence", async () => {
    await expect(parseSignerKey("PRIVATE+KEY+name+00000000+AAAA")).rejects.toThrow(/Ed25519/);
    await expect(parseSignerKey("nonsense")).rejects.toThrow(/not a signer key/);
    const text = (await parseSignerKey(await generateSignerKey("n"))).verifierKey.text;
    await expect(parseVerifierKey(text.replace(/\+[0-9a-f]{8}\+/, "+00000000+"))).rejects.toThrow(/ID does not match/);
  });
});
