// Sigma's node and edge programs drawn without instancing: one draw call for all items instead of
// one per item in software WebGL (SwiftShader loops over instances), with the same shaders and look.
import type { Attributes } from 'graphology-types';
import {
  EdgeArrowHeadProgram,
  EdgeClampedProgram,
  EdgeLineProgram,
  EdgeRectangleProgram,
  NodeCircleProgram,
  createEdgeCompoundProgram,
} from 'sigma/rendering';
import type { EdgeProgramType, InstancedProgramDefinition, NodeProgramType, ProgramDefinition } from 'sigma/rendering';
import type { RenderParams } from 'sigma/types';

/** What the wrapper needs from an instanced sigma program (fields are public in sigma's types). */
interface InstancedProgram {
  array: Float32Array;
  VERTICES: number;
  ATTRIBUTES_ITEMS_COUNT: number;
  pickProgram: unknown;
  renderer: { getSetting(key: 'enableEdgeEvents'): boolean };
  render(params: RenderParams): void;
  getDefinition(): ProgramDefinition | InstancedProgramDefinition;
  processVisibleItem(index: number, startIndex: number, ...data: never[]): void;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- TypeScript requires any[] for mixin bases
type ProgramClass = abstract new (...args: any[]) => InstancedProgram;

/**
 * Turns an instanced program class into a plain one: every vertex carries the item's attributes
 * followed by the per-vertex constants, and the whole array is drawn with one drawArrays call.
 */
export function withoutInstancing<C extends ProgramClass>(Base: C, options: { edges?: boolean } = {}): C {
  abstract class Flat extends Base {
    /** One item's attributes as the instanced program writes them, before they are copied per vertex. */
    private itemScratch = new Float32Array(0);
    private itemBits = new Uint32Array(0);
    private arrayBits: Uint32Array | null = null;
    private instanced: InstancedProgramDefinition | null = null;

    override getDefinition(): ProgramDefinition {
      const def = super.getDefinition();
      if (!('CONSTANT_ATTRIBUTES' in def)) return def;
      const { CONSTANT_ATTRIBUTES, CONSTANT_DATA: _constants, ...plain } = def;
      return { ...plain, ATTRIBUTES: [...def.ATTRIBUTES, ...CONSTANT_ATTRIBUTES] };
    }

    /** Edge picking (the second, hidden drawing) is skipped while sigma's edge events are off. */
    override render(params: RenderParams): void {
      if (!options.edges || !this.pickProgram || this.renderer.getSetting('enableEdgeEvents')) return super.render(params);
      const pick = this.pickProgram;
      this.pickProgram = null;
      try {
        super.render(params);
      } finally {
        this.pickProgram = pick;
      }
    }

    override processVisibleItem(index: number, startIndex: number, ...data: never[]): void {
      if (!this.instanced) {
        const def = super.getDefinition();
        if (!('CONSTANT_ATTRIBUTES' in def)) return super.processVisibleItem(index, startIndex, ...data);
        this.instanced = def;
      }
      const constants = this.instanced.CONSTANT_DATA;
      const itemCount = this.ATTRIBUTES_ITEMS_COUNT - (constants[0]?.length ?? 0);
      if (this.itemScratch.length !== itemCount) {
        this.itemScratch = new Float32Array(itemCount);
        this.itemBits = new Uint32Array(this.itemScratch.buffer);
      }
      // Let the instanced program write one item into the scratch buffer, then copy it per vertex
      // bit for bit (colours and ids are packed into floats).
      const target = this.array;
      this.array = this.itemScratch;
      try {
        super.processVisibleItem(index, 0, ...data);
      } finally {
        this.array = target;
      }
      if (!this.arrayBits || this.arrayBits.buffer !== target.buffer) this.arrayBits = new Uint32Array(target.buffer);
      const bits = this.arrayBits;
      let i = startIndex;
      for (let v = 0; v < this.VERTICES; v++) {
        for (let j = 0; j < itemCount; j++) bits[i++] = this.itemBits[j]!;
        const vertex = constants[v]!;
        for (let j = 0; j < vertex.length; j++) target[i++] = vertex[j]!;
      }
    }
  }
  return Flat as unknown as C;
}

export function nodeCircleProgram<N extends Attributes, E extends Attributes>(): NodeProgramType<N, E> {
  return withoutInstancing(NodeCircleProgram as unknown as ProgramClass) as unknown as NodeProgramType<N, E>;
}

/** Sigma's "arrow" edge (a line clamped to the target's border plus an arrow head), not instanced. */
export function edgeArrowProgram<N extends Attributes, E extends Attributes>(): EdgeProgramType<N, E> {
  const line = withoutInstancing(EdgeClampedProgram as unknown as ProgramClass, { edges: true }) as unknown as EdgeProgramType<N, E>;
  const head = withoutInstancing(EdgeArrowHeadProgram as unknown as ProgramClass, { edges: true }) as unknown as EdgeProgramType<N, E>;
  return createEdgeCompoundProgram<N, E>([line, head]);
}

/** Sigma's plain "line" edge, not instanced. */
export function edgeLineProgram<N extends Attributes, E extends Attributes>(): EdgeProgramType<N, E> {
  return withoutInstancing(EdgeRectangleProgram as unknown as ProgramClass, { edges: true }) as unknown as EdgeProgramType<N, E>;
}

/** One-pixel GL lines: what edges are drawn with while the layout moves every node. */
export function edgeThinLineProgram<N extends Attributes, E extends Attributes>(): EdgeProgramType<N, E> {
  return withoutInstancing(EdgeLineProgram as unknown as ProgramClass, { edges: true }) as unknown as EdgeProgramType<N, E>;
}
