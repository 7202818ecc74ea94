import Testing

@testable import Stance

@Suite("Attribution marker kinds")
struct MarkerKindTests {
  /// `bit` is spelt out case by case; it must stay `1 << index in allCases`.
  @Test func bitsFollowTheDeclarationOrder() {
    for (index, kind) in AttributionRules.MarkerKind.allCases.enumerated() {
      #expect(kind.bit == 1 << UInt32(index), "\(kind)")
    }
  }
}
