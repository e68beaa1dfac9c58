import JSZip from 'jszip'
import { COLORS } from './pptx-layout.ts'

/**
 * What pptxgenjs cannot write, added to its PPTX: each point's "appear" build
 * on its click, the Traditional Chinese face and character set of every run's
 * East Asian font, the theme's fonts, and the document's language.
 */

/** Every run's East Asian face: pptxgenjs repeats the Latin face with the Simplified Chinese (GB2312) character set. */
const EA_FONT = /<a:ea typeface="[^"]*" pitchFamily="34" charset="-122"\/>/g
/** Big5 (136 as a signed byte): a substitute for a missing face is then a Traditional Chinese one. */
export const EA_TRADITIONAL = '<a:ea typeface="Noto Sans TC" pitchFamily="34" charset="-120"/>'
/** Windows' Traditional Chinese sans face, where Noto Sans TC is not installed. */
export const TRADITIONAL_FALLBACK = 'Microsoft JhengHei'

export interface PptxFinish {
  /** The document's language (`zh-TW`, `en-US`). */
  lang: string
  slides: {
    /** Shapes whose paragraphs appear one per click, in order (a section's points). */
    builds: { name: string; paragraphs: number }[]
    /** Where the title placeholder stands on this slide, in EMU (pptxgenjs puts it where the master has it). */
    title?: { x: number; y: number; w: number; h: number } | undefined
    /** The notes' paragraphs with their languages (pptxgenjs writes notes as one untagged run). */
    notes: { text: string; lang: string; font: string }[]
  }[]
}

/** pptxgenjs's bullet, which it cannot colour: the deck's red square. */
const BULLET = /<a:buSzPct val="100000"\/><a:buChar char="&#x25A0;"\/>/g
/** pptxgenjs repeats paragraph properties before every run of a paragraph; only the first is allowed. */
const RUN_PPR = /(<\/a:r>|<a:br\/>)<a:pPr\b[^>]*(?:\/>|>[\s\S]*?<\/a:pPr>)/g
const ACCENT_BULLET = `<a:buClr><a:srgbClr val="${COLORS.accent}"/></a:buClr><a:buSzPct val="60000"/><a:buFont typeface="Arial"/><a:buChar char="■"/>`

/** The paragraphs of the notes' body placeholder. */
const NOTES_BODY = /(type="body"[\s\S]*?<p:txBody><a:bodyPr\/><a:lstStyle\/>)[\s\S]*?(<\/p:txBody>)/

/** One paragraph per note, a blank one between them (as the notes read in Slidev), each run tagged. */
function notesParagraphs(notes: PptxFinish['slides'][number]['notes']): string {
  return notes
    .map(
      (note) =>
        `<a:p><a:r><a:rPr lang="${note.lang}" altLang="en-US" dirty="0"><a:latin typeface="${note.font}"/>${EA_TRADITIONAL}</a:rPr>` +
        `<a:t>${escapeXml(note.text)}</a:t></a:r></a:p>`,
    )
    .join('<a:p><a:endParaRPr lang="en-US" dirty="0"/></a:p>')
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c)
}

/** The title placeholder's position, the first `<a:xfrm>` after its `<p:ph type="title">`. */
const TITLE_XFRM = /(<p:ph\b[^>]*\btype="title"[\s\S]*?<a:xfrm>)[\s\S]*?(<\/a:xfrm>)/

export async function finishPptx(bytes: Uint8Array, finish: PptxFinish): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes)
  const edit = async (name: string, change: (xml: string) => string) => {
    const file = zip.file(name)
    if (!file) throw new Error(`pptx: no ${name}`)
    zip.file(name, change(await file.async('string')))
  }
  for (const [i, slide] of finish.slides.entries()) {
    await edit(`ppt/slides/slide${i + 1}.xml`, (xml) => {
      const { title } = slide
      const placed = title ? xml.replace(TITLE_XFRM, `$1<a:off x="${title.x}" y="${title.y}"/><a:ext cx="${title.w}" cy="${title.h}"/>$2`) : xml
      return addBuilds(placed.replace(EA_FONT, EA_TRADITIONAL).replace(BULLET, ACCENT_BULLET).replace(RUN_PPR, '$1'), slide.builds)
    })
    if (slide.notes.length === 0) continue
    const rels = (await zip.file(`ppt/slides/_rels/slide${i + 1}.xml.rels`)?.async('string')) ?? ''
    const notes = /Target="\.\.\/notesSlides\/(notesSlide\d+\.xml)"/.exec(rels)?.[1]
    if (!notes) throw new Error(`pptx: slide ${i + 1} has no notes`)
    await edit(`ppt/notesSlides/${notes}`, (xml) => xml.replace(NOTES_BODY, (_, open: string, close: string) => `${open}${notesParagraphs(slide.notes)}${close}`))
  }
  await edit('ppt/theme/theme1.xml', (xml) =>
    xml
      .replaceAll('<a:ea typeface=""/>', '<a:ea typeface="Noto Sans TC"/>')
      .replace(/<a:font script="Hant" typeface="[^"]*"\/>/g, `<a:font script="Hant" typeface="${TRADITIONAL_FALLBACK}"/>`),
  )
  await edit('docProps/core.xml', (xml) => xml.replace('</cp:coreProperties>', `<dc:language>${finish.lang}</dc:language></cp:coreProperties>`))
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })
}

