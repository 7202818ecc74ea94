import FoundationEssentials
import Glibc

/// What the terminal on a file descriptor can show, from `isatty` and the environment.
///
/// Colour follows the NO_COLOR convention (no-color.org): a non-empty `NO_COLOR` turns it off,
/// as does `TERM=dumb` (a terminal without escape sequences); `--color always` still forces it.
/// A dumb terminal also gets progress redrawn with `\r` and spaces, never `ESC [ K`.
struct Terminal {
  let isTerminal: Bool
  let environment: [String: String]

  init(fd: Int32, environment: [String: String] = ProcessInfo.processInfo.environment) {
    isTerminal = isatty(fd) == 1
    self.environment = environment
  }

  /// `TERM=dumb`: no escape sequences at all.
  var isDumb: Bool { environment["TERM"] == "dumb" }

  /// Whether `--color auto` means colour here.
  var allowsColor: Bool { isTerminal && !isDumb && (environment["NO_COLOR"] ?? "").isEmpty }
}
