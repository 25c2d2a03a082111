// linkedom's EventTarget, with each node's listener table made when a listener is first added.
//
// Why: linkedom's EventTarget constructor puts every node it builds (elements, text, comments,
// attributes) into one module-wide WeakMap with a new Map of listeners. A page that never runs
// script never adds a listener, yet that registration was ~30% of building the tree, and the
// WeakMap's ephemeron entries a large share of garbage collection: without it the whole HTML
// route took 0.8x the CPU on AEB's 181 pages (interleaved runs, same outputs).
//
// How: the registration sits in the base class's constructor, which every node class extends
// when linkedom's modules are defined, so the only clean point to change it is before they load:
// src/extract/linkedom-package.ts puts this module in Node's module cache under linkedom's own
// event-target.js (and the command line's bundle builds linkedom with it: scripts/bundle.mjs).
// (Re-pointing linkedom's Node class to another base after loading works too, but V8 then builds
// every node on a slow path: measured 1.25x slower than leaving linkedom as it is.) Listeners
// behave as in linkedom 0.18 (same capture-then-bubble path, `once`, stopImmediatePropagation);
// test/extract/linkedom-events.test.ts holds them to that.
import { loadLinkedomPackage } from "./linkedom-package.js";

type Listener = ((event: LinkedomEvent) => void) | { handleEvent(event: LinkedomEvent): void };
type Options = boolean | AddEventListenerOptions | undefined;

/** The fields of linkedom's Event that dispatching reads and writes (linkedom/cjs/interface/event.js). */
interface LinkedomEvent {
  type: string;
  bubbles: boolean;
  cancelBubble: boolean;
  defaultPrevented: boolean;
  eventPhase: number;
  currentTarget?: unknown;
  target?: unknown;
  _path: Array<{ currentTarget: DOMEventTarget; target: DOMEventTarget }>;
  _stopImmediatePropagationFlag: boolean;
  NONE: number;
  CAPTURING_PHASE: number;
  AT_TARGET: number;
  BUBBLING_PHASE: number;
}

/** Listeners by node, then by event type; a node is only here once a listener was added to it. */
const listenersOf = new WeakMap<object, Map<string, Map<Listener, Options>>>();

function call(event: LinkedomEvent, listener: Listener): boolean {
  if (typeof listener === "function") listener.call(event.target, event);
  else listener.handleEvent(event);
  return event._stopImmediatePropagationFlag;
}

function invokeListeners(this: LinkedomEvent, { currentTarget, target }: { currentTarget: DOMEventTarget; target: DOMEventTarget }): boolean | undefined {
  const listeners = listenersOf.get(currentTarget)?.get(this.type);
  if (!listeners) return undefined;
  this.eventPhase = currentTarget === target ? this.AT_TARGET : this.BUBBLING_PHASE;
  this.currentTarget = currentTarget;
  this.target = target;
  for (const [listener, options] of listeners) {
    if (options && typeof options === "object" && options.once) listeners.delete(listener);
    if (call(this, listener)) break;
  }
  delete this.currentTarget;
  delete this.target;
  return this.cancelBubble;
}

/** linkedom's EventTarget (the name is linkedom's too), minus the per-node registration. */
export class DOMEventTarget {
  /** Overridden by linkedom's nodes: the next node an event bubbles to. */
  _getParent(): DOMEventTarget | null {
    return null;
  }

  addEventListener(type: string, listener: Listener, options?: Options): void {
    let byType = listenersOf.get(this);
    if (!byType) listenersOf.set(this, (byType = new Map()));
    let listeners = byType.get(type);
    if (!listeners) byType.set(type, (listeners = new Map()));
    listeners.set(listener, options);
  }

  removeEventListener(type: string, listener: Listener): void {
    const byType = listenersOf.get(this);
    const listeners = byType?.get(type);
    if (listeners && listeners.delete(listener) && !listeners.size) byType!.delete(type);
  }

  dispatchEvent(event: LinkedomEvent): boolean {
    // As linkedom: the path is the target and, for a bubbling event, its ancestors.
    let node: DOMEventTarget | null = this;
    event.eventPhase = event.CAPTURING_PHASE;
    while (node) {
      if ((node as Partial<DOMEventTarget>).dispatchEvent) event._path.push({ currentTarget: node, target: this });
      node = event.bubbles && node._getParent ? node._getParent() : null;
    }
    event._path.some(invokeListeners, event);
    event._path = [];
    event.eventPhase = event.NONE;
    return !event.defaultPrevented;
  }
}

/**
 * linkedom (its CommonJS build), loaded with this module's EventTarget in place of its own when
 * linkedom was not loaded yet in this process; `lazyListeners` says whether that happened.
 */
export function requireLinkedom(): { linkedom: typeof import("linkedom"); lazyListeners: boolean } {
  const linkedom = loadLinkedomPackage(DOMEventTarget);
  return { linkedom, lazyListeners: (linkedom.EventTarget as unknown) === DOMEventTarget };
}