/** A slide's timing: a click per paragraph of each built shape, making it appear (PowerPoint's "Appear" entrance). */
function addBuilds(xml: string, builds: PptxFinish['slides'][number]['builds']): string {
  if (builds.length === 0) return xml
  let ctn = 2
  const ids = builds.map(({ name }) => {
    const id = new RegExp(`<p:cNvPr id="(\\d+)" name="${name}"`).exec(xml)?.[1]
    if (!id) throw new Error(`pptx: no shape named ${name}`)
    return id
  })
  const clicks = builds.flatMap(({ paragraphs }, i) =>
    Array.from({ length: paragraphs }, (_, paragraph) => {
      const [outer, inner, effect, set] = [++ctn, ++ctn, ++ctn, ++ctn]
      return (
        `<p:par><p:cTn id="${outer}" fill="hold"><p:stCondLst><p:cond delay="indefinite"/></p:stCondLst><p:childTnLst>` +
        `<p:par><p:cTn id="${inner}" fill="hold"><p:stCondLst><p:cond delay="0"/></p:stCondLst><p:childTnLst>` +
        `<p:par><p:cTn id="${effect}" presetID="1" presetClass="entr" presetSubtype="0" fill="hold" grpId="0" nodeType="clickEffect">` +
        '<p:stCondLst><p:cond delay="0"/></p:stCondLst><p:childTnLst>' +
        `<p:set><p:cBhvr><p:cTn id="${set}" dur="1" fill="hold"><p:stCondLst><p:cond delay="0"/></p:stCondLst></p:cTn>` +
        `<p:tgtEl><p:spTgt spid="${ids[i]}"><p:txEl><p:pRg st="${paragraph}" end="${paragraph}"/></p:txEl></p:spTgt></p:tgtEl>` +
        '<p:attrNameLst><p:attrName>style.visibility</p:attrName></p:attrNameLst></p:cBhvr>' +
        '<p:to><p:strVal val="visible"/></p:to></p:set></p:childTnLst></p:cTn></p:par>' +
        '</p:childTnLst></p:cTn></p:par></p:childTnLst></p:cTn></p:par>'
      )
    }),
  )
  const timing =
    '<p:timing><p:tnLst><p:par><p:cTn id="1" dur="indefinite" restart="never" nodeType="tmRoot"><p:childTnLst>' +
    '<p:seq concurrent="1" nextAc="seek"><p:cTn id="2" dur="indefinite" nodeType="mainSeq"><p:childTnLst>' +
    clicks.join('') +
    '</p:childTnLst></p:cTn>' +
    '<p:prevCondLst><p:cond evt="onPrev" delay="0"><p:tgtEl><p:sldTgt/></p:tgtEl></p:cond></p:prevCondLst>' +
    '<p:nextCondLst><p:cond evt="onNext" delay="0"><p:tgtEl><p:sldTgt/></p:tgtEl></p:cond></p:nextCondLst>' +
    '</p:seq></p:childTnLst></p:cTn></p:par></p:tnLst>' +
    // Built by paragraph: PowerPoint's Effect Options, "By Paragraph".
    `<p:bldLst>${ids.map((id) => `<p:bldP spid="${id}" grpId="0" build="p"/>`).join('')}</p:bldLst></p:timing>`
  if (!xml.includes('</p:sld>')) throw new Error('pptx: slide without </p:sld>')
  return xml.replace('</p:sld>', () => `${timing}</p:sld>`)
}
