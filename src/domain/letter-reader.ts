/**
 * Reading a letter's public documents from a server nobody vouches for:
 * what `npm run verify` downloads goes through LetterReader, which follows
 * only addresses on the letter's own origin (the origin of the address the
 * user gave), redirects included, and limits the requests, the bytes of
 * each response (counted as they stream in) and the time each takes, and
 * takes only JSON (and the record key's plain text). A hostile server can
 * so neither make the verifier request addresses on the verifier's own
 * network nor keep it reading forever. The network is handed in (a
 * `fetch`): pure, no I/O of its own, the same in Node and in the tests.
 */

/** The letter could not be read in full (network, HTTP error, a refused address, a limit): nothing is concluded. */
export class CannotVerify extends Error {
  override name = "CannotVerify";
}

/** How much the verifier reads, at most. */
export interface ReadLimits {
  /** Requests in all (pages and redirects), so a server can't keep the verifier reading forever. */
  maxRequests: number;
  /** Bytes of one response body, counted as it streams in (after decompression). */
  maxBytes: number;
  /** Milliseconds one request may take, its body included. */
  timeoutMs: number;
  /** Milliseconds all requests may take together, so a server answering each just in time can't keep it reading for days. */
  maxTotalMs: number;
  /** Redirects followed for one document (on the letter's origin only). */
  maxRedirects: number;
}

/**
 * The defaults: 10,000 requests (a letter of 10,000 signatories is about
 * 110: 100 signatories and 1,000 record entries a page), 8 MB a response
 * (a record page of 1,000 entries is about 0.4 MB), 30 s a request, and
 * 60 minutes in all (10,000 requests at a third of a second each).
 */
export const READ_LIMITS: ReadLimits = {
  maxRequests: 10_000,
  maxBytes: 8 * 1024 * 1024,
  timeoutMs: 30_000,
  maxTotalMs: 60 * 60_000,
  maxRedirects: 5,
};

/** The part of `fetch` the verifier uses. */
export type Fetch = (
  url: string,
  init: { redirect: "manual"; signal: AbortSignal; headers: Record<string, string> },
) => Promise<Response>;

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;
const TEXT_TYPE = /^text\/plain\s*(?:;|$)/i;

function seconds(ms: number): string {
  return `${ms / 1000} s`;
}

