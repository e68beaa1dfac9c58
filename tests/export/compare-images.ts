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

/** The images a PDF draws, in page order, each with the page it stands on (poppler's pdfimages; soft masks left out). */
export async function extractPdfImages(pdf: string): Promise<{ page: number; image: PNG }[]> {
  const { stdout } = await run('pdfimages', ['-list', pdf])
  // Rows after the two header lines: page, num, type, …; only `image` rows are pictures (`smask` rows are their alpha).
  const rows = stdout.split('\n').slice(2).map((line) => line.trim().split(/\s+/)).filter((cells) => cells.length > 2)
  const dir = await mkdtemp(path.join(os.tmpdir(), 'briefdeck-images-'))
  try {
    await run('pdfimages', ['-png', pdf, path.join(dir, 'image')])
    const files = (await readdir(dir)).filter((name) => name.endsWith('.png')).sort()
    if (files.length !== rows.length) throw new Error(`pdfimages listed ${rows.length} images of ${pdf} but wrote ${files.length}`)
    const images: { page: number; image: PNG }[] = []
    for (const [i, cells] of rows.entries()) {
      if (cells[2] !== 'image') continue
      images.push({ page: Number(cells[0]), image: PNG.sync.read(await readFile(path.join(dir, files[i]!))) })
    }
    return images
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
