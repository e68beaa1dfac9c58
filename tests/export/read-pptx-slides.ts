import { decodeXML } from 'entities'
import JSZip from 'jszip'

/** A text run of a PPTX slide: its text, language and East Asian typeface. */
export interface PptxRun {
  text: string
  lang: string | undefined
  eastAsian: string | undefined
  /** Its font size in points (`sz`, hundredths of a point), if it names one. */
  size: number | undefined
}

/** A shape of a slide, as PowerPoint sees it. */
export interface PptxShape {
  id: string
  name: string
  /** `title` for the slide's title placeholder. */
  placeholder: string | undefined
  runs: PptxRun[]
  /** The runs of each paragraph. */
  paragraphs: PptxRun[][]
}

/** What a click reveals: a shape, or one paragraph of it. */
export interface PptxTarget {
  id: string
  paragraph: number | undefined
}

export interface PptxSlide {
  shapes: PptxShape[]
  /** Per click, what appears on it (PowerPoint's entrance effects). */
  clicks: PptxTarget[][]
  /** The notes' text, paragraphs joined by newlines. */
  notes: string
  /** The notes' runs. */
  noteRuns: PptxRun[]
  /** The slide's XML as stored. */
  xml: string
}

export interface PptxDocument {
  slides: PptxSlide[]
  /** The slide's width in points (`p:sldSz`). */
  widthPt: number
  title: string | undefined
  language: string | undefined
}

const SHAPE = /<p:sp>([\s\S]*?)<\/p:sp>/g
const RUN = /<a:r>([\s\S]*?)<\/a:r>/g
const attribute = (xml: string, pattern: RegExp) => pattern.exec(xml)?.[1]

function runsOf(xml: string): PptxRun[] {
  return [...xml.matchAll(RUN)].map(([, run = '']) => ({
    text: decodeXML(attribute(run, /<a:t>([^<]*)<\/a:t>/) ?? ''),
    lang: attribute(run, /<a:rPr\b[^>]*\blang="([^"]+)"/),
    eastAsian: attribute(run, /<a:ea typeface="([^"]*)"/),
    size: ((sz) => (sz === undefined ? undefined : Number(sz) / 100))(attribute(run, /<a:rPr\b[^>]*\bsz="(\d+)"/)),
  }))
}

/** Reads a PPTX with a zip reader: each slide's shapes and runs, its click builds, its notes; the document's title and language. */
export async function readPptxSlides(bytes: Uint8Array): Promise<PptxDocument> {
  const zip = await JSZip.loadAsync(bytes)
  const read = async (name: string) => (await zip.file(name)?.async('string')) ?? ''
  const count = Object.keys(zip.files).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name)).length
  const slides: PptxSlide[] = []
  for (let no = 1; no <= count; no++) {
    const xml = await read(`ppt/slides/slide${no}.xml`)
    const shapes = [...xml.matchAll(SHAPE)].map(([, shape = '']) => ({
      id: attribute(shape, /<p:cNvPr id="(\d+)"/) ?? '',
      name: decodeXML(attribute(shape, /<p:cNvPr id="\d+" name="([^"]*)"/) ?? ''),
      placeholder: attribute(shape, /<p:ph\b[^>]*\btype="(\w+)"/),
      runs: runsOf(shape),
      paragraphs: shape.split('</a:p>').slice(0, -1).map(runsOf),
    }))
    // Each click is a `delay="indefinite"` group of the main sequence; its effects name their shapes.
    const clicks = xml
      .split('<p:cond delay="indefinite"/>')
      .slice(1)
      .map((group) =>
        [...group.matchAll(/<p:spTgt spid="(\d+)"(?:\/>|><p:txEl><p:pRg st="(\d+)")/g)].map(([, id = '', paragraph]) => ({
          id,
          paragraph: paragraph === undefined ? undefined : Number(paragraph),
        })),
      )
    const rels = await read(`ppt/slides/_rels/slide${no}.xml.rels`)
    const notesName = attribute(rels, /Target="\.\.\/notesSlides\/(notesSlide\d+\.xml)"/)
    const notesXml = notesName ? await read(`ppt/notesSlides/${notesName}`) : ''
    // The notes body only: the slide-number placeholder also holds text.
    const body = notesXml.split('type="body"')[1]?.split('</p:txBody>')[0] ?? ''
    const notes = body
      .split('</a:p>')
      .map((paragraph) => [...paragraph.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map(([, text = '']) => decodeXML(text)).join(''))
      .join('\n')
      // pptxgenjs writes line ends inside the notes' text as CRLF.
      .replace(/\r\n?/g, '\n')
    slides.push({ shapes, clicks, notes, noteRuns: runsOf(body), xml })
  }
  const [, cx = '0'] = /<p:sldSz cx="(\d+)"/.exec(await read('ppt/presentation.xml')) ?? []
  const core = await read('docProps/core.xml')
  const title = attribute(core, /<dc:title>([^<]*)<\/dc:title>/)
  return { slides, widthPt: Number(cx) / 12700, title: title === undefined ? undefined : decodeXML(title), language: attribute(core, /<dc:language>([^<]*)<\/dc:language>/) }
}
