/**
 * The factsheet's QR code: the profile's absolute address drawn as an inline SVG on the server (no script, no
 * network, nothing to load when printing). Pure: the same address always gives the same SVG.
 */
import QRCode from 'qrcode';

/** Options of every factsheet QR code; tests rebuild the expected SVG with them. Level M survives a smudged print. */
export const PROFILE_QR_OPTIONS = { type: 'svg', errorCorrectionLevel: 'M', margin: 1 } as const satisfies QRCode.QRCodeToStringOptions;

/**
 * The QR code of an absolute profile address, as an SVG element's text.
 * @example await profileQrSvg('https://clusters.example.org/en/clusters/sarov-nuclear') // => '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 37 37" …'
 */
export function profileQrSvg(profileUrl: string): Promise<string> {
  if (!/^https?:\/\//.test(profileUrl)) throw new Error(`a factsheet QR code needs an absolute http(s) address; got "${profileUrl}"`);
  return QRCode.toString(profileUrl, PROFILE_QR_OPTIONS);
}
