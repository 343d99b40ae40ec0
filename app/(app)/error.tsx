"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { startTransition } from "react";
import { ServerErrorMessage, useDatabaseDown } from "@/components/server-error";

/** An unexpected error on a signed-in page, shown inside the app's header and layout, in the reader's language. */
export default function AppError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("common.errors");
  const router = useRouter();
  const databaseDown = useDatabaseDown(error);
  const texts = {
    title: databaseDown ? t("unavailableTitle") : t("genericTitle"),
    body: databaseDown ? t("unavailableBody") : t("genericBody"),
    reference: error.digest ? t("reference", { digest: error.digest }) : null,
    retry: t("retry"),
  };
  // Re-render the server part too: the error came from there, and reset() alone would only retry the client.
  const retry = () =>
    startTransition(() => {
      router.refresh();
      reset();
    });
  return <ServerErrorMessage texts={texts} onRetry={retry} />;
}
