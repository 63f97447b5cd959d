import { describe, expect, it } from "vitest";
import { deliveryNoticeMail } from "../../src/domain/mail";

describe("the delivery notice email", () => {
  it("isolates a right-to-left letter title in its subject and text (FSI…PDI), as the other signer emails do", () => {
    const mail = deliveryNoticeMail(
      "dana@example.org",
      "מכתב פתוח",
      "2026-12-01",
      {
        letter: "https://undersigned.test/letters/x",
        unsubscribe: "https://undersigned.test/letters/x/unsubscribe?token=t",
      },
      "en",
    );
    expect(mail.subject).toContain("\u2068מכתב פתוח\u2069");
    expect(mail.text).toContain("\u2068מכתב פתוח\u2069");
    expect(mail.headers?.["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
  });
});
