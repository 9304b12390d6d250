/**
 * minisign's formats over Node's Ed25519, so anyone can check a package with the standard
 * `minisign` tool and the tambon's public key:
 *   public key  = untrusted comment line, then base64("Ed" ‖ key id (8 bytes) ‖ Ed25519 key (32));
 *   signature   = untrusted comment, base64("ED" ‖ key id ‖ Ed25519(BLAKE2b-512(file))),
 *                 "trusted comment: …", base64(Ed25519(signature ‖ trusted comment)).
 * We sign prehashed ("ED"), which minisign 0.11 makes and verifies by default; legacy ("Ed",
 * the raw file signed) signatures are verified too, as minisign does.
 */
import crypto from 'node:crypto';

/** A raw Ed25519 key pair: the 32-byte seed and the 32-byte public key, with minisign's 8-byte key id. */
export interface RawKeyPair {
  keyId: Buffer;
  publicKey: Buffer;
  seed: Buffer;
}

const pkcs8Prefix = Buffer.from('302e020100300506032b657004220420', 'hex');
const spkiPrefix = Buffer.from('302a300506032b6570032100', 'hex');

/** A new Ed25519 key pair with a random key id. */
export function generateKeyPair(): RawKeyPair {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
  const seed = privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(-32);
  const pub = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  return { keyId: crypto.randomBytes(8), publicKey: Buffer.from(pub), seed: Buffer.from(seed) };
}

/** The public key of a 32-byte seed. */
export function publicKeyOfSeed(seed: Buffer): Buffer {
  const key = crypto.createPrivateKey({ key: Buffer.concat([pkcs8Prefix, seed]), format: 'der', type: 'pkcs8' });
  return Buffer.from(crypto.createPublicKey(key).export({ format: 'der', type: 'spki' }).subarray(-32));
}

function privateKeyObject(seed: Buffer): crypto.KeyObject {
  return crypto.createPrivateKey({ key: Buffer.concat([pkcs8Prefix, seed]), format: 'der', type: 'pkcs8' });
}

function publicKeyObject(publicKey: Buffer): crypto.KeyObject {
  return crypto.createPublicKey({ key: Buffer.concat([spkiPrefix, publicKey]), format: 'der', type: 'spki' });
}

/** An Ed25519 signature of `data`. */
export function ed25519Sign(seed: Buffer, data: Buffer): Buffer {
  return crypto.sign(null, data, privateKeyObject(seed));
}

/** Whether `signature` is `publicKey`'s Ed25519 signature of `data`. */
export function ed25519Verify(publicKey: Buffer, data: Buffer, signature: Buffer): boolean {
  if (signature.length !== 64 || publicKey.length !== 32) return false;
  try {
    return crypto.verify(null, data, publicKeyObject(publicKey), signature);
  } catch {
    return false;
  }
}

/** The key id as minisign prints it: the 8 bytes read as a little-endian number, in upper-case hex. */
export function keyIdHex(keyId: Buffer): string {
  return Buffer.from(keyId).reverse().toString('hex').toUpperCase();
}

/** The 42 bytes of a minisign public key: "Ed", key id, key. */
export function publicKeyBytes(keyId: Buffer, publicKey: Buffer): Buffer {
  return Buffer.concat([Buffer.from('Ed'), keyId, publicKey]);
}

/** A public key file in minisign's format. */
export function encodePublicKey(keyId: Buffer, publicKey: Buffer, comment = `minisign public key ${keyIdHex(keyId)}`): string {
  return `untrusted comment: ${comment}\n${publicKeyBytes(keyId, publicKey).toString('base64')}\n`;
}

/** The base64 line of a public key (the text a QR code carries). */
export function publicKeyLine(keyId: Buffer, publicKey: Buffer): string {
  return publicKeyBytes(keyId, publicKey).toString('base64');
}

/**
 * Reads a minisign public key: a whole `.pub` file (comment line and key line) or the key line
 * alone. Null when it is not one.
 */
