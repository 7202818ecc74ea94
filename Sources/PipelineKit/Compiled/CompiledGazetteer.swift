import Entities
import FoundationEssentials
import Glibc
import Tokenize

/// A gazetteer compiled by `pipeline compile`: the default gazetteers and the named sources,
/// loaded once and stored as their tables, so that a run reads them back in one go instead of
/// tokenizing every alias again (a million aliases: a few hundred milliseconds instead of
/// seconds).
///
/// The file says what it was compiled from: the tool version, the settings that change a
/// gazetteer (the Cyrillic stemming language, the abbreviations, the built-in
/// transliterations), and each source file's path, size and fingerprint, with the attribute a
/// spaCy patterns file compared by. A run checks them (`staleness`): where a source that still
/// exists has changed, the gazetteer is rebuilt from the sources instead, with a warning, so a
/// stale compiled file never gives stale results. Documentation/compiled-gazetteers.md
/// describes the layout.
///
/// ```swift
/// let compiled = try CompiledGazetteer(contentsOf: "aliases.gzc")
/// let gazetteer = try compiled.gazetteer()
/// ```
public struct CompiledGazetteer: Sendable {
  /// Where it was read from (for messages).
  public let path: String
  public let header: Header
  /// The file, mapped; the gazetteer's tables (`Gazetteer.archive(to:)`) start at
  /// `tablesStart`.
  private let file: MappedFile
  private let tablesStart: Int

  /// The first bytes of every compiled gazetteer: `\x89PGZ\r\n\x1A\n` (a high byte, then line
  /// ends that text-mode transfers would change, as PNG's).
  public static let magic: [UInt8] = [0x89, 0x50, 0x47, 0x5A, 0x0D, 0x0A, 0x1A, 0x0A]
  /// The layout this build reads and writes. Bump it whenever `Gazetteer.archive(to:)` or the
  /// header changes.
  public static let formatVersion = 3
  /// magic, format version (4 bytes), checksum (8), file length (8), header length (8).
  static let prefixLength = 36

  /// One gazetteer file as compiled.
  public struct Source: Sendable, Equatable {
    public var file: SourceFile
    /// For a spaCy patterns file (`.jsonl`), the attribute its string patterns compare by.
    public var attribute: PhraseAttribute?

    public var path: String { file.path }

    public init(path: String, bytes: [UInt8], attribute: PhraseAttribute?) {
      self.init(SourceFile(path: path, bytes: bytes), attribute: attribute)
    }

    public init(_ file: SourceFile, attribute: PhraseAttribute?) {
      self.file = file
      self.attribute = file.path.hasSuffix(".jsonl") ? attribute : nil
    }
  }

  /// A `--gazetteer` as given, and the files it named.
  public struct Argument: Sendable, Equatable {
    public var path: String
    public var files: [Source]

    public init(path: String, files: [Source]) {
      self.path = path
      self.files = files
    }
  }

  /// What besides the files changes a gazetteer.
  public typealias Settings = KeySettings

  public struct Header: Sendable, Equatable {
    /// `PipelineVersion.number` of the build that compiled it.
    public var toolVersion: String
    public var settings: Settings
    /// The default gazetteers it includes (the built-in `lexicons/entities/` or
    /// `--lexicons-dir`'s; none with `--no-default-lexicons`).
    public var defaults: [Source]
    /// The `--gazetteer` sources it includes, after the defaults.
    public var arguments: [Argument]

    public init(settings: Settings, defaults: [Source], arguments: [Argument]) {
      self.toolVersion = PipelineVersion.number
      self.settings = settings
      self.defaults = defaults
      self.arguments = arguments
    }
  }

  /// Why a compiled gazetteer no longer stands for its sources.
  public enum Staleness: Sendable, Equatable {
    /// Compiled by another version of the tool.
    case toolVersion(compiled: String)
    case cyrillicLanguage(compiled: String, now: String)
    case abbreviations
    case transliterations
    /// The default gazetteers differ (this file changed, or was added or removed).
    case defaults(path: String)
    /// A source changed, or a folder compiled now holds other files.
    case source(path: String)
    /// A spaCy patterns file now compares by another attribute (`--phrase-attr`, its `cfg`).
    case attribute(path: String, compiled: PhraseAttribute, now: PhraseAttribute)
  }

