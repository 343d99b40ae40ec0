/** PEM blocks (`-----BEGIN X-----` … `-----END X-----`) in a text, in order, each with its label. */
export type PemBlock = { label: string; text: string };

export function pemBlocks(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  for (const match of text.matchAll(/-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g)) {
    blocks.push({ label: match[1]!, text: match[0] });
  }
  return blocks;
}

/** A private key PEM that needs a passphrase: PKCS#8 `ENCRYPTED PRIVATE KEY` or the OpenSSL `Proc-Type: 4,ENCRYPTED` header. */
export function isEncryptedKey(block: PemBlock): boolean {
  return block.label === "ENCRYPTED PRIVATE KEY" || /Proc-Type:\s*4,ENCRYPTED/i.test(block.text);
}

export function isPrivateKeyLabel(label: string): boolean {
  return /(^| )PRIVATE KEY$/.test(label);
}
