// Reads a take's C2PA manifest (content credentials) with @trustnxt/c2pa-ts, a pure TypeScript
// reader: no native binary, nothing downloaded. Sora signs every clip; a clip with no manifest,
// or one that no longer validates, was re-encoded or had its metadata stripped. It reads bytes, not
// files: the server's take store hands it what the host port read (disk, or the browser's
// workspace.fs); ./file reads a file on disk for the CLI and tests.

/** What the take log records about a video's content credentials. */
export type Provenance = {
  /** signed: a manifest that validates; invalid: a manifest that does not; absent: none found; unreadable: not a file we can read. */
  status: 'signed' | 'invalid' | 'absent' | 'unreadable';
  /** The signing certificate's subject, as `CN=…, O=…`. */
  signer?: string;
  /** Who issued the signing certificate. */
  issuer?: string;
  /** The software that made the claim (e.g. the generator's name and version). */
  claimGenerator?: string;
  /** The failed checks, as `code: explanation`. */
  errors?: string[];
  /** The file type read: `video/mp4`, `image/png`, … */
  format?: string;
  checkedAt: string;
};

/** Validation codes that are about trust in the signer rather than the file: this reader ships no trust list. */
const trustCodes = new Set(['signingCredential.untrusted', 'timeStamp.untrusted']);

type AssetModule = typeof import('@trustnxt/c2pa-ts/asset');
type Asset = InstanceType<AssetModule['BMFF']> | InstanceType<AssetModule['JPEG']> | InstanceType<AssetModule['PNG']>;

let loaded: Promise<{ asset: AssetModule; jumbf: typeof import('@trustnxt/c2pa-ts/jumbf'); manifest: typeof import('@trustnxt/c2pa-ts/manifest') }> | undefined;

function library() {
  loaded ??= Promise.all([import('@trustnxt/c2pa-ts/asset'), import('@trustnxt/c2pa-ts/jumbf'), import('@trustnxt/c2pa-ts/manifest')]).then(([asset, jumbf, manifest]) => {
    acceptVideoBrands(asset.BMFF);
    return { asset, jumbf, manifest };
  });
  return loaded;
}

/**
 * Version 0.9 of the library reads BMFF files (its C2PA box and hashes are the same for MP4) but
 * only lets HEIF brands in; MP4 and QuickTime brands are added so it reads videos too.
 */
function acceptVideoBrands(bmff: AssetModule['BMFF']): void {
  const brands = (bmff as unknown as { canReadBrands?: Set<string> }).canReadBrands;
  if (!(brands instanceof Set)) return;
  for (const brand of ['isom', 'iso2', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'avc1', 'M4V ', 'qt  ', 'dash']) brands.add(brand);
}

function openAsset(lib: AssetModule, data: Uint8Array): { asset: Asset; format: string } | undefined {
  if (lib.BMFF.canRead(data)) return { asset: new lib.BMFF(data), format: bmffFormat(data) };
  if (lib.JPEG.canRead(data)) return { asset: new lib.JPEG(data), format: 'image/jpeg' };
  if (lib.PNG.canRead(data)) return { asset: new lib.PNG(data), format: 'image/png' };
  return undefined;
}

function bmffFormat(data: Uint8Array): string {
  const brand = new TextDecoder().decode(data.subarray(8, 12));
  if (brand === 'qt  ') return 'video/quicktime';
  if (brand === 'heic' || brand === 'mif1') return 'image/heic';
  return 'video/mp4';
}

/** A video that could not be read at all: why, as the take log records it. */
export function unreadableProvenance(reason: string, now: Date = new Date()): Provenance {
  return { status: 'unreadable', errors: [reason], checkedAt: now.toISOString() };
}

/** Reads and validates the manifest in a file's bytes. Never throws: every failure is a status. */
export async function provenanceOfBytes(bytes: Uint8Array, now: Date = new Date()): Promise<Provenance> {
  const checkedAt = now.toISOString();
  const data = bytes as Uint8Array<ArrayBuffer>;
  let lib: Awaited<ReturnType<typeof library>>;
  try {
    lib = await library();
  } catch (error) {
    return { status: 'unreadable', errors: [`the C2PA reader could not load: ${(error as Error).message}`], checkedAt };
  }
  let opened: ReturnType<typeof openAsset>;
  try {
    opened = openAsset(lib.asset, data);
  } catch (error) {
    return { status: 'unreadable', errors: [`not a readable video or image: ${(error as Error).message}`], checkedAt };
  }
  if (!opened) return { status: 'unreadable', errors: ['not an MP4, MOV, JPEG or PNG file, so no content credentials can be read'], checkedAt };
  const { asset, format } = opened;
  const jumbf = asset.getManifestJUMBF();
  if (!jumbf) return { status: 'absent', format, checkedAt };
  try {
    const store = lib.manifest.ManifestStore.read(lib.jumbf.SuperBox.fromBuffer(jumbf as Uint8Array<ArrayBuffer>));
    const active = store.getActiveManifest();
    const result = await store.validate(asset);
    const failures = result.statusEntries.filter((entry) => entry.success === false);
    const errors = failures.map((entry) => (entry.explanation ? `${entry.code}: ${entry.explanation}` : entry.code));
    const validates = failures.every((entry) => trustCodes.has(entry.code));
    const certificate = active?.signature?.signatureData.certificate;
    return {
      status: validates ? 'signed' : 'invalid',
      ...(certificate ? { signer: certificate.subject, issuer: certificate.issuer } : {}),
      ...(active?.claim?.claimGeneratorName ? { claimGenerator: [active.claim.claimGeneratorName, active.claim.claimGeneratorInfo].filter(Boolean).join(' ') } : {}),
      ...(errors.length ? { errors } : {}),
      format,
      checkedAt,
    };
  } catch (error) {
    return { status: 'invalid', errors: [`the manifest could not be read: ${(error as Error).message}`], format, checkedAt };
  }
}
