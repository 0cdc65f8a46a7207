import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

/** RFC 6238 as every authenticator app reads it: SHA-1, 6 digits, 30-second steps. */
export const TOTP_PARAMETERS = { algorithm: 'SHA1', digits: 6, period: 30 } as const;
/** Codes of the step before and after are accepted too, for clocks that drift. */
const WINDOW = 1;
const ISSUER = 'Haven';

/** A new secret: 160 random bits (RFC 4226's recommendation), base32. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totpFor(secret: string, username: string): TOTP {
  return new TOTP({
    ...TOTP_PARAMETERS,
    issuer: ISSUER,
    label: username,
    secret: Secret.fromBase32(secret),
  });
}

/** `otpauth://totp/Haven:<username>?secret=…`, what the QR code carries. */
export function otpauthUri(secret: string, username: string): string {
  return totpFor(secret, username).toString();
}

/** The URI as a QR code: an SVG document, made here, so no third party sees the secret. */
export function qrSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

/** The step (30-second period since the epoch) a time falls in. */
export function totpStep(at: Date): number {
  return Math.floor(at.getTime() / 1000 / TOTP_PARAMETERS.period);
}

/**
 * The step whose code `code` is, within one step of `at`, if it is later than `lastUsedStep`;
 * otherwise `null`. Storing the answer as the new `lastUsedStep` makes every code single-use.
 */
export function matchTotp(
  secret: string,
  code: string,
  at: Date,
  lastUsedStep: number,
): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpFor(secret, '').validate({
    token: code,
    timestamp: at.getTime(),
    window: WINDOW,
  });
  if (delta === null) return null;
  const step = totpStep(at) + delta;
  return step > lastUsedStep ? step : null;
}

/** The code of a step: for tests and for `haven users create` output checks. */
export function totpCode(secret: string, at: Date): string {
  return totpFor(secret, '').generate({ timestamp: at.getTime() });
}
