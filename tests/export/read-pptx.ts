import { readFile } from 'node:fs/promises'
import { readPptxSlides } from './read-pptx-slides.ts'

export interface PptxFacts {
  /** Each slide's notes text (paragraphs joined by newlines), in slide order. */
  notes: string[]
  /** How many pictures each slide holds. */
  pictures: number[]
}

/** A PPTX's notes and pictures, slide by slide, as the one PPTX reader (read-pptx-slides.ts) reads them. */
export async function readPptx(file: string): Promise<PptxFacts> {
  const { slides } = await readPptxSlides(new Uint8Array(await readFile(file)))
  return { notes: slides.map((slide) => slide.notes), pictures: slides.map((slide) => (slide.xml.match(/<p:pic>/g) ?? []).length) }
}
