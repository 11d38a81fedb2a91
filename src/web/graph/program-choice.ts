// Which WebGL programs draw the graph: sigma's own instanced programs by default; the non-instanced
// copies (programs.ts) only where WebGL is software-rendered (SwiftShader, llvmpipe), where each
// instance costs a draw call. `?programs=stock|compat` overrides the detection.
import { EdgeArrowProgram, EdgeLineProgram, EdgeRectangleProgram, NodeCircleProgram } from 'sigma/rendering';
import type { EdgeProgramType, NodeProgramType } from 'sigma/rendering';
import type { EdgeAttrs, NodeAttrs } from '../types.js';
import { edgeArrowProgram, edgeLineProgram, edgeThinLineProgram, nodeCircleProgram } from './programs.js';

export type ProgramSet = 'stock' | 'compat';

const SOFTWARE_RENDERERS = /swiftshader|llvmpipe|softpipe|software|basic render/i;

/** The WebGL renderer's name (unmasked when the browser allows it), or null without WebGL. */
export function webglRendererName(): string | null {
  const canvas = document.createElement('canvas');
  const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
  if (!gl) return null;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER);
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return typeof name === 'string' ? name : null;
}

export function isSoftwareRenderer(name: string | null): boolean {
  return name !== null && SOFTWARE_RENDERERS.test(name);
}

/** The program set for this page: the `programs` URL parameter, else detected from the renderer. */
export function chooseProgramSet(search: string, rendererName: () => string | null = webglRendererName): ProgramSet {
  const asked = new URLSearchParams(search).get('programs');
  if (asked === 'stock' || asked === 'compat') return asked;
  return isSoftwareRenderer(rendererName()) ? 'compat' : 'stock';
}

export interface Programs {
  nodeProgramClasses: Record<string, NodeProgramType<NodeAttrs, EdgeAttrs>>;
  edgeProgramClasses: Record<string, EdgeProgramType<NodeAttrs, EdgeAttrs>>;
}

export function programsFor(set: ProgramSet): Programs {
  if (set === 'compat') {
    return {
      nodeProgramClasses: { circle: nodeCircleProgram<NodeAttrs, EdgeAttrs>() },
      edgeProgramClasses: {
        arrow: edgeArrowProgram<NodeAttrs, EdgeAttrs>(),
        line: edgeLineProgram<NodeAttrs, EdgeAttrs>(),
        thin: edgeThinLineProgram<NodeAttrs, EdgeAttrs>(),
      },
    };
  }
  return {
    nodeProgramClasses: { circle: NodeCircleProgram as unknown as NodeProgramType<NodeAttrs, EdgeAttrs> },
    edgeProgramClasses: {
      arrow: EdgeArrowProgram as unknown as EdgeProgramType<NodeAttrs, EdgeAttrs>,
      line: EdgeRectangleProgram as unknown as EdgeProgramType<NodeAttrs, EdgeAttrs>,
      thin: EdgeLineProgram as unknown as EdgeProgramType<NodeAttrs, EdgeAttrs>,
    },
  };
}
