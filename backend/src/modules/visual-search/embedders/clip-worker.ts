/**
 * Source of the CLIP inference worker, as a plain JavaScript string started
 * with `new Worker(CLIP_WORKER_SOURCE, { eval: true, workerData })`.
 *
 * Why a string and not a worker file: the backend runs as TypeScript through
 * ts-node/swc in development and as tsc output in production (`medusa build`
 * → .medusa/server, no allowJs, so a separate .js file would not be copied,
 * and a .ts worker file cannot be started by plain Node). A string is the same
 * in both, and under Jest. It must stay plain ES2020 JavaScript (no TS, no
 * imports, no backticks): it is never compiled.
 *
 * The worker owns everything heavy: @huggingface/transformers (and with it
 * onnxruntime-node and sharp) is only ever loaded here, images are decoded
 * here, and inference runs here — the main event loop only copies buffers in
 * and vectors out.
 *
 * workerData: { transformersPath, modelRef, dtype, localOnly, cacheDir?, threads? }
 * Messages in:  { id, op: "images", images: Uint8Array[] } | { id, op: "text", texts: string[] }
 * Messages out: { type: "ready", dimensions, info } | { type: "init-error", message }
 *               { id, ok: true, dims: [n, d], data: Float32Array (transferred) } | { id, ok: false, message }
 */
export const CLIP_WORKER_SOURCE = String.raw`
"use strict";
const { parentPort, workerData } = require("worker_threads");

async function loadTransformers(p) {
  try {
    return require(p);
  } catch (e) {
    // ESM-only build: fall back to a dynamic import (works in eval workers).
    const { pathToFileURL } = require("url");
    return await import(pathToFileURL(p).href);
  }
}

function l2rows(data, n, d) {
  const out = new Float32Array(n * d);
  for (let r = 0; r < n; r++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += data[r * d + j] * data[r * d + j];
    const norm = Math.sqrt(s) || 1;
    for (let j = 0; j < d; j++) out[r * d + j] = data[r * d + j] / norm;
  }
  return out;
}

async function main() {
  const wd = workerData;
  const t = await loadTransformers(wd.transformersPath);
  const env = t.env;
  if (wd.localOnly) {
    env.allowRemoteModels = false;
    env.allowLocalModels = true;
  }
  if (wd.cacheDir) env.cacheDir = wd.cacheDir;

  const opts = { dtype: wd.dtype, device: "cpu", local_files_only: !!wd.localOnly };
  if (wd.threads) opts.session_options = { intraOpNumThreads: wd.threads, interOpNumThreads: 1 };
  const plain = { local_files_only: !!wd.localOnly };

  const [vision, text, processor, tokenizer] = await Promise.all([
    t.CLIPVisionModelWithProjection.from_pretrained(wd.modelRef, opts),
    t.CLIPTextModelWithProjection.from_pretrained(wd.modelRef, opts),
    t.AutoProcessor.from_pretrained(wd.modelRef, plain),
    t.AutoTokenizer.from_pretrained(wd.modelRef, plain),
  ]);

  async function embedRawImages(images) {
    const inputs = await processor(images);
    const out = await vision({ pixel_values: inputs.pixel_values });
    const e = out.image_embeds;
    if (!e) throw new Error("CLIP vision model returned no image_embeds (outputs: " + Object.keys(out).join(", ") + ")");
    return { dims: e.dims, data: l2rows(e.data, e.dims[0], e.dims[1]) };
  }
  async function embedTexts(texts) {
    const inputs = tokenizer(texts, { padding: true, truncation: true });
    const out = await text(inputs);
    const e = out.text_embeds;
    if (!e) throw new Error("CLIP text model returned no text_embeds (outputs: " + Object.keys(out).join(", ") + ")");
    return { dims: e.dims, data: l2rows(e.data, e.dims[0], e.dims[1]) };
  }
  async function decode(buffers) {
    const images = [];
    for (let i = 0; i < buffers.length; i++) {
      try {
        images.push(await t.RawImage.fromBlob(new Blob([buffers[i]])));
      } catch (e) {
        const err = new Error("image #" + i + " of the batch could not be decoded: " + (e && e.message ? e.message : e));
        err.index = i;
        throw err;
      }
    }
    return images;
  }

  // Warm-up: proves both graphs run and agree on the vector length.
  const grey = new t.RawImage(new Uint8ClampedArray(224 * 224 * 3).fill(128), 224, 224, 3);
  const vi = await embedRawImages([grey]);
  const ti = await embedTexts(["a photo"]);
  const dimensions = vi.dims[1];
  if (ti.dims[1] !== dimensions) {
    throw new Error("CLIP image vectors have " + dimensions + " dimensions but text vectors have " + ti.dims[1]);
  }
  const projectionDim = vision.config && vision.config.projection_dim;
  if (projectionDim && projectionDim !== dimensions) {
    throw new Error("config.json says projection_dim " + projectionDim + " but the model returns " + dimensions + "-dimensional vectors");
  }

  // One request at a time: bounded memory, and results in order.
  let queue = Promise.resolve();
  parentPort.on("message", (msg) => {
    queue = queue.then(async () => {
      try {
        const r = msg.op === "images" ? await embedRawImages(await decode(msg.images))
          : msg.op === "text" ? await embedTexts(msg.texts)
          : null;
        if (!r) throw new Error("unknown op " + msg.op);
        parentPort.postMessage({ id: msg.id, ok: true, dims: r.dims, data: r.data }, [r.data.buffer]);
      } catch (e) {
        parentPort.postMessage({ id: msg.id, ok: false, message: String(e && e.message ? e.message : e), index: e && e.index });
      }
    });
  });

  parentPort.postMessage({
    type: "ready",
    dimensions,
    info: {
      transformersVersion: env.version,
      allowRemoteModels: env.allowRemoteModels,
      localFilesOnly: !!wd.localOnly,
      projectionDim: projectionDim || null,
      visionInputs: vision.sessions.model.inputNames,
      visionOutputs: vision.sessions.model.outputNames,
      textInputs: text.sessions.model.inputNames,
      textOutputs: text.sessions.model.outputNames,
    },
  });
}

main().catch((e) => {
  parentPort.postMessage({ type: "init-error", message: String(e && e.message ? e.message : e) });
});
`
