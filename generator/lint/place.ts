/**
 * Where a node is written: a file and a JSON pointer into it. The walker makes one Place per node
 * it visits, so the pointer string is built only when someone asks for it (a finding, a lookup):
 * a 5 MB document has hundreds of thousands of nodes and reports about a few thousand.
 */
import { escapePointerSegment, splitPointer } from '../diagnostics.js';

export class Place {
  private cached: string | undefined;

  private constructor(
    readonly file: string,
    private readonly parent: Place | undefined,
    private readonly key: string,
  ) {}

  static root(file: string, pointer = ''): Place {
    const place = new Place(file, undefined, splitPointer(pointer).pop() ?? '');
    place.cached = pointer;
    return place;
  }

  child(...segments: Array<string | number>): Place {
    let place: Place = this;
    for (const segment of segments) place = new Place(this.file, place, String(segment));
    return place;
  }

  get pointer(): string {
    if (this.cached === undefined) this.cached = `${this.parent!.pointer}/${escapePointerSegment(this.key)}`;
    return this.cached;
  }

  /** The last segment: a map key or list index. */
  get name(): string {
    return this.key;
  }
}
