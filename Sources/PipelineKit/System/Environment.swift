import Glibc

/// Environment variables read one at a time.
///
/// `ProcessInfo.processInfo.environment` copies every variable into a dictionary to read one
/// (about a million instructions, a twentieth of a short run's start-up).
public enum Environment {
  /// The value of `name`, or nil when it is not set.
  public static func value(_ name: String) -> String? {
    guard let value = getenv(name) else { return nil }
    return String(cString: value)
  }
}
