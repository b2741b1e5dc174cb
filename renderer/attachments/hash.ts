import { sha256HexSync } from '../../shared/attachments/sha256';

/**
 * SHA-256 of bytes as 64 lowercase hex digits: the name of a blob, on the device and on the server
 * (shared/blobs BLOB_HASH_PATTERN). WebCrypto (browsers, Electron, Node 20) when the page is a secure
 * context; the plain implementation otherwise (the app opened over http by a LAN address).
 */
export async function sha256Hex(data: Blob | ArrayBuffer | Uint8Array): Promise<string> {
  const bytes =
    data instanceof Blob
      ? new Uint8Array(await data.arrayBuffer())
      : data instanceof Uint8Array
        ? data
        : new Uint8Array(data);
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return sha256HexSync(bytes);
  const digest = await subtle.digest('SHA-256', bytes as BufferSource);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The first bytes of a file, to tell what it really is (shared/blobs sniffBlobType). */
export async function headOf(blob: Blob, length: number): Promise<Uint8Array> {
  return new Uint8Array(await blob.slice(0, length).arrayBuffer());
}
