/**
 * A public key as one comparable string, from its JWK (RSA `n`/`e`, EC `crv`/`x`/`y`, Ed25519 `crv`/`x`): Node's
 * KeyObject and the browser's WebCrypto both export JWK, so a certificate read on one side and a key read on the
 * other compare. Given a private key's JWK, only the public members are read.
 */
export function publicKeyId(jwk: Record<string, unknown>): string {
  const member = (name: string) => (typeof jwk[name] === "string" ? (jwk[name] as string) : "");
  if (jwk.kty === "RSA") return `RSA:${member("n")}:${member("e")}`;
  if (jwk.kty === "EC") return `EC:${member("crv")}:${member("x")}:${member("y")}`;
  return `${member("kty")}:${member("crv")}:${member("x")}`;
}
