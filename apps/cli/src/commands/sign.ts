import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { Command } from 'commander';

// `@shuliu/core/sm2` (the signer alone, not the platform) loads inside the actions, so `--help` answers at once

/** The DER of the curve sm2p256v1 (1.2.156.10197.1.301), as a PKCS#8 AlgorithmIdentifier names it. */
const SM2_CURVE_OID = Buffer.from('06082a811ccf5501822d', 'hex');

/** One DER element at `pos`: its tag and where its contents start and end. */
function element(der: Buffer, pos: number): { tag: number; start: number; end: number } {
  const tag = der[pos]!;
  let len = der[pos + 1]!;
  let start = pos + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    len = der.subarray(start, start + n).reduce((v, b) => v * 256 + b, 0);
    start += n;
  }
  if (start + len > der.length) throw new Error('truncated DER');
  return { tag, start, end: start + len };
}

/** The children of a DER SEQUENCE or the contents of an OCTET STRING, in order. */
function children(der: Buffer, parent: { start: number; end: number }) {
  const out: { tag: number; start: number; end: number }[] = [];
  for (let pos = parent.start; pos < parent.end; pos = out.at(-1)!.end) out.push(element(der, pos));
  return out;
}

/**
 * The 32-byte private scalar of an SM2 key in PEM — PKCS#8 (`openssl genpkey -algorithm SM2`, `shuliu
 * keygen`) or SEC1 (`openssl ecparam -name SM2 -genkey`). OpenSSL parses either; Node's JWK export knows no
 * SM2, so the scalar is read from the PKCS#8 DER: PrivateKeyInfo → ECPrivateKey → privateKey.
 */
export function sm2PrivateScalar(pem: string): Buffer {
  let der: Buffer;
  try {
    der = createPrivateKey(pem).export({ type: 'pkcs8', format: 'der' });
  } catch (e) {
    throw new Error(`not a private key in PEM: ${(e as Error).message}`);
  }
  const [, algorithm, wrapped] = children(der, element(der, 0));
  const curve = algorithm && children(der, algorithm)[1];
  if (!curve || !der.subarray(curve.start - 2, curve.end).equals(SM2_CURVE_OID))
    throw new Error('not an SM2 key: its curve is not sm2p256v1 (1.2.156.10197.1.301)');
  const [, d] = children(der, element(der, wrapped!.start));
  const scalar = der.subarray(d!.start, d!.end);
  if (scalar.length > 32) throw new Error('not an SM2 private key');
  return Buffer.concat([Buffer.alloc(32 - scalar.length), scalar]);
}

/** r ‖ s (hex) over the RFC 8785 form of a JSON document, signer ID 1234567812345678. */
export async function signDocument(json: string, keyPem: string): Promise<string> {
  const { orgSignedText, ORG_SIGNER_ID } = await import('@shuliu/contracts');
  const { Sm2Signer } = await import('@shuliu/core/sm2');
  const text = orgSignedText(JSON.parse(json));
  const d = sm2PrivateScalar(keyPem);
  const signer = Sm2Signer.fromBytes(d);
  d.fill(0);
  return signer.sign(text, ORG_SIGNER_ID).toString('hex');
}

/** The public key (04 ‖ x ‖ y, hex) of an SM2 private key in PEM: which registered key a signature names. */
export async function publicKeyHexOf(keyPem: string): Promise<string> {
  const { Sm2Signer } = await import('@shuliu/core/sm2');
  const d = sm2PrivateScalar(keyPem);
  const hex = Sm2Signer.fromBytes(d).publicKeyHex;
  d.fill(0);
  return hex;
}

export function signCommand() {
  return new Command('sign')
    .description(
      'sign a JSON document as your organization, offline: prints the SM2 signature r ‖ s (hex) over its RFC 8785 form, signer ID 1234567812345678',
    )
    .argument('<file>', 'the JSON document (a declaration, a contract)')
    .requiredOption('--key <pem>', 'your SM2 private key (PKCS#8 or SEC1 PEM, e.g. from `shuliu keygen`)')
    .action(async (file: string, opts: { key: string }) => {
      let json: string;
      try {
        json = readFileSync(file, 'utf8');
        JSON.parse(json);
      } catch (e) {
        throw new Error(`cannot read ${file} as JSON: ${(e as Error).message}`);
      }
      console.log(await signDocument(json, readFileSync(opts.key, 'utf8')));
    });
}

export function keygenCommand() {
  return new Command('keygen')
    .description(
      'make an SM2 key pair for your organization to sign with: writes the private key (mode 0600) and prints the public key to register (POST /api/orgs/{id}/signing-keys)',
    )
    .requiredOption('--out <file>', 'where to write the private key (PKCS#8 PEM); an existing file is kept')
    .action(async (opts: { out: string }) => {
      const { Sm2Signer, publicKeyPem } = await import('@shuliu/core/sm2');
      const { privateKey } = generateKeyPairSync('ec', {
        namedCurve: 'SM2',
        privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
        publicKeyEncoding: { type: 'spki', format: 'pem' },
      });
      const d = sm2PrivateScalar(privateKey);
      const signer = Sm2Signer.fromBytes(d);
      d.fill(0);
      try {
        writeFileSync(opts.out, privateKey, { mode: 0o600, flag: 'wx' });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        throw new Error(`${opts.out} exists: keygen never overwrites a key`);
      }
      console.error(`wrote ${opts.out}: the SM2 private key (PKCS#8), mode 0600 — keep it secret`);
      console.log(signer.publicKeyHex);
      process.stdout.write(publicKeyPem(signer.publicKey));
    });
}
