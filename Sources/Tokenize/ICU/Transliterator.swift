import CICU
import Synchronization

/// An ICU transliterator (a compound transform such as `Russian-Latin/BGN; Any-Latin;
/// Latin-ASCII`), owned by one thread at a time; closed on `deinit`.
final class Transliterator {
  private let handle: OpaquePointer

  init(_ id: String) throws(ICUError) {
    var handle: OpaquePointer?
    let units = Array(id.utf16)
    try ICUError.check(
      units.withUnsafeBufferPointer {
        cicu_translit_open($0.baseAddress, Int32($0.count), &handle)
      },
      "utrans_openU")
    self.handle = handle!
  }

  deinit { cicu_translit_close(handle) }

  /// The transform of a UTF-16 string.
  func transform(_ source: [UInt16]) throws(ICUError) -> [UInt16] {
    var capacity = max(16, source.count * 2)
    while true {
      var output = [UInt16](repeating: 0, count: capacity)
      var length: Int32 = 0
      let status = source.withUnsafeBufferPointer { input in
        output.withUnsafeMutableBufferPointer { out in
          cicu_translit_apply(
            handle, input.baseAddress, Int32(input.count), out.baseAddress, Int32(capacity), &length
          )
        }
      }
      try ICUError.check(status, "utrans_transUChars")
      if Int(length) <= capacity {
        output.removeSubrange(Int(length)...)
        return output
      }
      capacity = max(Int(length), capacity * 2)
    }
  }
}

/// The transliterator of `Tokenizer.transliteration` that every session of one tokenizer uses, one
/// thread at a time: opened once, by the first session that needs it. One per session cost
/// each further thread about 4 million instructions (its own open, once the first had built
/// ICU's registry of transforms, and its first transform of each script); calls are few (each
/// session caches its keys' transliterations), so sharing one under a lock costs next to
/// nothing.
final class SharedTransliterator: Sendable {
  private let transliterator = Mutex<Transliterator?>(nil)

  /// Whether a session has opened it.
  var isOpen: Bool { transliterator.withLock { $0 != nil } }

  /// The transform of a UTF-16 string, opening the transliterator first if need be.
  func transform(_ source: [UInt16]) throws(ICUError) -> [UInt16] {
    try transliterator.withLock { (open) throws(ICUError) -> [UInt16] in
      if let open { return try open.transform(source) }
      let opened = try Transliterator(Tokenizer.transliteration)
      open = opened
      return try opened.transform(source)
    }
  }
}
