import Testing

@testable import PipelineKit

/// The pieces `RecordFragments` assembles without making a `String`.
@Suite("Record fragments")
struct RecordFragmentsTests {
  @Test(arguments: [0, 7, 10, 99, 270, 909, 123_456_789, -5, -10, Int.max, Int.min])
  func decimalDigitsMatchString(_ value: Int) {
    var bytes = Array("x:".utf8)
    RecordFragments.appendDecimal(value, to: &bytes)
    #expect(String(decoding: bytes, as: UTF8.self) == "x:\(value)")
  }
}
