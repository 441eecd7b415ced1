/**
 * What src/io/docx.ts imports as `mammoth`, in the browser: mammoth's own browser build, run when the first
 * .docx is opened (web/lazy.ts). Same calls as on Node; the bytes are handed over as an ArrayBuffer.
 */
import { loadLazy } from './lazy.js';

interface MammothBrowser {
  convertToHtml(input: { arrayBuffer: ArrayBuffer }, options: Record<string, unknown>): Promise<{ value: string }>;
  images: { imgElement(f: (image: unknown) => Promise<{ src: string }>): unknown };
}

type ImageConverter = { readonly imgElement: (image: unknown) => Promise<{ src: string }> };

const mammoth = {
  images: {
    imgElement: (f: (image: unknown) => Promise<{ src: string }>): ImageConverter => ({ imgElement: f }),
  },
  async convertToHtml(input: { buffer: Uint8Array }, options: Record<string, unknown> & { convertImage?: ImageConverter }): Promise<{ value: string }> {
    const m = loadLazy<MammothBrowser>('mammoth');
    const b = input.buffer;
    const arrayBuffer = b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
    const { convertImage, ...rest } = options;
    return m.convertToHtml({ arrayBuffer }, { ...rest, ...(convertImage ? { convertImage: m.images.imgElement(convertImage.imgElement) } : {}) });
  },
};

export default mammoth;
