"use client";

import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";

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
        window.location.assign(next);
        return;
      }
      const body = (await response.json().catch(() => null)) as { code?: string } | null;
      if (response.status === 429) {
        const seconds = Number(response.headers.get("x-retry-after")) || 60;
        setProblem({
          message: body?.code === "TOO_MANY_FAILED_SIGN_INS" ? t("accountLocked", { minutes: Math.ceil(seconds / 60) }) : t("rateLimited", { seconds }),
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
      {problem && (
        <p id={errorId} role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {problem.message}
        </p>
      )}
      <div>
        <label htmlFor="sign-in-email" className="block text-sm font-medium">
          {t("email")}
        </label>
        <input
          ref={emailRef}
          id="sign-in-email"
          name="email"
          type="email"
          autoComplete="username"
          required
          autoFocus
          aria-invalid={problem ? true : undefined}
          className="mt-1 block w-full rounded border border-slate-400 px-3 py-2"
        />
      </div>
      <div>
        <label htmlFor="sign-in-password" className="block text-sm font-medium">
          {t("password")}
        </label>
        <input
          id="sign-in-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={problem ? true : undefined}
          className="mt-1 block w-full rounded border border-slate-400 px-3 py-2"
        />
      </div>
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