function megabytes(bytes: number): string {
  return `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;
}

/**
 * Reads a letter's public documents through a handed-in `fetch`, following
 * only addresses on `origin` (the origin of the address the user gave):
 * a document that points elsewhere (record.url, next_url, a redirect's
 * Location…) is refused, so a hostile server can't make the verifier
 * request addresses on the verifier's own network.
 */
export class LetterReader {
  readonly origin: string;
  readonly #fetch: Fetch;
  readonly #limits: ReadLimits;
  #requests = 0;
  /** When reading must be over (ms since the epoch), set by the first request. */
  #deadline: number | null = null;

  constructor(origin: string, fetch: Fetch, limits: Partial<ReadLimits> = {}) {
    this.origin = origin;
    this.#fetch = fetch;
    this.#limits = { ...READ_LIMITS, ...limits };
  }

  /** Requests made so far, redirects included. */
  get requests(): number {
    return this.#requests;
  }

  /**
   * The address `url` (from a document: anything; relative to `base`, by
   * default the origin) names, when it is on the letter's origin: its
   * scheme, host and port, without a user name or password (a blob: URL
   * has the origin of the address inside it, and is not on the network).
   * @throws CannotVerify naming `what` and the address otherwise
   */
  address(url: unknown, what: string, base: string | URL = this.origin): URL {
    let parsed: URL;
    try {
      parsed = new URL(String(url), base);
    } catch {
      throw new CannotVerify(`${what} is not an address: ${JSON.stringify(url)}.`);
    }
    if (
      parsed.origin !== this.origin ||
      `${parsed.protocol}//${parsed.host}` !== this.origin ||
      parsed.username !== "" ||
      parsed.password !== ""
    ) {
      throw new CannotVerify(
        `${what} is at ${parsed.href}, which is not on ${this.origin}: the verifier follows only addresses on the letter's own origin.`,
      );
    }
    return parsed;
  }

  /**
   * The JSON document at `url` (on the letter's origin), parsed.
   * @returns null for a 404 when `optional`
   * @throws CannotVerify when it is elsewhere, redirects elsewhere, fails, is not JSON, or exceeds a limit
   */
  async json(url: unknown, what: string, { optional = false } = {}): Promise<unknown> {
    const text = await this.#read(this.address(url, what), what, "json", optional);
    if (text === null) return null;
    try {
      return JSON.parse(text);
    } catch {
      throw new CannotVerify(`${what} (${String(url)}) is not valid JSON.`);
    }
  }

  /**
   * The plain text at `url` (on the letter's origin): the record key.
   * @returns null for a 404 when `optional`
   * @throws CannotVerify as json does
   */
  async text(url: unknown, what: string, { optional = false } = {}): Promise<string | null> {
    return this.#read(this.address(url, what), what, "text", optional);
  }

  #tooLong(): string {
    return `Reading the letter took longer than ${seconds(this.#limits.maxTotalMs)} in all: stopped (a larger letter needs --max-minutes).`;
  }

  async #read(first: URL, what: string, type: "json" | "text", optional: boolean): Promise<string | null> {
    let url = first;
    for (let redirects = 0; ; redirects++) {
      if (++this.#requests > this.#limits.maxRequests) {
        throw new CannotVerify(
          `${what} would be request ${this.#requests}, over the limit of ${this.#limits.maxRequests}: stopped (a larger letter needs --max-requests).`,
        );
      }
      this.#deadline ??= Date.now() + this.#limits.maxTotalMs;
      const left = this.#deadline - Date.now();
      const overall = left < this.#limits.timeoutMs;
      if (left <= 0) throw new CannotVerify(this.#tooLong());
      const controller = new AbortController();
      const timedOut = new Promise<never>((_, reject) => {
        controller.signal.addEventListener("abort", () =>
          reject(
            new CannotVerify(
              overall ? this.#tooLong() : `${url.href} did not answer within ${seconds(this.#limits.timeoutMs)}.`,
            ),
          ),
        );
      });
      timedOut.catch(() => {});
      const timer = setTimeout(() => controller.abort(), overall ? left : this.#limits.timeoutMs);
      try {
        const response = await Promise.race([
          this.#fetch(url.href, {
            redirect: "manual",
            signal: controller.signal,
            headers: { Accept: type === "json" ? "application/json" : "text/plain" },
          }).catch((error: unknown) => {
            if (controller.signal.aborted) return timedOut;
            throw new CannotVerify(`${url.href} could not be read: ${(error as Error).message}.`);
          }),
          timedOut,
        ]);
        if ((response.status >= 300 && response.status < 400) || (response.type as string) === "opaqueredirect") {
          await response.body?.cancel().catch(() => {});
          const location = response.headers.get("Location");
          if (!location) throw new CannotVerify(`${url.href} redirects without saying where.`);
          const next = this.address(location, `${url.href} redirects, and its target`, url);
          if (redirects >= this.#limits.maxRedirects) {
            throw new CannotVerify(`${first.href} redirects more than ${this.#limits.maxRedirects} times.`);
          }
          url = next;
          continue;
        }
        if (optional && response.status === 404) {
          await response.body?.cancel().catch(() => {});
          return null;
        }
        if (!response.ok) {
          await response.body?.cancel().catch(() => {});
          throw new CannotVerify(`${url.href} answered ${response.status} ${response.statusText}`.trimEnd() + ".");
        }
        const contentType = response.headers.get("Content-Type") ?? "";
        if (!(type === "json" ? JSON_TYPE : TEXT_TYPE).test(contentType)) {
          await response.body?.cancel().catch(() => {});
          throw new CannotVerify(
            `${url.href} answered ${contentType || "no Content-Type"}, not ${type === "json" ? "JSON" : "plain text"}: refused.`,
          );
        }
        return await this.#body(response, url, timedOut);
      } finally {
        clearTimeout(timer);
      }
    }
  }

  /** The body as text, refused as soon as it passes maxBytes (not after it has all arrived). */
  async #body(response: Response, url: URL, timedOut: Promise<never>): Promise<string> {
    const max = this.#limits.maxBytes;
    const tooLarge = () => new CannotVerify(`${url.href} is larger than ${megabytes(max)}: refused.`);
    const declared = Number(response.headers.get("Content-Length") ?? "0");
    if (declared > max) {
      await response.body?.cancel().catch(() => {});
      throw tooLarge();
    }
    if (!response.body) return "";
    const reader = response.body.getReader() as ReadableStreamDefaultReader<Uint8Array>;
    const chunks: Uint8Array[] = [];
    let total = 0;
    try {
      for (;;) {
        const { done, value } = await Promise.race([reader.read(), timedOut]);
        if (done) break;
        total += value.byteLength;
        if (total > max) throw tooLarge();
        chunks.push(value);
      }
    } catch (error) {
      await reader.cancel().catch(() => {});
      throw error instanceof CannotVerify
        ? error
        : new CannotVerify(`${url.href} could not be read: ${(error as Error).message}.`);
    }
    const bytes = new Uint8Array(total);
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.byteLength;
    }
    try {
      return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      throw new CannotVerify(`${url.href} is not UTF-8 text.`);
    }
  }
}
