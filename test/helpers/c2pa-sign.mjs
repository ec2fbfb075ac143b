// Signs a file with a C2PA manifest for the provenance tests, with the library's own signer and a
// certificate made here: a throwaway CA and a leaf for document signing (C2PA refuses a
// self-signed leaf). Usage: node test/helpers/c2pa-sign.mjs INPUT OUTPUT [SIGNER_CN]
// Plain ES module: @trustnxt/c2pa-ts is ESM only, and the compiled tests are CommonJS.
import * as fs from 'node:fs';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { BMFF, JPEG, PNG } from '@trustnxt/c2pa-ts/asset';
import { CoseAlgorithmIdentifier, LocalSigner } from '@trustnxt/c2pa-ts/cose';
import { BMFFHashAssertion, DataHashAssertion, ManifestStore } from '@trustnxt/c2pa-ts/manifest';

const [input, output, signerName = 'Sora Storyboard Test Signer'] = process.argv.slice(2);
x509.cryptoProvider.set(webcrypto);
const algorithm = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
const notBefore = new Date(Date.now() - 24 * 3600 * 1000);
const notAfter = new Date(Date.now() + 24 * 3600 * 1000);

const caKeys = await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify']);
const ca = await x509.X509CertificateGenerator.createSelfSigned({
  serialNumber: '01',
  name: 'CN=Sora Storyboard Test CA, O=Sora Storyboard Tests',
  notBefore,
  notAfter,
  keys: caKeys,
  signingAlgorithm: algorithm,
  extensions: [
    new x509.BasicConstraintsExtension(true, 0, true),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
    await x509.SubjectKeyIdentifierExtension.create(caKeys.publicKey),
  ],
});
const leafKeys = await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify']);
const leaf = await x509.X509CertificateGenerator.create({
  serialNumber: '02',
  subject: `CN=${signerName}, O=Sora Storyboard Tests`,
  issuer: ca.subject,
  notBefore,
  notAfter,
  signingKey: caKeys.privateKey,
  publicKey: leafKeys.publicKey,
  signingAlgorithm: algorithm,
  extensions: [
    new x509.BasicConstraintsExtension(false, undefined, true),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
    new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.emailProtection]),
    await x509.AuthorityKeyIdentifierExtension.create(ca, false),
    await x509.SubjectKeyIdentifierExtension.create(leafKeys.publicKey),
  ],
});
const privateKey = new Uint8Array(await webcrypto.subtle.exportKey('pkcs8', leafKeys.privateKey));
const signer = new LocalSigner(privateKey, CoseAlgorithmIdentifier.ES256, leaf, [ca]);

const data = new Uint8Array(fs.readFileSync(input));
// Same brands as server/src/provenance: the 0.9 BMFF reader admits only HEIF brands by itself.
for (const brand of ['isom', 'iso2', 'mp41', 'mp42']) BMFF.canReadBrands.add(brand);
let asset;
let format;
let hash;
if (BMFF.canRead(data)) {
  asset = new BMFF(data);
  format = 'video/mp4';
  hash = BMFFHashAssertion.createV2('jumbf manifest', 'SHA-256');
} else if (PNG.canRead(data)) {
  asset = new PNG(data);
  format = 'image/png';
  hash = DataHashAssertion.create('SHA-256');
} else if (JPEG.canRead(data)) {
  asset = new JPEG(data);
  format = 'image/jpeg';
  hash = DataHashAssertion.create('SHA-256');
} else {
  throw new Error(`${input}: not MP4, PNG or JPEG`);
}
const store = new ManifestStore();
const manifest = store.createManifest({ assetFormat: format, instanceID: `sora-test-${Date.now()}`, defaultHashAlgorithm: 'SHA-256', signer });
manifest.addAssertion(hash);
await asset.ensureManifestSpace(store.measureSize());
await hash.updateWithAsset(asset);
await manifest.sign(signer);
await asset.writeManifestJUMBF(store.getBytes());
fs.writeFileSync(output, await asset.getDataRange());
