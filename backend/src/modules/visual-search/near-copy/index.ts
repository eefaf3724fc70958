/**
 * Near-copy detection: is one product photo the same shot as another?
 * frame.ts (the stored small picture), sampling.ts, registration.ts (aligning
 * two frames), decision.ts (the gates and final tests; thresholds calibrated
 * by `npm run calibrate:duplicates`).
 */
export {
  COLOUR_FRAME,
  FRAME,
  frameOf,
  inkOf,
  parseFrame,
  type Frame,
} from "./frame"
export {
  inkDifference,
  isNearCopy,
  nearCopyScore,
  NEAR_COPY_THRESHOLDS,
  type NearCopyMeasures,
  type NearCopyScore,
} from "./decision"
