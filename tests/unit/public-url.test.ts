import { describe, expect, test } from "vitest";
import { appOrigin, configuredPublicOrigin, diagnosisLink } from "@/app/_lib/public-url";

describe("links to the app", () => {
  test("PUBLIC_URL wins over the request's host, as an origin (a trailing slash or upper case do not matter)", () => {
    const env = { PUBLIC_URL: " https://ErrorDesk.example.com/ ", PORT: "3000" };
    expect(appOrigin("10.0.0.5:3000", env)).toBe("https://errordesk.example.com");
    expect(diagnosisLink("AbC123xyz789", "0.0.0.0:3000", env)).toBe("https://errordesk.example.com/d/AbC123xyz789");
    expect(appOrigin(null, { PUBLIC_URL: "http://desk.intranet:8080" })).toBe("http://desk.intranet:8080");
  });

  test("BETTER_AUTH_URL still works as the older name of PUBLIC_URL; PUBLIC_URL wins when both are set", () => {
    expect(configuredPublicOrigin({ BETTER_AUTH_URL: "https://old.example.com" })).toBe("https://old.example.com");
    expect(configuredPublicOrigin({ BETTER_AUTH_URL: "https://old.example.com", PUBLIC_URL: "https://new.example.com" })).toBe(
      "https://new.example.com",
    );
    expect(configuredPublicOrigin({ PUBLIC_URL: "  ", BETTER_AUTH_URL: "" })).toBeNull();
  });

  test("without PUBLIC_URL the link follows the Host the request came by, over http", () => {
    expect(appOrigin("desk.intranet:3000", {})).toBe("http://desk.intranet:3000");
    expect(appOrigin("127.0.0.1:4004", {})).toBe("http://127.0.0.1:4004");
    expect(appOrigin("[::1]:3000", {})).toBe("http://[::1]:3000");
    expect(appOrigin("Desk.Intranet", {})).toBe("http://desk.intranet");
  });

  test("a listen address or a malformed Host is never used: http://localhost:PORT instead", () => {
    for (const host of ["0.0.0.0:3000", "0.0.0.0", "[::]:3000", "0:3000", "evil.example/path", "a@b", "host name", "", null, undefined]) {
      expect(appOrigin(host, { PORT: "4004" }), String(host)).toBe("http://localhost:4004");
    }
    expect(appOrigin(null, {})).toBe("http://localhost:3000");
  });

  test("a PUBLIC_URL that is not an http(s) origin is refused with a message that says what to write", () => {
    expect(() => configuredPublicOrigin({ PUBLIC_URL: "errordesk.example.com" })).toThrow(
      'PUBLIC_URL must be a URL such as https://errordesk.example.com, not "errordesk.example.com".',
    );
    expect(() => configuredPublicOrigin({ PUBLIC_URL: "ftp://errordesk.example.com" })).toThrow(
      "PUBLIC_URL must start with https:// or http://",
    );
    expect(() => configuredPublicOrigin({ PUBLIC_URL: "https://example.com/errordesk" })).toThrow(
      "PUBLIC_URL must be the app's origin without a path, such as https://example.com",
    );
    expect(() => configuredPublicOrigin({ BETTER_AUTH_URL: "nope" })).toThrow("BETTER_AUTH_URL must be a URL");
  });
});
