/**
 * Shape checks on parsed YAML that keep later, recursive steps (schema validation, fingerprints,
 * JSON output) from overflowing the call stack: nesting depth and aliases that contain themselves.
 * Both walks are iterative, so they cannot overflow themselves.
 */
import { isCollection, isPair, Node } from 'yaml';

/** The first collection node nested deeper than `maxDepth` (the document's top collection is depth 1), in document order. */
export function firstNodeDeeperThan(root: unknown, maxDepth: number): Node | undefined {
  const pending: [unknown, number][] = [[root, 1]];
  while (pending.length > 0) {
    const [node, depth] = pending.pop() as [unknown, number];
    if (!isCollection(node)) continue;
    if (depth > maxDepth) return node;
    const children: unknown[] = [];
    for (const item of node.items) {
      if (isPair(item)) children.push(item.key, item.value);
      else children.push(item);
    }
    // Reversed so that the first child is looked at first.
    for (let i = children.length - 1; i >= 0; i--) pending.push([children[i], depth + 1]);
  }
  return undefined;
}

export type DataShape = { readonly kind: 'circular' } | { readonly kind: 'depth'; readonly depth: number };

/**
 * The nesting depth of plain data (a scalar is 0, `[]` is 1, `[[1]]` is 2), or `circular` when an
 * object contains itself (a YAML alias inside its own anchor). Shared objects are measured once.
 */
export function dataShape(root: unknown): DataShape {
  if (!isContainer(root)) return { kind: 'depth', depth: 0 };
  const heights = new Map<object, number>();
  const open = new Set<object>();
  const frames: { value: object; children: unknown[]; next: number; height: number }[] = [];
  const enter = (value: object): void => {
    open.add(value);
    frames.push({ value, children: Object.values(value), next: 0, height: 1 });
  };
  enter(root);
  while (frames.length > 0) {
    const frame = frames[frames.length - 1];
    if (frame.next < frame.children.length) {
      const child = frame.children[frame.next++];
      if (!isContainer(child)) continue;
      if (open.has(child)) return { kind: 'circular' };
      const known = heights.get(child);
      if (known !== undefined) frame.height = Math.max(frame.height, known + 1);
      else enter(child);
      continue;
    }
    frames.pop();
    open.delete(frame.value);
    heights.set(frame.value, frame.height);
    const parent = frames[frames.length - 1];
    if (parent) parent.height = Math.max(parent.height, frame.height + 1);
  }
  return { kind: 'depth', depth: heights.get(root) ?? 1 };
}

function isContainer(value: unknown): value is object {
  return value !== null && typeof value === 'object';
}
