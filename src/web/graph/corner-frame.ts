// Framing that keeps clear of a panel floating in the stage's bottom-right corner (the minimap): when
// the fitted drawing would run under it, the drawing shrinks into the band above the panel or the
// band beside it, whichever keeps it larger.

/** A rectangle in viewport pixels. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Size {
  width: number;
  height: number;
}

/** How the fitted drawing must change: a zoom factor (≤ 1) and the viewport point its centre moves to. */
export interface CornerFrame {
  zoom: number;
  centre: { x: number; y: number };
}

/**
 * `box` is where the fitted drawing lies, `padding` the margin the fit keeps inside the stage, and
 * `corner` the panel's size counted from the stage's bottom-right corner (its own margin included).
 * Null when the drawing is clear of the panel already.
 */
export function clearOfCorner(box: Box, stage: Size, corner: Size, padding: number): CornerFrame | null {
  const panelLeft = stage.width - corner.width;
  const panelTop = stage.height - corner.height;
  if (box.right <= panelLeft || box.bottom <= panelTop) return null;
  const width = Math.max(box.right - box.left, 1e-6);
  const height = Math.max(box.bottom - box.top, 1e-6);
  const zoomInto = (band: Size) =>
    Math.min(1, Math.max(band.width - 2 * padding, 1) / width, Math.max(band.height - 2 * padding, 1) / height);
  const above = zoomInto({ width: stage.width, height: panelTop });
  const beside = zoomInto({ width: panelLeft, height: stage.height });
  if (above >= beside) return { zoom: above, centre: { x: stage.width / 2, y: panelTop / 2 } };
  return { zoom: beside, centre: { x: panelLeft / 2, y: stage.height / 2 } };
}