export function decodePublicKey(text: string): { keyId: Buffer; publicKey: Buffer } | null {
  const lines = text
    .replace(/\r/g, '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('untrusted comment:'));
  if (lines.length !== 1 || !/^[A-Za-z0-9+/]{56}$/.test(lines[0]!)) return null;
  const bytes = Buffer.from(lines[0]!, 'base64');
  if (bytes.length !== 42 || bytes.subarray(0, 2).toString('latin1') !== 'Ed') return null;
  return { keyId: bytes.subarray(2, 10), publicKey: bytes.subarray(10, 42) };
}

/**
 * The fingerprint a person reads over the phone: SHA-256 of the whole decoded public key (its
 * 42 bytes), in hex. The 8-byte key id is not a fingerprint.
 */
export function fingerprintOf(keyId: Buffer, publicKey: Buffer): string {
  return crypto.createHash('sha256').update(publicKeyBytes(keyId, publicKey)).digest('hex');
}

function blake2b512(data: Buffer): Buffer {
  return crypto.createHash('blake2b512').update(data).digest();
}

/** A minisign signature file of `message` (prehashed, "ED") with `trustedComment`. */
export function signMinisign(key: RawKeyPair, message: Buffer, trustedComment: string, untrustedComment = 'signature from TambonPlan secret key'): string {
  if (/[\r\n]/.test(trustedComment) || /[\r\n]/.test(untrustedComment)) throw new Error('a minisign comment is one line');
  const signature = ed25519Sign(key.seed, blake2b512(message));
  const global = ed25519Sign(key.seed, Buffer.concat([signature, Buffer.from(trustedComment, 'utf8')]));
  const sigLine = Buffer.concat([Buffer.from('ED'), key.keyId, signature]).toString('base64');
  return `untrusted comment: ${untrustedComment}\n${sigLine}\ntrusted comment: ${trustedComment}\n${global.toString('base64')}\n`;
}

/** A minisign signature file, parsed (not verified). */
export interface ParsedSignature {
  algorithm: 'Ed' | 'ED';
  keyId: Buffer;
  signature: Buffer;
  trustedComment: string;
  globalSignature: Buffer;
}

/** Parses a minisign signature file; null when it is not one. */
export function parseMinisign(text: string): ParsedSignature | null {
  const lines = text.replace(/\r/g, '').split('\n');
  if (lines.length < 4 || !lines[0]!.startsWith('untrusted comment:') || !lines[2]!.startsWith('trusted comment: ')) return null;
  if (lines.slice(4).some((l) => l.trim() !== '')) return null;
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(lines[1]!) || !/^[A-Za-z0-9+/]+={0,2}$/.test(lines[3]!)) return null;
  const sig = Buffer.from(lines[1]!, 'base64');
  const global = Buffer.from(lines[3]!, 'base64');
  if (sig.length !== 74 || global.length !== 64) return null;
  const algorithm = sig.subarray(0, 2).toString('latin1');
  if (algorithm !== 'Ed' && algorithm !== 'ED') return null;
  return { algorithm, keyId: sig.subarray(2, 10), signature: sig.subarray(10), trustedComment: lines[2]!.slice('trusted comment: '.length), globalSignature: global };
}

/**
 * Verifies a parsed signature of `message` against a public key: the key ids match, the
 * signature of the file (prehashed or legacy) and the global signature over the trusted comment.
 */
export function verifyMinisign(parsed: ParsedSignature, message: Buffer, keyId: Buffer, publicKey: Buffer): boolean {
  if (!parsed.keyId.equals(keyId)) return false;
  const signed = parsed.algorithm === 'ED' ? blake2b512(message) : message;
  if (!ed25519Verify(publicKey, signed, parsed.signature)) return false;
  return ed25519Verify(publicKey, Buffer.concat([parsed.signature, Buffer.from(parsed.trustedComment, 'utf8')]), parsed.globalSignature);
}
