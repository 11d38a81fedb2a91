// Camera moves: centre on a node (after a search or a shared link) and fit the whole drawing.
import { getRenderer, graph } from './instance.js';

export function focusNode(id: string, ratio = 0.35): void {
  const sigma = getRenderer();
  if (!sigma || !graph.hasNode(id)) return;
  // Display data is in the normalized frame the camera works in.
  const data = sigma.getNodeDisplayData(id);
  if (!data) return;
  void sigma.getCamera().animate({ x: data.x, y: data.y, ratio }, { duration: 400 });
}

export function fitView(): void {
  const sigma = getRenderer();
  if (!sigma) return;
  void sigma.getCamera().animatedReset({ duration: 300 });
}

export function zoomBy(factor: number): void {
  const camera = getRenderer()?.getCamera();
  if (!camera) return;
  void camera.animate({ ratio: camera.ratio / factor }, { duration: 200 });
}
