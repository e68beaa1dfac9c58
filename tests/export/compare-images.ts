import { execFile } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import pixelmatch from 'pixelmatch'
import { PNG } from 'pngjs'

const run = promisify(execFile)

/** Every page of a PDF as an image of `width` × `height` pixels, rendered by poppler (not by the browser that printed it). */
export async function renderPdfPages(pdf: string, width: number, height: number): Promise<PNG[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'briefdeck-pages-'))
  try {
    await run('pdftoppm', ['-png', '-scale-to-x', String(width), '-scale-to-y', String(height), pdf, path.join(dir, 'page')])
    const files = (await readdir(dir)).filter((name) => name.endsWith('.png')).sort()
    return Promise.all(files.map(async (name) => PNG.sync.read(await readFile(path.join(dir, name)))))
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** Averages each `factor` × `factor` block into one pixel: what is left is layout, lines and glyph shapes, not anti-aliasing. */
export function downscale(image: PNG, factor: number): PNG {
  const width = Math.floor(image.width / factor)
  const height = Math.floor(image.height / factor)
  const out = new PNG({ width, height })
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let channel = 0; channel < 4; channel++) {
        let sum = 0
        for (let dy = 0; dy < factor; dy++) {
          for (let dx = 0; dx < factor; dx++) sum += image.data[((y * factor + dy) * image.width + x * factor + dx) * 4 + channel]!
        }
        out.data[(y * width + x) * 4 + channel] = Math.round(sum / (factor * factor))
      }
    }
  }
  return out
}

/** The share of pixels (0–1) that differ beyond pixelmatch's colour `threshold`, after downscaling both by `factor`. */
export function differingShare(a: PNG, b: PNG, factor: number, threshold: number): number {
  const small = [downscale(a, factor), downscale(b, factor)] as const
  const width = Math.min(small[0].width, small[1].width)
  const height = Math.min(small[0].height, small[1].height)
  const crop = (image: PNG) => {
    const out = new PNG({ width, height })
    PNG.bitblt(image, out, 0, 0, width, height, 0, 0)
    return out.data
  }
  const differing = pixelmatch(crop(small[0]), crop(small[1]), undefined, width, height, { threshold, includeAA: false })
  return differing / (width * height)
}

/** The handout frame's border colour (scripts/export/handout-html.ts), as poppler draws it, within a tolerance. */
const FRAME_BORDER = [0xc9, 0xce, 0xd8] as const
const BORDER_TOLERANCE = 24

/**
 * The slide on each handout page that has one, as poppler draws it: the page
 * rendered at the scale where the slide's full-width frame is `width` pixels
 * wide, the region inside the frame's border (found by its colour) cut out,
 * and brought to `width` × `height` (a slide shrunk to fit its notes is
 * drawn in a narrower frame). Pages without a frame (notes carried on) are
 * left out.
 */
export async function handoutSlides(pdf: string, frameCssPx: number, width: number, height: number): Promise<{ page: number; image: PNG; scale: number }[]> {
  const dpi = (width / frameCssPx) * 96
  const dir = await mkdtemp(path.join(os.tmpdir(), 'briefdeck-handout-'))
  try {
    await run('pdftoppm', ['-png', '-r', dpi.toFixed(3), pdf, path.join(dir, 'page')])
    const files = (await readdir(dir)).filter((name) => name.endsWith('.png')).sort()
    const slides: { page: number; image: PNG; scale: number }[] = []
    for (const [i, name] of files.entries()) {
      const page = PNG.sync.read(await readFile(path.join(dir, name)))
      const box = frameInside(page, width)
      if (!box) continue
      slides.push({ page: i + 1, image: resample(page, box.x, box.y, box.width, (box.width * height) / width, width, height), scale: box.width / width })
    }
    return slides
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** Where a page's slide is drawn, in PDF points from the page's top left. */
export interface FrameBox {
  top: number
  bottom: number
  left: number
  right: number
}

/**
 * Each handout page's slide frame, found as `handoutSlides` finds it (by its
 * border's colour in poppler's render), in PDF points from the page's top
 * left; undefined on a page without one. The frame's inside is as tall as a
 * slide of `width` × `height` drawn as wide as it.
 */
export async function handoutFrames(pdf: string, frameCssPx: number, width: number, height: number): Promise<(FrameBox | undefined)[]> {
  const dpi = (width / frameCssPx) * 96
  const dir = await mkdtemp(path.join(os.tmpdir(), 'briefdeck-frames-'))
  try {
    await run('pdftoppm', ['-png', '-r', dpi.toFixed(3), pdf, path.join(dir, 'page')])
    const files = (await readdir(dir)).filter((name) => name.endsWith('.png')).sort()
    const frames: (FrameBox | undefined)[] = []
    const toPt = (px: number) => (px * 72) / dpi
    for (const name of files) {
      const box = frameInside(PNG.sync.read(await readFile(path.join(dir, name))), width)
      frames.push(box && { top: toPt(box.y), bottom: toPt(box.y + (box.width * height) / width), left: toPt(box.x), right: toPt(box.x + box.width) })
    }
    return frames
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** The region `w` × `h` at (`x`, `y`) of an image, brought to `width` × `height` by averaging the pixels each covers. */
function resample(image: PNG, x: number, y: number, w: number, h: number, width: number, height: number): PNG {
  const out = new PNG({ width, height })
  const sx = w / width
  const sy = h / height
  for (let oy = 0; oy < height; oy++) {
    for (let ox = 0; ox < width; ox++) {
      const x0 = Math.floor(x + ox * sx)
      const y0 = Math.floor(y + oy * sy)
      const x1 = Math.max(x0 + 1, Math.floor(x + (ox + 1) * sx))
      const y1 = Math.max(y0 + 1, Math.floor(y + (oy + 1) * sy))
      const sum = [0, 0, 0, 0]
      let n = 0
      for (let py = y0; py < Math.min(y1, image.height); py++) {
        for (let px = x0; px < Math.min(x1, image.width); px++) {
          for (let channel = 0; channel < 4; channel++) sum[channel]! += image.data[(py * image.width + px) * 4 + channel]!
          n++
        }
      }
      for (let channel = 0; channel < 4; channel++) out.data[(oy * width + ox) * 4 + channel] = n > 0 ? Math.round(sum[channel]! / n) : 255
    }
  }
  return out
}

/** The narrowest a slide's frame may be drawn, as a share of its full width (scripts/export/handout-html.ts shrinks it to 70 %). */
const NARROWEST_FRAME = 0.5

/** Where the frame's content starts and how wide it is: below its top border line (a run of border colour) and right of its left one. */
function frameInside(page: PNG, width: number): { x: number; y: number; width: number } | undefined {
  const isBorder = (x: number, y: number) => {
    const at = (y * page.width + x) * 4
    return FRAME_BORDER.every((value, channel) => Math.abs(page.data[at + channel]! - value) <= BORDER_TOLERANCE)
  }
  for (let y = 0; y < page.height; y++) {
    let run = 0
    let start = 0
    for (let x = 0; x < page.width; x++) {
      if (isBorder(x, y)) {
        if (run === 0) start = x
        run++
        continue
      }
      if (run >= width * NARROWEST_FRAME) {
        let top = y
        while (top < page.height && isBorder(start + Math.floor(run / 2), top)) top++
        let left = start
        while (left < page.width && isBorder(left, top + 10)) left++
        return { x: left, y: top, width: run - 2 * (left - start) }
      }
      run = 0
    }
  }
  return undefined
}
