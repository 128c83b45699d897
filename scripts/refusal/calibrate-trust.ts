import type { TrustCalibration } from '../../pipeline/refusal/trust.ts';

/** A trust logit and whether the answer it vouched for was right. */
export interface TrustOutcome {
  logit: number;
  correct: boolean;
}

/**
 * Platt scaling of the trust logit: the scale and shift that minimise log loss on `outcomes`,
 * by Newton's method from (1, 0), rounded so the artifact is stable to the last digit.
 */
export function fitTrustCalibration(outcomes: readonly TrustOutcome[]): TrustCalibration {
  let scale = 1;
  let shift = 0;
  for (let iteration = 0; iteration < 50; iteration += 1) {
    let gradientScale = 0;
    let gradientShift = 0;
    let hessianScaleScale = 1e-9;
    let hessianScaleShift = 0;
    let hessianShiftShift = 1e-9;
    for (const { logit, correct } of outcomes) {
      const probability = 1 / (1 + Math.exp(-(scale * logit + shift)));
      const error = probability - (correct ? 1 : 0);
      const curvature = probability * (1 - probability);
      gradientScale += error * logit;
      gradientShift += error;
      hessianScaleScale += curvature * logit * logit;
      hessianScaleShift += curvature * logit;
      hessianShiftShift += curvature;
    }
    const determinant = hessianScaleScale * hessianShiftShift - hessianScaleShift * hessianScaleShift;
    const stepScale = (hessianShiftShift * gradientScale - hessianScaleShift * gradientShift) / determinant;
    const stepShift = (hessianScaleScale * gradientShift - hessianScaleShift * gradientScale) / determinant;
    scale -= stepScale;
    shift -= stepShift;
    if (Math.abs(stepScale) + Math.abs(stepShift) < 1e-10) break;
  }
  // A scale at or below 0 would mean the trust head points the wrong way; it never has, but the artifact requires a positive one.
  return { scale: Math.max(0.01, Math.round(scale * 10_000) / 10_000), shift: Math.round(shift * 10_000) / 10_000 };
}
