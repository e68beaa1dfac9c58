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
 * rendered at the scale where the slide's frame is `width` pixels wide, and
 * the region inside the frame's border (found by its colour) cut out.
 * Pages without a frame (a long note running on) are left out.
 */
export async function handoutSlides(pdf: string, frameCssPx: number, width: number, height: number): Promise<{ page: number; image: PNG }[]> {
  const dpi = (width / frameCssPx) * 96
  const dir = await mkdtemp(path.join(os.tmpdir(), 'briefdeck-handout-'))
  try {
    await run('pdftoppm', ['-png', '-r', dpi.toFixed(3), pdf, path.join(dir, 'page')])
    const files = (await readdir(dir)).filter((name) => name.endsWith('.png')).sort()
    const slides: { page: number; image: PNG }[] = []
    for (const [i, name] of files.entries()) {
      const page = PNG.sync.read(await readFile(path.join(dir, name)))
      const box = frameInside(page, width)
      if (!box) continue
      const image = new PNG({ width, height })
      PNG.bitblt(page, image, box.x, box.y, Math.min(width, page.width - box.x), Math.min(height, page.height - box.y), 0, 0)
      slides.push({ page: i + 1, image })
    }
    return slides
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** Where the frame's content starts: below its top border line (a run of border colour most of `width` long) and right of its left one. */
function frameInside(page: PNG, width: number): { x: number; y: number } | undefined {
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
      } else run = 0
      if (run >= width * 0.9) {
        let top = y
        while (top < page.height && isBorder(start + Math.floor(width / 2), top)) top++
        let left = start
        while (left < page.width && isBorder(left, top + 10)) left++
        return { x: left, y: top }
      }
    }
  }
  return undefined
}
