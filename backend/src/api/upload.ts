// Moved to lib/uploads (one normaliser for every upload path); kept so existing imports resolve.
export { images, singleImage } from "../lib/uploads"
