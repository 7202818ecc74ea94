import FoundationEssentials
import Glibc

/// A recursive walk of an input directory that accounts for every entry it cannot process.
///
/// The walk reads names as bytes (`readdir`), so no name is lost to decoding, and looks at each
/// entry with `lstat`/`stat` only — nothing is opened, so a FIFO cannot block it. It follows
/// symbolic links to files and directories. Its entries, sorted by path bytes:
///
/// | entry | becomes |
/// | --- | --- |
/// | a regular file with a document extension (case-insensitive) | a file to read |
/// | a FIFO, socket or device with a document extension | a `not_regular_file` warning |
/// | a directory that cannot be read | an `unreadable_directory` error |
/// | a symbolic link to nothing | a `broken_symlink` error |
/// | a link loop (`ELOOP`, or a link back to a directory above it) | a `symlink_loop` error |
/// | any other entry (`README.md`, `.DS_Store`) | nothing: not a document |
public enum DirectoryWalk {
  /// One entry of a walk: a file to read, or a record to write in its place.
  public enum Entry: Sendable, Equatable {
    case file(InputPath)
    case problem(InputPath, RecordError)

    public var path: InputPath {
      switch self {
      case .file(let path), .problem(let path, _): return path
      }
    }
  }

  /// The entries below `root` (a directory) whose extension is in `extensions`, and the problems.
  public static func entries(below root: InputPath, extensions: Set<String>) -> [Entry] {
    var entries: [Entry] = []
    var rootInfo = stat()
    let ancestors: Set<FileID> =
      root.withCString { stat($0, &rootInfo) } == 0 ? [FileID(rootInfo)] : []
    walk(root, ancestors: ancestors, extensions: extensions, into: &entries)
    return entries.sorted { $0.path < $1.path }
  }

  /// A file's identity, to find links that lead back up the tree.
  private struct FileID: Hashable {
    var device: UInt64
    var inode: UInt64
    init(_ info: stat) {
      device = UInt64(info.st_dev)
      inode = UInt64(info.st_ino)
    }
  }

  private static func walk(
    _ directory: InputPath, ancestors: Set<FileID>, extensions: Set<String>,
    into entries: inout [Entry]
  ) {
    guard let handle = directory.withCString({ opendir($0) }) else {
      entries.append(.problem(directory, InputProblem.unreadableDirectory(directory, errno: errno)))
      return
    }
    defer { closedir(handle) }
    while let entry = readdir(handle) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        Array(raw.prefix { $0 != 0 })
      }
      if name == [UInt8(ascii: ".")] || name == [UInt8(ascii: "."), UInt8(ascii: ".")] { continue }
      let path = directory.appending(name)
      let isDocument = extensions.contains(path.lowercasedExtension)
      var info = stat()
      guard path.withCString({ lstat($0, &info) }) == 0 else {
        if isDocument {
          entries.append(.problem(path, InputProblem.unreadable(path, errno: errno)))
        }
        continue
      }
      if info.st_mode & S_IFMT == S_IFLNK {
        guard path.withCString({ stat($0, &info) }) == 0 else {
          let code = errno
          entries.append(
            .problem(
              path,
              code == ELOOP
                ? InputProblem.symlinkLoop(path)
                : code == ENOENT || code == ENOTDIR
                  ? InputProblem.brokenSymlink(path) : InputProblem.unreadable(path, errno: code)))
          continue
        }
      }
      switch info.st_mode & S_IFMT {
      case S_IFDIR:
        let id = FileID(info)
        if ancestors.contains(id) {
          entries.append(.problem(path, InputProblem.symlinkLoop(path)))
        } else {
          walk(path, ancestors: ancestors.union([id]), extensions: extensions, into: &entries)
        }
      case S_IFREG:
        if isDocument { entries.append(.file(path)) }
      default:
        if isDocument {
          entries.append(.problem(path, InputProblem.notRegularFile(path, mode: info.st_mode)))
        }
      }
    }
  }
}

/// The records of inputs that cannot be read: wording in one place.
enum InputProblem {
  static func unreadable(_ path: InputPath, errno code: Int32) -> RecordError {
    record(path, .unreadableFile, "cannot read '\(path)': \(reason(code))")
  }

  static func unreadableDirectory(_ path: InputPath, errno code: Int32) -> RecordError {
    record(
      path, .unreadableDirectory,
      "cannot read directory '\(path)': \(reason(code)); its files are not processed")
  }

  static func brokenSymlink(_ path: InputPath) -> RecordError {
    record(path, .brokenSymlink, "'\(path)' is a symbolic link to nothing")
  }

  static func symlinkLoop(_ path: InputPath) -> RecordError {
    record(
      path, .symlinkLoop,
      "'\(path)' is a symbolic link loop (it leads back to itself or a directory above it)")
  }

  static func notRegularFile(_ path: InputPath, mode: mode_t) -> RecordError {
    let kind: String
    switch mode & S_IFMT {
    case S_IFIFO: kind = "a FIFO"
    case S_IFSOCK: kind = "a socket"
    case S_IFCHR: kind = "a character device"
    case S_IFBLK: kind = "a block device"
    default: kind = "not a regular file"
    }
    return record(
      path, .notRegularFile, "skipped '\(path)': \(kind), not a regular file (not opened)")
  }

  static func readFailed(_ path: InputPath, line: Int, errno code: Int32) -> RecordError {
    RecordError(
      id: nil, source: path.description, line: line + 1, code: .unreadableFile,
      message: "read failed after line \(line): \(reason(code))")
  }

  private static func record(_ path: InputPath, _ code: RecordError.Code, _ message: String)
    -> RecordError
  {
    RecordError(id: nil, source: path.description, line: nil, code: code, message: message)
  }

  /// `strerror` in the lowercase of the other messages.
  static func reason(_ code: Int32) -> String {
    switch code {
    case EACCES: return "permission denied"
    case ENOENT: return "no such file or directory"
    default:
      let text = String(cString: strerror(code))
      return text.prefix(1).lowercased() + text.dropFirst()
    }
  }
}
