"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { signInBrowser } from "@/components/checks/sign-in-browser";
import { Button } from "@/components/ui/button";
import { controlBorderClass, Field } from "@/components/ui/field";
import { parseStringToSign } from "@/domain/checks/signature";

/**
 * Computes the signature of a string to sign with the customer's secret, in this browser only: to compare with
 * the Signature (or X-Ca-Signature) the client sent. Nothing here is sent or saved.
 */
export function SignWithSecret({ idPrefix, initial }: { idPrefix: string; initial: string }) {
  const t = useTranslations("diagnosis.checks.sign");
  const [stringToSign, setStringToSign] = useState(initial);
  const [secret, setSecret] = useState("");
  const [signature, setSignature] = useState<string | null>(null);
  const layout = parseStringToSign(stringToSign)?.layout ?? "rpc";

  const compute = async (event: FormEvent) => {
    event.preventDefault();
    setSignature(await signInBrowser(layout, secret, stringToSign.replace(/\r\n/g, "\n")));
  };

  const className = "mt-1 block w-full rounded-md border bg-white px-2 py-1.5 font-mono text-xs";
  return (
    <form onSubmit={compute} className="space-y-2 border-t border-slate-200 px-3 py-3" data-testid="sign-with-secret">
      <p className="text-xs text-slate-600">{t("intro")}</p>
      <Field id={`${idPrefix}-sts`} label={t("stringToSign")}>
        {(control) => (
          <textarea
            {...control}
            rows={3}
            value={stringToSign}
            onChange={(e) => setStringToSign(e.target.value)}
            className={`${className} ${controlBorderClass(false)}`}
          />
        )}
      </Field>
      <Field id={`${idPrefix}-secret`} label={t("secret")}>
        {(control) => (
          <input
            {...control}
            type="password"
            autoComplete="off"
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
            className={`${className} ${controlBorderClass(false)}`}
          />
        )}
      </Field>
      <Button type="submit" size="sm" disabled={!secret || !stringToSign}>
        {t("compute")}
      </Button>
      {signature ? (
        <p className="text-sm" role="status">
          {t(layout === "rpc" ? "resultRpc" : "resultGateway")} <code className="font-mono break-all">{signature}</code>
        </p>
      ) : null}
    </form>
  );
}
