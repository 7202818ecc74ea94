import Glibc

/// `format` filled in by the C library's `vsnprintf` ("%.2f s"), as `String(format:)` did for
/// the numbers this tool prints (without linking Foundation).
public func cFormat(_ format: String, _ arguments: any CVarArg...) -> String {
  var capacity = 64
  while true {
    var buffer = [CChar](repeating: 0, count: capacity)
    let length = withVaList(arguments) { list in
      buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, capacity, format, list) }
    }
    if length < 0 { return "" }
    if Int(length) < capacity {
      return String(decoding: buffer[..<Int(length)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
    capacity = Int(length) + 1
  }
}
