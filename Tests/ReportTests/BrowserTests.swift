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

  /// The DOM of `file` (opened with `fragment`, if any) after its scripts ran (`--dump-dom`),
  /// with a fresh profile.
  static func dumpDOM(_ file: String, fragment: String = "", timeout: Double = 300) throws -> String
  {
    let profile = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: profile) }
    let dump = profile + "/dom.html"
    #expect(FileManager.default.createFile(atPath: dump, contents: nil))
    let out = try FileHandle(forWritingTo: URL(fileURLWithPath: dump))
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary!)
    process.arguments = [
      "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
      "--user-data-dir=\(profile)/profile", "--dump-dom",
      URL(fileURLWithPath: file).absoluteString + fragment,
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
  /// Analyzed here, or read back from `pipeline run` output with the texts.
  @Test(arguments: [false, true])
  func hostileCorpusRendersAsTextInChromium(fromOutput: Bool) throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let fixture = Repository.path("Tests/ReportTests/Fixtures/hostile.jsonl")
    var arguments = [fixture]
    if fromOutput {
      let run = try PipelineProcess.run(["run", "--quiet", "-o", dir + "/run.jsonl", fixture])
      #expect(run.status == 0, "\(run.stderr)")
      arguments = ["--from-output", dir + "/run.jsonl", "--texts", fixture]
    }
    let report = try PipelineProcess.run(
      ["report", "--quiet", "-o", dir + "/report.html"] + arguments)
    #expect(report.status == 0, "\(report.stderr)")
    let html = try String(contentsOfFile: dir + "/report.html", encoding: .utf8)
    let entities = occurrences(of: "<svg class=\"chart\"", in: html)

    let dom = try Chromium.dumpDOM(dir + "/report.html")
    // The page's own script ran (so an injected one would have had its chance) …
    #expect(dom.contains("<html lang=\"en\" data-js=\"on\">"), "\(dom.prefix(300))")
    #expect(dom.contains("<output id=\"filter-count\">showing 1–4 of 4 documents</output>"))
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
    #expect(dom.contains("<mark class=\"hl mention t0\""))
    #expect(dom.contains("<mark class=\"hl hit "))
    #expect(dom.contains(">Роскосмос</mark> 🚀 и <mark"))
  }

  struct PagingCase: CustomTestStringConvertible, Sendable {
    var fragment: String
    /// The numbers of the documents shown (`doc-N`).
    var shown: [Int]
    var count: String
    var page: String
    var testDescription: String { fragment.isEmpty ? "no fragment" : fragment }
  }

  /// 120 documents, 110 listed; every tenth has a zebra. The list shows 50 at a time, and the
  /// page, the search and the filters are read from the URL fragment.
  @Test(
    arguments: [
      PagingCase(
        fragment: "", shown: Array(1...50), count: "showing 1–50 of 110 documents",
        page: "page 1 of 3"),
      PagingCase(
        fragment: "#page=2", shown: Array(51...100), count: "showing 51–100 of 110 documents",
        page: "page 2 of 3"),
      PagingCase(
        fragment: "#page=3", shown: Array(101...110), count: "showing 101–110 of 110 documents",
        page: "page 3 of 3"),
      PagingCase(
        fragment: "#q=zebra", shown: Array(stride(from: 10, through: 110, by: 10)),
        count: "showing 1–11 of 11 matching (110 listed)", page: "page 1 of 1"),
      PagingCase(
        fragment: "#q=ZEBRA%20nasa&label=favor&page=4",
        shown: Array(stride(from: 10, through: 110, by: 10)),
        count: "showing 1–11 of 11 matching (110 listed)", page: "page 1 of 1"),
      PagingCase(
        fragment: "#q=zebra&label=against", shown: [],
        count: "showing 0 of 0 matching (110 listed)",
        page: "page 1 of 1"),
      PagingCase(
        fragment: "#q=%3Cscript%3E", shown: [], count: "showing 0 of 0 matching (110 listed)",
        page: "page 1 of 1"),
    ])
  func pagingAndSearchFollowTheURLFragment(_ c: PagingCase) throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let lines = (1...120).map {
      record("d\($0)", "NASA praised the \($0 % 10 == 0 ? "zebra" : "partnership") number \($0).")
    }
    try (lines.joined(separator: "\n") + "\n").write(
      toFile: dir + "/corpus.jsonl", atomically: true, encoding: .utf8)
    let report = try PipelineProcess.run([
      "report", "--quiet", "--max-documents", "110", "-o", dir + "/report.html",
      dir + "/corpus.jsonl",
    ])
    #expect(report.status == 0, "\(report.stderr)")
    let dom = try Chromium.dumpDOM(dir + "/report.html", fragment: c.fragment)
    let shown = captures(#"<article class="doc" id="doc-(\d+)"([^>]*)>"#, in: dom).compactMap {
      $0[1].contains("hidden") ? nil : Int($0[0])
    }
    #expect(shown == c.shown)
    #expect(dom.contains("<output id=\"filter-count\">\(c.count)</output>"))
    #expect(dom.contains("<span id=\"page-info\">\(c.page)</span>"))
    #expect(occurrences(of: "<article class=\"doc\"", in: dom) == 110)
  }

  /// The entity table is sorted by the column the fragment names.
  @Test
  func entityTableSortsByTheFragmentsColumn() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let report = try PipelineProcess.run(
      ["report", "--quiet", "-o", dir + "/report.html"] + ReportCommandTests.corpus)
    #expect(report.status == 0, "\(report.stderr)")
    for (fragment, expected) in [
      ("#sort=name-asc", "ascending"), ("#sort=documents-desc", "descending"),
    ] {
      let dom = try Chromium.dumpDOM(dir + "/report.html", fragment: fragment)
      let key = fragment.dropFirst(6).split(separator: "-")[0]
      #expect(dom.contains("data-key=\"\(key)\" aria-sort=\"\(expected)\">"))
      let names = captures(
        #"<tr data-entity="e\d+" data-id="[^"]*" data-order="\d+"><td data-value="([^"]*)""#,
        in: dom
      ).map { $0[0] }
      #expect(names.count == 44)
      if key == "name" {
        #expect(names == names.sorted { $0.localizedCompare($1) == .orderedAscending }, "\(names)")
      }
    }
  }
}
