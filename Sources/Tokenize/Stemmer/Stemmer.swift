import CStemmer

/// A Snowball stemmer for one language (libstemmer), owned by one thread at a time.
///
/// Wraps the opaque `cstemmer` handle and closes it on `deinit`. The only Swift that imports
/// `CStemmer`.
final class Stemmer {
  let language: String
  private let handle: OpaquePointer

  init(language: String) throws(TokenizeError) {
    var handle: OpaquePointer?
    guard cstemmer_open(language, &handle) == Int32(CSTEMMER_OK), let handle else {
      throw .unknownStemLanguage(language, available: Self.languages)
    }
    self.language = language
    self.handle = handle
  }

  deinit { cstemmer_close(handle) }

  /// The stem of a lowercase word.
  func stem(_ word: String) -> String {
    var word = word
    return word.withUTF8 { bytes in
      var stem: UnsafePointer<UInt8>?
      var length: Int32 = 0
      let status = cstemmer_stem(handle, bytes.baseAddress, Int32(bytes.count), &stem, &length)
      guard status == Int32(CSTEMMER_OK), let stem else {
        return String(decoding: bytes, as: UTF8.self)
      }
      return String(decoding: UnsafeBufferPointer(start: stem, count: Int(length)), as: UTF8.self)
    }
  }

  /// Snowball's algorithm names ("english", "german", "russian", ...).
  static var languages: [String] {
    var result: [String] = []
    guard var list = cstemmer_list() else { return result }
    while let name = list.pointee {
      result.append(String(cString: name))
      list += 1
    }
    return result
  }
}
