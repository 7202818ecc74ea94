import Glibc
import PipelineKit

/// What the terminal on a file descriptor can show, from `isatty` and the environment.
///
/// Colour follows the NO_COLOR convention (no-color.org): a non-empty `NO_COLOR` turns it off,
/// as does `TERM=dumb` (a terminal without escape sequences); `--color always` still forces it.
/// A dumb terminal also gets progress redrawn with `\r` and spaces, never `ESC [ K`.
struct Terminal {
  let isTerminal: Bool
  /// `TERM` and `NO_COLOR`.
  let term: String?
  let noColor: String?

  init(
    fd: Int32, term: String? = Environment.value("TERM"),
    noColor: String? = Environment.value("NO_COLOR")
  ) {
    isTerminal = isatty(fd) == 1
    self.term = term
    self.noColor = noColor
  }

  /// `TERM=dumb`: no escape sequences at all.
  var isDumb: Bool { term == "dumb" }

  /// Whether `--color auto` means colour here.
  var allowsColor: Bool { isTerminal && !isDumb && (noColor ?? "").isEmpty }
}
