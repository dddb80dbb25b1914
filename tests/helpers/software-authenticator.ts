import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";

// A WebAuthn authenticator in software (P-256 / ES256, "none" attestation), written from the spec
// with node:crypto and a tiny CBOR encoder of its own, so the server's checks meet bytes that did
// not come from the library that verifies them.

type Cbor = number | string | Uint8Array | CborMap | CborObject;
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- an interface breaks the type alias cycle
interface CborMap extends Map<Cbor, Cbor> {}
interface CborObject {
  [key: string]: Cbor;
}

function head(major: number, length: number): Buffer {
  if (length < 24) return Buffer.from([(major << 5) | length]);
  if (length < 256) return Buffer.from([(major << 5) | 24, length]);
  if (length < 65536) return Buffer.from([(major << 5) | 25, length >> 8, length & 0xff]);
  const out = Buffer.alloc(5);
  out[0] = (major << 5) | 26;
  out.writeUInt32BE(length, 1);
  return out;
}

export function cborEncode(value: Cbor): Buffer {
  if (typeof value === "number") return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (typeof value === "string") {
    const bytes = Buffer.from(value, "utf8");
    return Buffer.concat([head(3, bytes.length), bytes]);
  }
  if (value instanceof Uint8Array) return Buffer.concat([head(2, value.length), Buffer.from(value)]);
  const entries = value instanceof Map ? [...value.entries()] : Object.entries(value);
  return Buffer.concat([head(5, entries.length), ...entries.flatMap(([key, item]) => [cborEncode(key), cborEncode(item)])]);
}

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64url");
const sha256 = (data: Uint8Array | string) => createHash("sha256").update(data).digest();

export const FLAGS = { UP: 0x01, UV: 0x04, AT: 0x40 } as const;

export type SoftwareAuthenticator = {
  credentialId: Buffer;
  counter: number;
  /** navigator.credentials.create()'s answer, as @simplewebauthn/browser's startRegistration returns it (JSON). */
  register(input: { challenge: string; rpId: string; origin: string; flags?: number }): string;
  /** navigator.credentials.get()'s answer, as startAuthentication returns it (JSON); counter +1 unless told. */
  authenticate(input: { challenge: string; rpId: string; origin: string; flags?: number; counter?: number; userHandle?: string }): string;
};

export function createSoftwareAuthenticator(): SoftwareAuthenticator {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const jwk = (publicKey as KeyObject).export({ format: "jwk" });
  const coseKey = cborEncode(
    new Map<Cbor, Cbor>([
      [1, 2], // kty: EC2
      [3, -7], // alg: ES256
      [-1, 1], // crv: P-256
      [-2, Buffer.from(jwk.x!, "base64url")],
      [-3, Buffer.from(jwk.y!, "base64url")],
    ]),
  );

  const authenticator: SoftwareAuthenticator = {
    credentialId: randomBytes(16),
    counter: 0,
    register({ challenge, rpId, origin, flags = FLAGS.UP | FLAGS.UV }) {
      const clientDataJSON = Buffer.from(JSON.stringify({ type: "webauthn.create", challenge, origin, crossOrigin: false }));
      const counter = Buffer.alloc(4);
      counter.writeUInt32BE(authenticator.counter);
      const idLength = Buffer.alloc(2);
      idLength.writeUInt16BE(authenticator.credentialId.length);
      const authData = Buffer.concat([sha256(rpId), Buffer.from([flags | FLAGS.AT]), counter, Buffer.alloc(16), idLength, authenticator.credentialId, coseKey]);
      const attestationObject = cborEncode({ fmt: "none", attStmt: {}, authData });
      const id = b64url(authenticator.credentialId);
      return JSON.stringify({
        id,
        rawId: id,
        type: "public-key",
        clientExtensionResults: {},
        response: { clientDataJSON: b64url(clientDataJSON), attestationObject: b64url(attestationObject), transports: ["internal"] },
      });
    },
    authenticate({ challenge, rpId, origin, flags = FLAGS.UP | FLAGS.UV, counter, userHandle }) {
      authenticator.counter = counter ?? authenticator.counter + 1;
      const clientDataJSON = Buffer.from(JSON.stringify({ type: "webauthn.get", challenge, origin, crossOrigin: false }));
      const signCount = Buffer.alloc(4);
      signCount.writeUInt32BE(authenticator.counter);
      const authenticatorData = Buffer.concat([sha256(rpId), Buffer.from([flags]), signCount]);
      // ES256: an ASN.1 DER ECDSA signature over authenticatorData || SHA-256(clientDataJSON).
      const signature = sign("sha256", Buffer.concat([authenticatorData, sha256(clientDataJSON)]), privateKey);
      const id = b64url(authenticator.credentialId);
      return JSON.stringify({
        id,
        rawId: id,
        type: "public-key",
        clientExtensionResults: {},
        response: {
          clientDataJSON: b64url(clientDataJSON),
          authenticatorData: b64url(authenticatorData),
          signature: b64url(signature),
          ...(userHandle ? { userHandle } : {}),
        },
      });
    },
  };
  return authenticator;
}
