import pptxgen from 'pptxgenjs'
import { joinTitle, type ExportDeck } from './deck.ts'

// The package's types describe its CommonJS build; its ES build (what Node loads) exports the class as default.
const PptxGenJS = pptxgen as unknown as typeof pptxgen.default

/** PowerPoint measures in inches; Slidev's canvas is in CSS pixels, 96 to the inch. */
const PX_PER_INCH = 96

/**
 * One PowerPoint slide per deck slide: the slide's image filling it, and the
 * speaker notes as the slide's notes (one paragraph per blank-line block).
 */
export async function buildPptx(deck: ExportDeck, images: Buffer[]): Promise<Buffer> {
  const pptx = new PptxGenJS()
  const width = deck.width / PX_PER_INCH
  const height = deck.height / PX_PER_INCH
  pptx.defineLayout({ name: 'deck', width, height })
  pptx.layout = 'deck'
  pptx.title = joinTitle(deck.title)
  pptx.company = 'briefdeck'
  for (const slide of deck.slides) {
    const image = images[slide.no - 1]
    if (!image) throw new Error(`${deck.file}: no image of slide ${slide.no}`)
    const page = pptx.addSlide()
    page.addImage({ data: `image/png;base64,${image.toString('base64')}`, x: 0, y: 0, w: width, h: height, altText: joinTitle(slide.title) })
    if (slide.notes.length > 0) page.addNotes(notesText(slide.notes.map((note) => note.text)))
  }
  return (await pptx.write({ outputType: 'nodebuffer', compression: true })) as Buffer
}

export function notesText(paragraphs: string[]): string {
  return paragraphs.join('\n\n')
}