  /// Whether the file at `path` starts like a compiled gazetteer (read: its first 8 bytes).
  public static func isCompiled(_ path: String) -> Bool {
    let descriptor = path.withCString { open($0, O_RDONLY | O_CLOEXEC) }
    guard descriptor >= 0 else { return false }
    let handle = InputDescriptor(descriptor, owns: true)
    return (try? handle.read(upToCount: magic.count)) == magic
  }

  /// Maps and validates a compiled gazetteer: magic, format version, length and checksum, and
  /// its header. The tables are decoded by `gazetteer()`.
  public init(contentsOf path: String) throws(PipelineError) {
    self.path = path
    file = try MappedFile(path: path)
    let checked = file.withBytes { raw in
      Result { () throws(PipelineError) in try Self.validate(raw, path: path) }
    }
    (header, tablesStart) = try checked.get()
  }

  /// The header and where the tables start, once the prefix and checksum are checked.
  private static func validate(_ bytes: UnsafeRawBufferPointer, path: String) throws(PipelineError)
    -> (Header, Int)
  {
    func problem(_ problem: CompiledGazetteerProblem) -> PipelineError {
      .compiledGazetteer(path: path, problem)
    }
    guard bytes.count >= magic.count, bytes.prefix(magic.count).elementsEqual(magic) else {
      throw problem(.notCompiled)
    }
    guard bytes.count >= prefixLength else {
      throw problem(.truncated(size: bytes.count, expected: prefixLength))
    }
    let version = Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: 8, as: UInt32.self)))
    let checksum = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 12, as: UInt64.self))
    let length = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 20, as: UInt64.self))
    let headerLength = UInt64(
      littleEndian: bytes.loadUnaligned(fromByteOffset: 28, as: UInt64.self))
    guard version == formatVersion else {
      throw problem(.formatVersion(found: version, supported: formatVersion))
    }
    if length > UInt64(bytes.count) {
      throw problem(.truncated(size: bytes.count, expected: Int(min(length, UInt64(Int.max)))))
    }
    // The checksum covers everything after it; it also catches bytes appended to the file.
    guard Fingerprint.hash(UnsafeRawBufferPointer(rebasing: bytes[20...])) == checksum,
      length == UInt64(bytes.count), headerLength <= UInt64(bytes.count - prefixLength)
    else { throw problem(.checksum) }
    let headerEnd = prefixLength + Int(headerLength)
    do throws(TokenizeError) {
      var reader = try ArchiveReader(
        UnsafeRawBufferPointer(rebasing: bytes[prefixLength..<headerEnd]))
      return (try Header(from: &reader), headerEnd)
    } catch {
      throw problem(.corrupt(error))
    }
  }

  /// The bytes of a compiled gazetteer: the prefix, the header, the gazetteer's tables.
  public static func bytes(of gazetteer: Gazetteer, header: Header) -> [UInt8] {
    var headerWriter = ArchiveWriter()
    header.archive(to: &headerWriter)
    var tables = ArchiveWriter()
    gazetteer.archive(to: &tables)
    let headerBytes = headerWriter.bytes
    let tableBytes = tables.bytes
    var body: [UInt8] = []
    let length = prefixLength + headerBytes.count + tableBytes.count
    withUnsafeBytes(of: UInt64(length).littleEndian) { body += $0 }
    withUnsafeBytes(of: UInt64(headerBytes.count).littleEndian) { body += $0 }
    body += headerBytes
    body += tableBytes
    var bytes = magic
    withUnsafeBytes(of: UInt32(formatVersion).littleEndian) { bytes += $0 }
    withUnsafeBytes(of: Fingerprint.hash(body).littleEndian) { bytes += $0 }
    return bytes + body
  }

  /// The gazetteer, decoded from its tables.
  ///
  /// - Complexity: O(size of the file); no alias is tokenized and no phrase inserted.
  public func gazetteer() throws(PipelineError) -> Gazetteer {
    let decoded = file.withBytes { raw in
      Result { () throws(TokenizeError) -> Gazetteer in
        var reader = try ArchiveReader(UnsafeRawBufferPointer(rebasing: raw[tablesStart...]))
        // The mapping outlives the call: the aliases are decoded from it when asked for.
        reader.owner = file
        let gazetteer = try Gazetteer(from: &reader)
        guard reader.isAtEnd else {
          throw .archiveValueOutOfRange(
            offset: reader.offset, field: "the end of the tables", found: raw.count - tablesStart,
            limit: reader.offset)
        }
        return gazetteer
      }
    }
    do { return try decoded.get() } catch { throw .compiledGazetteer(path: path, .corrupt(error)) }
  }

  /// Why the compiled gazetteer no longer stands for what it was compiled from, or nil when
  /// it still does. `defaults`: the default gazetteer files of this run; `arguments`: for each
  /// of `header.arguments`, its files now, or nil where the path is gone (a source that is gone
  /// cannot have changed: the compiled file stands in for it).
  public func staleness(settings: Settings, defaults: [Source], arguments: [[Source]?])
    -> Staleness?
  {
    if header.toolVersion != PipelineVersion.number {
      return .toolVersion(compiled: header.toolVersion)
    }
    if header.settings.cyrillicLanguage != settings.cyrillicLanguage {
      return .cyrillicLanguage(
        compiled: header.settings.cyrillicLanguage, now: settings.cyrillicLanguage)
    }
    if header.settings.abbreviations != settings.abbreviations { return .abbreviations }
    if header.settings.transliterations != settings.transliterations { return .transliterations }
    if let changed = Self.firstDifference(header.defaults, defaults) {
      return changed.attribute.map { .attribute(path: changed.path, compiled: $0.0, now: $0.1) }
        ?? .defaults(path: changed.path)
    }
    for (argument, files) in zip(header.arguments, arguments) {
      guard let files else { continue }
      if let changed = Self.firstDifference(argument.files, files) {
        return changed.attribute.map { .attribute(path: changed.path, compiled: $0.0, now: $0.1) }
          ?? .source(path: changed.path)
      }
    }
    return nil
  }

  /// The first file that differs between two lists, and its attributes when only they differ.
  private static func firstDifference(_ compiled: [Source], _ now: [Source]) -> (
    path: String, attribute: (PhraseAttribute, PhraseAttribute)?
  )? {
    for (old, new) in zip(compiled, now) where old != new {
      // A file added, else one removed.
      guard old.path == new.path else {
        return (compiled.contains { $0.path == new.path } ? old.path : new.path, nil)
      }
      if old.file == new.file, let was = old.attribute,
        let now = new.attribute
      {
        return (old.path, (was, now))
      }
      return (old.path, nil)
    }
    if compiled.count != now.count {
      let extra = compiled.count > now.count ? compiled[now.count] : now[compiled.count]
      return (extra.path, nil)
    }
    return nil
  }
}

