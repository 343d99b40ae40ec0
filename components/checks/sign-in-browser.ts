/**
 * The signature a string to sign gets with a secret, computed with WebCrypto in the reader's browser: the secret
 * is never sent. OpenAPI (rpc): HMAC-SHA1 keyed with `secret + "&"`; the gateway (X-Ca): HMAC-SHA256 keyed with
 * the AppSecret. Both Base64.
 */
export async function signInBrowser(layout: "rpc" | "gateway", secret: string, stringToSign: string): Promise<string> {
  const encoder = new TextEncoder();
  const hash = layout === "rpc" ? "SHA-1" : "SHA-256";
  const key = await crypto.subtle.importKey(
    "raw",
    encoder.encode(layout === "rpc" ? `${secret}&` : secret),
    { name: "HMAC", hash },
    false,
    ["sign"],
  );
  const signature = new Uint8Array(await crypto.subtle.sign("HMAC", key, encoder.encode(stringToSign)));
  return btoa(String.fromCharCode(...signature));
}
