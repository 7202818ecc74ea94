import Foundation
import TestSupport
import Testing

/// Headless Chromium, if installed (Debian: `apt-get install -y chromium`; `CHROMIUM=PATH`
/// picks another binary).
enum Chromium {
  static let binary: String? = {
    if let path = ProcessInfo.processInfo.environment["CHROMIUM"], !path.isEmpty {
      return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }
    let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(
      separator: ":")
    for name in ["chromium", "chromium-browser", "google-chrome"] {
      for directory in directories
      where FileManager.default.isExecutableFile(atPath: "\(directory)/\(name)") {
        return "\(directory)/\(name)"
      }
    }
    return nil
  }()

  struct Timeout: Error, CustomStringConvertible {
    var seconds: Double
    var description: String { "chromium did not finish within \(seconds) s" }
  }

  /// The DOM of `file` after its scripts ran (`--dump-dom`), with a fresh profile.
  static func dumpDOM(_ file: String, timeout: Double = 20) throws -> String {
    let profile = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: profile) }
    let dump = profile + "/dom.html"
    FileManager.default.createFile(atPath: dump, contents: nil)
    let out = try FileHandle(forWritingTo: URL(fileURLWithPath: dump))
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary!)
    process.arguments = [
      "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
      "--user-data-dir=\(profile)/profile", "--dump-dom", URL(fileURLWithPath: file).absoluteString,
    ]
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    let done = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in done.signal() }
    try process.run()
    if done.wait(timeout: .now() + timeout) == .timedOut {
      process.terminate()
      _ = done.wait(timeout: .now() + 5)
      throw Timeout(seconds: timeout)
    }
    try out.close()
    return try String(contentsOfFile: dump, encoding: .utf8)
  }
}

@Suite(
  .enabled(
    if: Chromium.binary != nil, "no chromium binary found (Debian: apt-get install -y chromium)"))
struct BrowserTests {
  @Test(.timeLimit(.minutes(1)))
  func hostileCorpusRendersAsTextInChromium() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let fixture = Repository.path("Tests/ReportTests/Fixtures/hostile.jsonl")
    let report = try PipelineProcess.run(["report", "--quiet", "-o", dir + "/report.html", fixture])
    #expect(report.status == 0, "\(report.stderr)")
    let html = try String(contentsOfFile: dir + "/report.html", encoding: .utf8)
    let entities = occurrences(of: "<svg class=\"chart\"", in: html)

    let dom = try Chromium.dumpDOM(dir + "/report.html")
    // The page's own script ran (so an injected one would have had its chance) …
    #expect(dom.contains("<html lang=\"en\" data-js=\"on\">"), "\(dom.prefix(300))")
    #expect(dom.contains("<output id=\"filter-count\">showing all 4 documents</output>"))
    #expect(!dom.contains("id=\"filters\" role=\"search\" hidden"))
    // … and nothing from the corpus did, or became an element.
    #expect(!dom.contains("data-pwned"))
    #expect(occurrences(of: "<script", in: dom) == 2)
    #expect(!dom.contains("<img"))
    #expect(occurrences(of: "<style", in: dom) == 1)
    #expect(!dom.contains("<textarea") && !dom.contains("<!-- x"))
    #expect(!dom.contains("<b onmouseover"))
    // The markup shows as text.
    #expect(
      dom.contains(
        "&lt;script&gt;document.documentElement.setAttribute('data-'+'pwned','script');alert(1)&lt;/script&gt;"
      ))
    #expect(
      dom.contains(
        "&lt;/style&gt;&lt;style&gt;body{display:none}&lt;/style&gt; &amp; 'single' \"double\" &lt;/textarea&gt;&lt;/title&gt;&lt;!-- x"
      ))
    #expect(dom.contains("&lt;b onmouseover=\"x()\"&gt;Desk&lt;/b&gt;"))
    // Documents, error records and entity charts as rendered.
    #expect(occurrences(of: "<article class=\"doc\"", in: dom) == 4)
    #expect(occurrences(of: "<tr class=\"error\"", in: dom) == 2)
    #expect(entities >= 4)
    #expect(occurrences(of: "<svg class=\"chart\"", in: dom) == entities)
    #expect(occurrences(of: "<rect class=\"seg ", in: dom) == entities * 3)
    #expect(dom.contains("<mark class=\"hl mention\""))
    #expect(dom.contains("<mark class=\"hl hit "))
    #expect(dom.contains(">Роскосмос</mark> 🚀 и <mark"))
  }
}
