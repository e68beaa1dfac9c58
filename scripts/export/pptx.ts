import pptxgen from 'pptxgenjs'
import type { Lang } from '../brief/model.ts'
import type { Scheme } from '../deck/scheme.ts'
import { joinTitle, type ExportDeck } from './deck.ts'
import { COLORS, layoutSlide, type Paragraph, type SlideLayout } from './pptx-layout.ts'
import { finishPptx, type PptxFinish } from './pptx-xml.ts'

// The package's types describe its CommonJS build; its ES build (what Node loads) exports the class as default.
const PptxGenJS = pptxgen as unknown as typeof pptxgen.default
type Pptx = InstanceType<typeof PptxGenJS>
type Slide = ReturnType<Pptx['addSlide']>
type TextProps = Exclude<Parameters<Slide['addText']>[0], string>[number]

/** PowerPoint measures in inches and points; Slidev's canvas is in CSS pixels, 96 to the inch. */
const PX_PER_INCH = 96
const PT_PER_PX = 0.75
const EMU_PER_INCH = 914400
/** The natural line height of Noto Sans and Noto Sans TC, in em. */
const NOTO_LINE_HEIGHT = 1.4
/** ■, coloured by pptx-xml.ts as the deck's squares. */
const SQUARE = '25A0'
const MASTER = 'briefdeck'

/** PowerPoint's language tags, for proofing and font choice. */
export const PPTX_LANG: Record<Lang, string> = { 'zh-Hant': 'zh-TW', en: 'en-US' }
/** style.css: Chinese in Noto Sans TC, English in Noto Sans (its Han characters in Noto Sans TC, see pptx-xml.ts). */
const FACE: Record<Lang, string> = { 'zh-Hant': 'Noto Sans TC', en: 'Noto Sans' }

/**
 * A native PowerPoint deck from a deck's content: one slide per slide, its
 * title in the title placeholder, every text a real text box laid out as on
 * the slide (pptx-layout.ts), each run tagged with its language, each point
 * appearing on its click; the speaker notes as the slide's notes, a
 * paragraph per note, tagged with its language (pptx-xml.ts).
 */
/**
 * The slides' colours by scheme: the layout's (the light scheme's, pptx-layout.ts) as they are, or
 * their dark-room counterparts — the same as setup/scheme.css, so the PPTX looks as the slides do.
 */
const SCHEME_COLORS: Record<Scheme, { background: string; color: (color: string) => string }> = {
  light: { background: 'FFFFFF', color: (color) => color },
  dark: {
    background: '0F1520',
    color: (color) => ({ [COLORS.ink]: 'F3F5F9', [COLORS.muted]: 'B9C2D0', [COLORS.accent]: 'FF8F80' })[color] ?? color,
  },
}

export async function buildPptx(deck: ExportDeck): Promise<Buffer> {
  const scheme = SCHEME_COLORS[deck.scheme ?? 'light']
  const pptx = new PptxGenJS()
  const inches = (px: number) => px / PX_PER_INCH
  pptx.defineLayout({ name: 'deck', width: inches(deck.width), height: inches(deck.height) })
  pptx.layout = 'deck'
  pptx.title = joinTitle(deck.title)
  pptx.company = 'briefdeck'
  pptx.author = 'briefdeck'
  pptx.subject = deck.name
  pptx.theme = { headFontFace: FACE.en, bodyFontFace: FACE.en }
  pptx.defineSlideMaster({
    title: MASTER,
    background: { color: scheme.background },
    // Where each slide's title goes: PowerPoint's outline view and screen readers read it from here.
    objects: [{ placeholder: { options: { name: 'title', type: 'title', x: 0.5, y: 0.4, w: 9, h: 1 }, text: '' } }],
  })
  const slides: PptxFinish['slides'] = []
  for (const slide of deck.slides) {
    const page = pptx.addSlide({ masterName: MASTER })
    const layout = layoutSlide(slide.body)
    addShapes(pptx, page, layout, inches, scheme.color)
    const title = layout.boxes.find((box) => box.title)
    const emu = (px: number) => Math.round((px / PX_PER_INCH) * EMU_PER_INCH)
    slides.push({
      builds: layout.boxes.filter((box) => box.build).map((box) => ({ name: box.name, paragraphs: box.paragraphs.length })),
      title: title && { x: emu(title.x), y: emu(title.y), w: emu(title.w), h: emu(title.h) },
      notes: slide.notes.map((note) => {
        const lang = note.lang === 'zh-Hant' ? 'zh-Hant' : 'en'
        return { text: note.text, lang: PPTX_LANG[lang], font: FACE[lang] }
      }),
    })
    // pptxgenjs writes the notes page; pptx-xml.ts puts each paragraph in its own tagged run.
    if (slide.notes.length > 0) page.addNotes(notesText(slide.notes.map((note) => note.text)))
  }
  const bytes = (await pptx.write({ outputType: 'nodebuffer', compression: true })) as Buffer
  return finishPptx(bytes, { lang: PPTX_LANG[deck.lang === 'en' ? 'en' : 'zh-Hant'], slides })
}

function notesText(paragraphs: string[]): string {
  return paragraphs.join('\n\n')
}

function addShapes(pptx: Pptx, page: Slide, layout: SlideLayout, inches: (px: number) => number, colour: (color: string) => string): void {
  for (const rect of layout.rects) {
    page.addShape(pptx.ShapeType.rect, {
      x: inches(rect.x),
      y: inches(rect.y),
      w: inches(rect.w),
      h: inches(rect.h),
      fill: { color: colour(rect.color) },
      line: { type: 'none' },
      objectName: rect.name,
    })
  }
  for (const box of layout.boxes) {
    page.addText(box.paragraphs.flatMap((paragraph) => runsOf(paragraph, colour)), {
      x: inches(box.x),
      y: inches(box.y),
      w: inches(box.w),
      h: inches(box.h),
      margin: 0,
      valign: 'top',
      align: 'left',
      objectName: box.name,
      ...(box.title ? { placeholder: 'title' } : {}),
    })
  }
}

/** A paragraph's runs; the first carries the paragraph's settings, the last ends it. */
function runsOf(paragraph: Paragraph, colour: (color: string) => string): TextProps[] {
  const oneSize = paragraph.runs.every((run) => run.px === paragraph.runs[0]?.px)
  return paragraph.runs.map((run, i) => ({
    text: run.text,
    options: {
      lang: PPTX_LANG[run.lang],
      fontFace: FACE[run.lang],
      fontSize: round(run.px * PT_PER_PX),
      bold: run.bold,
      color: colour(run.color),
      softBreakBefore: run.breakBefore,
      breakLine: i === paragraph.runs.length - 1,
      ...(i === 0
        ? {
            // Exact spacing, as CSS line-height, where the paragraph has one size; PowerPoint's
            // percentages follow each font's own line height (Noto's is about 1.4 em).
            ...(oneSize
              ? { lineSpacing: round(run.px * paragraph.lineHeight * PT_PER_PX) }
              : { lineSpacingMultiple: Math.round((paragraph.lineHeight / NOTO_LINE_HEIGHT) * 100) / 100 }),
            paraSpaceBefore: round(paragraph.spaceBeforePx * PT_PER_PX),
            paraSpaceAfter: round(paragraph.spaceAfterPx * PT_PER_PX),
            ...(paragraph.bullet ? { bullet: { characterCode: SQUARE, indent: round(paragraph.bullet.indentPx * PT_PER_PX) } } : {}),
          }
        : {}),
    },
  }))
}

function round(value: number): number {
  return Math.round(value * 10) / 10
}
