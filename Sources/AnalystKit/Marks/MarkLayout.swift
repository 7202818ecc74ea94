/// Lays out highlight marks over a text so that they never overlap: the one rule `explain` and
/// `report` both follow, whatever their positions count (`explain` counts tokens, `report`
/// Unicode scalar offsets).
///
/// Candidates come in layers (entity mentions, then lexicon hits, then modifier words); an
/// earlier layer always wins. Within a layer the rule is the repository's overlap rule,
/// **leftmost, then longest** (Documentation/design.md): going from the left, the longest
/// candidate starting first becomes a mark, and every later candidate of the same layer that
/// overlaps it joins that mark (it is listed with it, the mark keeps its range). A candidate
/// that overlaps a mark of an earlier layer is left out, as is an empty one.
///
/// ```swift
/// let marks = MarkLayout.marks([
///   .init(range: 0..<2, layer: .hit, item: "A"), .init(range: 1..<4, layer: .hit, item: "B"),
///   .init(range: 4..<5, layer: .hit, item: "C"), .init(range: 1..<2, layer: .mention, item: "M"),
/// ])
/// // [1..<2 mention [M], 4..<5 hit [C]]: A and B overlap the mention
/// ```
///
/// - Complexity: O(n log n) for n candidates.
package enum MarkLayout {
  /// Which kind of span a candidate is; earlier layers win overlaps.
  package enum Layer: Int, Sendable, Comparable, CaseIterable {
    case mention, hit, modifier

    package static func < (a: Layer, b: Layer) -> Bool { a.rawValue < b.rawValue }
  }

  package struct Candidate<Item> {
    package var range: Range<Int>
    package var layer: Layer
    package var item: Item

    package init(range: Range<Int>, layer: Layer, item: Item) {
      self.range = range
      self.layer = layer
      self.item = item
    }
  }

  /// A span to highlight and the candidates it stands for, in layout order (the one whose range
  /// it has first).
  package struct Mark<Item> {
    package var range: Range<Int>
    package var layer: Layer
    package var items: [Item]
  }

  /// The marks, sorted by position and pairwise disjoint.
  package static func marks<Item>(_ candidates: [Candidate<Item>]) -> [Mark<Item>] {
    // Leftmost, then longest; ties in input order.
    let order = candidates.indices.sorted {
      let a = candidates[$0]
      let b = candidates[$1]
      return (a.layer.rawValue, a.range.lowerBound, -a.range.upperBound, $0)
        < (b.layer.rawValue, b.range.lowerBound, -b.range.upperBound, $1)
    }
    var marks: [Mark<Item>] = []
    // The ranges of the earlier layers' marks, sorted and disjoint.
    var earlier: [Range<Int>] = []
    var layerStart = 0
    var layer: Layer?
    for index in order {
      let candidate = candidates[index]
      guard !candidate.range.isEmpty else { continue }
      if candidate.layer != layer {
        earlier = (earlier + marks[layerStart...].map(\.range)).sorted {
          $0.lowerBound < $1.lowerBound
        }
        layerStart = marks.count
        layer = candidate.layer
      }
      if overlaps(candidate.range, earlier) { continue }
      if marks.count > layerStart, marks[marks.count - 1].range.overlaps(candidate.range) {
        marks[marks.count - 1].items.append(candidate.item)
      } else {
        marks.append(Mark(range: candidate.range, layer: candidate.layer, items: [candidate.item]))
      }
    }
    return marks.sorted { $0.range.lowerBound < $1.range.lowerBound }
  }

  /// Whether `range` overlaps one of `sorted` (sorted by lower bound, pairwise disjoint).
  private static func overlaps(_ range: Range<Int>, _ sorted: [Range<Int>]) -> Bool {
    // The first range ending after range's start is the only one that can overlap it first.
    var low = 0
    var high = sorted.count
    while low < high {
      let mid = (low + high) / 2
      if sorted[mid].upperBound <= range.lowerBound { low = mid + 1 } else { high = mid }
    }
    return low < sorted.count && sorted[low].lowerBound < range.upperBound
  }
}
