import { getTranslations } from "next-intl/server";
import { CopyButton } from "@/components/catalog/copy-button";
import { Section } from "@/components/ui/section";

/** The API's English messages for the code, verbatim, each with its own copy button. */
export async function EntryMessages({ messages }: { messages: string[] }) {
  const t = await getTranslations("catalog");
  return (
    <Section id="messages-heading" heading={t("entry.messages")}>
      <p className="mt-0.5 text-sm text-slate-600">{t("entry.messagesHint")}</p>
      <ul className="mt-2 space-y-2">
        {messages.map((message, index) => (
          <li key={index} className="flex items-start gap-2 rounded-md border border-slate-200 bg-white p-2">
            <pre lang="en" className="min-w-0 flex-1 py-1 font-mono text-[13px] whitespace-pre-wrap break-words text-slate-900">
              {message}
            </pre>
            <CopyButton
              text={message}
              label={t("entry.copy")}
              ariaLabel={t("entry.copyMessage", { n: index + 1 })}
              copiedLabel={t("entry.copied")}
              failedLabel={t("entry.copyFailed")}
              variant="ghost"
            />
          </li>
        ))}
      </ul>
    </Section>
  );
}
