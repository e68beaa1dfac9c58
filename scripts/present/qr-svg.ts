/**
 * A QR code as an SVG image, drawn offline with the encoder that
 * qrcode-terminal (already the terminal's QR) carries: for the presenter
 * view's "phone" panel (components/DeckPhone.vue), which shows the presenter's
 * address, secret and all, to the laptop's user only (served under the secret).
 */
import QRCode from 'qrcode-terminal/vendor/QRCode/index.js'
import levels from 'qrcode-terminal/vendor/QRCode/QRErrorCorrectLevel.js'

/** Quiet zone around the code, in modules (the standard's four). */
const QUIET = 4

export function qrSvg(text: string): string {
  // M: a phone reads it off a laptop's screen, glare and all.
  const code = new QRCode(-1, levels.M)
  code.addData(text)
  code.make()
  const count = code.getModuleCount()
  const size = count + 2 * QUIET
  let path = ''
  for (let row = 0; row < count; row++) {
    for (let col = 0; col < count; col++) if (code.isDark(row, col)) path += `M${col + QUIET} ${row + QUIET}h1v1h-1z`
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges" data-modules="${count}"><rect width="${size}" height="${size}" fill="#fff"/><path fill="#000" d="${path}"/></svg>\n`
}
