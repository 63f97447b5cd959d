/**
 * An error page met in the organizer area (a 403 for a role without the page, a 404 under
 * /admin) leads back into the area, in the organizer's language; the public site's error pages
 * still lead to the list of letters.
 */
import { describe, expect, it } from "vitest";
import { fetchWorker, organizerFetch, parseHtml } from "../helpers";
import { sessionAs } from "../organizers";

/** The error page's way onward: [its text, where it goes]. */
async function wayOnward(response: Response): Promise<[string, string]> {
  const links = parseHtml(await response.text()).querySelectorAll("main p a");
  const link = links[links.length - 1];
  return [link?.textContent ?? "", link?.getAttribute("href") ?? ""];
}

describe("error pages in the organizer area", () => {
  it("a moderator refused People is offered the organizer area, not the public list", async () => {
    const moderator = await sessionAs("Tomás", "moderator");
    const response = await organizerFetch(moderator, "/admin/people");
    expect(response.status).toBe(403);
    expect(await wayOnward(response)).toEqual(["Back to the organizer area", "/admin"]);
  });

  it("a page that does not exist under /admin leads back to the area too, in the organizer's language", async () => {
    const viewer = await sessionAs("Inês", "viewer");
    const response = await organizerFetch(viewer, "/admin/no-such-page", {
      headers: { "Accept-Language": "es" },
    });
    expect(response.status).toBe(404);
    expect(await wayOnward(response)).toEqual(["Volver al área de organizadores", "/admin"]);
  });

  it("the public site's error pages still lead to the list of letters", async () => {
    const response = await fetchWorker("/letters/no-such-letter");
    expect(response.status).toBe(404);
    expect(await wayOnward(response)).toEqual(["Go to the list of letters", "/"]);
  });
});