extension CompiledGazetteer.Header {
  func archive(to writer: inout ArchiveWriter) {
    writer.write(toolVersion)
    writer.write(settings)
    Self.archive(defaults, to: &writer)
    writer.write(arguments.count)
    for argument in arguments {
      writer.write(argument.path)
      Self.archive(argument.files, to: &writer)
    }
  }

  init(from reader: inout ArchiveReader) throws(TokenizeError) {
    toolVersion = try reader.readString()
    settings = try reader.readKeySettings()
    defaults = try Self.sources(from: &reader)
    arguments = []
    for _ in 0..<(try reader.readCount(field: "the number of sources")) {
      arguments.append(
        CompiledGazetteer.Argument(
          path: try reader.readString(), files: try Self.sources(from: &reader)))
    }
  }

  private static func archive(_ sources: [CompiledGazetteer.Source], to writer: inout ArchiveWriter)
  {
    writer.write(sources.count)
    for source in sources {
      writer.write(source.file)
      writer.write(source.attribute?.rawValue)
    }
  }

  private static func sources(from reader: inout ArchiveReader) throws(TokenizeError)
    -> [CompiledGazetteer.Source]
  {
    var result: [CompiledGazetteer.Source] = []
    for _ in 0..<(try reader.readCount(field: "the number of files")) {
      let file = try reader.readSourceFile()
      var attribute: PhraseAttribute?
      let start = reader.offset
      if let name = try reader.readOptionalString() {
        guard let known = PhraseAttribute(rawValue: name) else {
          throw .archiveValueOutOfRange(
            offset: start, field: "a phrase attribute's number (ORTH, LOWER)", found: 2, limit: 2)
        }
        attribute = known
      }
      result.append(CompiledGazetteer.Source(file, attribute: attribute))
    }
    return result
  }
}
