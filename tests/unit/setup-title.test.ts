import { describe, expect, test, vi } from "vitest";
import en from "@/messages/en/auth.json";
import zhCN from "@/messages/zh-CN/auth.json";

const messages = vi.hoisted(() => ({ current: {} as Record<string, string> }));
vi.mock("server-only", () => ({}));
vi.mock("next-intl/server", () => ({ getTranslations: async () => (key: string) => messages.current[key] ?? key }));

const { generateMetadata } = await import("@/app/(auth)/setup/page");

describe("the setup page's title", () => {
  test.each([
    ["en", en.setup],
    ["zh-CN", zhCN.setup],
  ])("names the product once in %s: absolute, so the root layout's '· ErrorDesk' is not added to it", async (_locale, setup) => {
    messages.current = setup as Record<string, string>;
    const { title } = await generateMetadata();
    expect(title).toEqual({ absolute: setup.title });
    expect(setup.title.match(/ErrorDesk/g)).toHaveLength(1);
  });
});
