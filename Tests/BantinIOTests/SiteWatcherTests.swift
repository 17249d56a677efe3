import BantinIO
import Foundation
import TestSupport
import Testing

@Suite("Watching a site folder")
struct SiteWatcherTests {
  /// The first batch that arrives within `timeout`.
  func nextBatch(_ iterator: inout AsyncStream<SiteWatcher.Batch>.Iterator, timeout: Duration = .seconds(5)) async
    -> SiteWatcher.Batch?
  {
    await withTaskGroup(of: SiteWatcher.Batch?.self) { group in
      var copy = iterator
      group.addTask {
        try? await Task.sleep(for: timeout)
        return nil
      }
      let batch = await copy.next()
      group.cancelAll()
      iterator = copy
      return batch
    }
  }

  @Test("edits, new folders and site.yml are seen; swap and backup files are not")
  func watches() async throws {
    let site = try Scratch(["content/tin-tuc/a.md": "a", "site.yml": "title: A\n"])
    let watcher = try SiteWatcher(root: site.path, quiet: .milliseconds(80))
    var changes = watcher.changes().makeAsyncIterator()
    try site.write("content/tin-tuc/a.md", "b")
    #expect(await nextBatch(&changes) == ["content/tin-tuc/a.md"])
    try site.write("content/moi/sau/b.md", "c")  // folders made and filled before any watch on them
    let created = await nextBatch(&changes) ?? []
    #expect(created.contains("content/moi/sau/b.md"))
    try site.write("content/moi/sau/c.md", "d")  // the new folder is now watched itself
    #expect(await nextBatch(&changes) == ["content/moi/sau/c.md"])
    try site.write("content/tin-tuc/.a.md.swp", "swap")
    try site.write("content/tin-tuc/a.md~", "backup")
    try site.write("site.yml", "title: B\n")
    #expect(await nextBatch(&changes) == ["site.yml"])
    watcher.stop()
  }

  @Test("a burst of events comes out as one batch")
  func debounce() async throws {
    let site = try Scratch(["content/a.md": "a"])
    let watcher = try SiteWatcher(root: site.path, quiet: .milliseconds(150))
    var changes = watcher.changes().makeAsyncIterator()
    for index in 0..<20 { try site.write("content/a\(index % 4).md", "\(index)") }
    let batch = await nextBatch(&changes) ?? []
    #expect(batch == ["content/a0.md", "content/a1.md", "content/a2.md", "content/a3.md"])
    watcher.stop()
  }
}
