import { readFile } from 'node:fs/promises'
import { decodeXML } from 'entities'
import JSZip from 'jszip'

export interface PptxFacts {
  /** Each slide's notes text (runs joined), in slide order. */
  notes: string[]
  /** How many pictures each slide holds. */
  pictures: number[]
}

const TEXT_RUN = /<a:t>([^<]*)<\/a:t>/g
const NOTES_REL = /Target="\.\.\/notesSlides\/(notesSlide\d+\.xml)"/

/** Reads slides and their notes from a PPTX with a zip reader, following each slide's relationship to its notes. */
export async function readPptx(file: string): Promise<PptxFacts> {
  const zip = await JSZip.loadAsync(await readFile(file))
  const slideNames = Object.keys(zip.files)
    .map((name) => /^ppt\/slides\/slide(\d+)\.xml$/.exec(name))
    .filter((match) => match !== null)
    .map((match) => Number(match[1]))
    .sort((a, b) => a - b)
  const notes: string[] = []
  const pictures: number[] = []
  for (const no of slideNames) {
    const slide = (await zip.file(`ppt/slides/slide${no}.xml`)?.async('string')) ?? ''
    pictures.push((slide.match(/<p:pic>/g) ?? []).length)
    const rels = (await zip.file(`ppt/slides/_rels/slide${no}.xml.rels`)?.async('string')) ?? ''
    const notesName = NOTES_REL.exec(rels)?.[1]
    const notesXml = notesName ? ((await zip.file(`ppt/notesSlides/${notesName}`)?.async('string')) ?? '') : ''
    // The notes body only: the slide-number placeholder also holds text.
    const body = notesXml.split('type="body"')[1]?.split('</p:txBody>')[0] ?? ''
    notes.push([...body.matchAll(TEXT_RUN)].map((match) => decodeXML(match[1] ?? '')).join('\n'))
  }
  return { notes, pictures }
}
