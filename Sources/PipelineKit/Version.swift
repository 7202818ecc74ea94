/// The tool's version: the one place it is written (`pipeline --version` prints it; the tests
/// read it from here). Bump it with each release; `OutputSchema.formatVersion` tracks the output
/// shape separately.
public enum PipelineVersion {
  public static let number = "0.6.0"

  /// What `pipeline --version` prints.
  public static var description: String {
    "\(number) (output format \(OutputSchema.formatVersion))"
  }
}
