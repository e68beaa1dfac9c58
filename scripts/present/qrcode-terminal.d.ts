declare module 'qrcode-terminal' {
  const qrcode: { generate(text: string, options: { small?: boolean }, done: (code: string) => void): void }
  export default qrcode
}

/** The QR encoder qrcode-terminal carries (vendor/QRCode), used to draw the presenter's QR as SVG. */
declare module 'qrcode-terminal/vendor/QRCode/index.js' {
  class QRCode {
    constructor(typeNumber: number, errorCorrectLevel: number)
    addData(data: string): void
    make(): void
    getModuleCount(): number
    isDark(row: number, col: number): boolean
  }
  export default QRCode
}
declare module 'qrcode-terminal/vendor/QRCode/QRErrorCorrectLevel.js' {
  const levels: { L: number; M: number; Q: number; H: number }
  export default levels
}
