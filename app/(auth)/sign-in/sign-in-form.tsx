"use client";

import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { FormField } from "@/components/ui/field";
import { AFTER_SIGN_IN_PATH, safeNextPath } from "@/domain/auth/next-path";

type Problem = { message: string };

/**
 * Posts to Better Auth's endpoint from the browser (not through a server action) so the sign-in rate
 * limit, which Better Auth applies to HTTP requests, covers this form. A full page load afterwards picks
 * up the language cookie that sign-in restores from the profile.
 */
export function SignInForm({ next }: { next: string }) {
  const t = useTranslations("auth.signIn");
  const [problem, setProblem] = useState<Problem | null>(null);
  const [pending, setPending] = useState(false);
  const errorId = useId();
  const emailRef = useRef<HTMLInputElement>(null);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!email || !password) {
      setProblem({ message: t("missingFields") });
      return;
    }
    setPending(true);
    setProblem(null);
    try {
      const response = await fetch("/api/auth/sign-in/email", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email, password, rememberMe: true }),
        credentials: "same-origin",
      });
      if (response.ok) {
        // `next` comes checked from the server; checking again here keeps this navigation safe on its own.
        window.location.assign(safeNextPath(next) ?? AFTER_SIGN_IN_PATH);
        return;
      }
      const body = (await response.json().catch(() => null)) as { code?: string } | null;
      if (response.status === 429) {
        const seconds = Number(response.headers.get("x-retry-after")) || 60;
        const minutes = Math.ceil(seconds / 60);
        setProblem({
          message:
            body?.code === "TOO_MANY_FAILED_SIGN_INS"
              ? t("accountLocked", { minutes })
              : body?.code === "ACCOUNT_GUARDED"
                ? t("accountGuarded", { minutes })
                : t("rateLimited", { seconds }),
        });
      } else if (body?.code === "BANNED_USER") {
        setProblem({ message: t("deactivated") });
      } else if (response.status === 401 || body?.code === "INVALID_EMAIL_OR_PASSWORD" || body?.code === "INVALID_EMAIL") {
        setProblem({ message: t("invalidCredentials") });
      } else {
        setProblem({ message: t("failed", { status: response.status }) });
      }
    } catch {
      setProblem({ message: t("network") });
    }
    setPending(false);
    emailRef.current?.focus();
  }

  return (
    <form onSubmit={submit} noValidate className="mt-6 space-y-4" aria-describedby={problem ? errorId : undefined}>
      {problem && <Alert id={errorId}>{problem.message}</Alert>}
      {/* A problem is the whole sign-in's, not one field's: it describes the form, and both fields are marked invalid. */}
      <FormField
        ref={emailRef}
        id="sign-in-email"
        name="email"
        type="email"
        label={t("email")}
        autoComplete="username"
        required
        autoFocus
        aria-invalid={problem ? true : undefined}
      />
      <FormField
        id="sign-in-password"
        name="password"
        type="password"
        label={t("password")}
        autoComplete="current-password"
        required
        aria-invalid={problem ? true : undefined}
      />
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 disabled:opacity-70"
      >
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
